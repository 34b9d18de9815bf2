// An International Bank Account Number (ISO 13616), written without spaces and checked with
// its ISO 7064 MOD 97-10 check digits.

public struct IBAN: Sendable, Hashable, CustomStringConvertible {
    /// Electronic form: upper case, no spaces, e.g. "CZ3053144564427104134570".
    public let text: String

    /// Accepts the printed form with spaces ("CZ30 5314 4564 …") and lower case.
    public init(_ written: String) throws(PaymentError) {
        let text = String(written.filter { !$0.isWhitespace }).uppercased()
        let scalars = Array(text.unicodeScalars)
        guard (15...34).contains(scalars.count),
              scalars[0...1].allSatisfy({ ("A"..."Z").contains($0) }),
              scalars[2...3].allSatisfy({ ("0"..."9").contains($0) }),
              scalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else {
            throw .invalid(.iban, "`\(written)` is not an IBAN: it should be a country code, two check digits and up to 30 letters or digits, such as `CZ65 0800 0000 1920 0014 5399`")
        }
        guard Mod97.remainder(scalars) == 1 else {
            throw .invalid(.iban, "the IBAN `\(written)` has wrong check digits (ISO 13616); look for a mistyped digit")
        }
        self.text = text
    }

    /// ISO 3166 country of the account, e.g. "CZ".
    public var country: String { String(text.prefix(2)) }
    public var description: String { text }
}
