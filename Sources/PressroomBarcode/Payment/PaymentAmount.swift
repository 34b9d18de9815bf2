// An amount of money for a payment code, read from a decimal string ("1234.5", "99") and
// written the way EPC and SPAYD both accept it.

public struct PaymentAmount: Sendable, Hashable, CustomStringConvertible {
    /// The amount in hundredths (cents, haléře).
    public let hundredths: Int

    /// Reads "1234.5", "99", "0.01". Digits after the second decimal must be zeros ("12.340" is
    /// fine, "12.345" is not: payment codes carry at most two decimals, and rounding someone's
    /// bill silently is worse than an error). Zero and negative amounts are rejected.
    public init(_ written: String) throws(PaymentError) {
        let text = written.trimmingSpaces
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        // Shown at most 40 characters long: the value comes from the data, which may hold anything.
        let shown = written.count <= 40 ? written : String(written.prefix(39)) + "…"
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            throw .invalid(.amount, "the amount `\(shown)` is not a decimal number such as `1234.50` (a point before the decimals, no thousands separators, no currency)")
        }
        guard whole.drop(while: { $0 == "0" }).count <= Self.wholeDigits else {
            throw .invalid(.amount, "the amount `\(shown)` is too large for a payment code: it carries at most \(Self.wholeDigits) digits before the point (999,999,999.99)")
        }
        guard fraction.dropFirst(2).allSatisfy({ $0 == "0" }) else {
            throw .invalid(.amount, "the amount `\(shown)` has more than two decimals; payment codes carry at most two (round it first)")
        }
        let cents = (Int(whole.drop(while: { $0 == "0" })) ?? 0) * 100 + Int((fraction.prefix(2) + "00").prefix(2))!
        guard cents > 0 else {
            throw .invalid(.amount, "the amount `\(shown)` is not positive; a payment code asks for at least 0.01 (skip the block with `if:` when nothing is due)")
        }
        hundredths = cents
    }

    /// "99" for a whole amount, otherwise always two decimals: "1234.50", "0.07". Both standards
    /// allow up to two decimals (EPC069-12 element 8, SPAYD `AM`); whole amounts stay short.
    public var text: String {
        let whole = hundredths / 100, cents = hundredths % 100
        if cents == 0 { return String(whole) }
        return "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { text }

    /// EPC069-12's amount is at most 999999999.99 (the tighter of the two standards; SPAYD's `AM`
    /// holds ten characters).
    static let wholeDigits = 9
}

extension String {
    /// Without leading and trailing whitespace. Most values have none and come back as they are,
    /// without walking their characters twice.
    var trimmingSpaces: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return self }
        return String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
