// The EPC069-12 "SEPA Credit Transfer QR" payload (GiroCode), version 002, UTF-8: one element
// per line, nothing after the last populated element.

public struct EPCPayload: Sendable, Hashable, CustomStringConvertible {
    /// Elements 10 and 11 are exclusive: a checked ISO 11649 creditor reference, or free text.
    public enum Remittance: Sendable, Hashable {
        case structured(String)
        case unstructured(String)
    }

    /// EPC069-12 §"QR code": QR error correction M and at most version 13, i.e. 331 bytes.
    public static let maximumBytes = 331
    public static let maximumAmount = 999_999_999_99  // hundredths: 999 999 999.99

    /// The payload, lines separated by LF.
    public let text: String

    /// - Parameters:
    ///   - name: the beneficiary, 1–70 characters.
    ///   - bic: optional in version 002 (within the EEA); 8 or 11 characters.
    ///   - amount: optional (the payer types it), at most 999 999 999.99.
    ///   - information: beneficiary-to-originator information, up to 70 characters.
    public init(name: String, iban: IBAN, bic: String? = nil, amount: PaymentAmount?,
                remittance: Remittance? = nil, information: String? = nil) throws(PaymentError) {
        let name = name.trimmingSpaces
        guard !name.isEmpty else { throw .invalid(.name, "the EPC QR code needs the payee's name, and it is empty") }
        try Self.check(name, field: .name, what: "the payee's name", limit: 70)
        var bicText = ""
        if let bic, !bic.trimmingSpaces.isEmpty {
            bicText = try Self.bic(bic)
        }
        var amountText = ""
        if let amount {
            guard amount.hundredths <= Self.maximumAmount else {
                throw .invalid(.amount, "the amount \(amount.text) is over the EPC QR maximum of 999999999.99 EUR")
            }
            amountText = "EUR" + amount.text
        }
        var structured = "", unstructured = ""
        switch remittance {
        case .structured(let reference):
            structured = try CreditorReference.checked(reference)
        case .unstructured(let text):
            try Self.check(text, field: .reference, what: "the remittance text (reference and message)", limit: 140)
            unstructured = text
        case nil:
            break
        }
        if let information { try Self.check(information, field: .message, what: "the note to the payer", limit: 70) }

        var lines = ["BCD", "002", "1", "SCT", bicText, name, iban.text, amountText, "",  // element 9, the purpose code, is not used
                     structured, unstructured, information ?? ""]
        while lines.last?.isEmpty == true { lines.removeLast() }
        let text = lines.joined(separator: "\n")
        let bytes = text.utf8.count
        guard bytes <= Self.maximumBytes else { throw .payloadTooLong(standard: "EPC QR", bytes: bytes, limit: Self.maximumBytes) }
        self.text = text
    }

    public var description: String { text }

    /// An element is one line: no line breaks, at most `limit` characters.
    static func check(_ value: String, field: PaymentField, what: String, limit: Int) throws(PaymentError) {
        guard !value.contains(where: \.isNewline) else {
            throw .invalid(field, "\(what) contains a line break, which a payment code cannot carry")
        }
        guard value.count <= limit else {
            throw .invalid(field, "\(what) is \(value.count) characters, over the limit of \(limit): `\(value)`")
        }
    }

    /// ISO 9362 BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (location), an
    /// optional 3-character branch.
    static func bic(_ written: String) throws(PaymentError) -> String {
        let bic = String(written.filter { !$0.isWhitespace }).uppercased()
        let scalars = Array(bic.unicodeScalars)
        guard scalars.count == 8 || scalars.count == 11, scalars.allSatisfy(Mod97.isAlphanumeric),
              scalars[0..<6].allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw .invalid(.bic, "`\(written)` is not a BIC: it has 8 or 11 letters and digits, such as `GIBACZPX`")
        }
        return bic
    }
}

/// ISO 11649 creditor reference: `RF`, two check digits and up to 21 letters or digits.
public enum CreditorReference {
    /// The reference without spaces, upper case, when it is a valid RF reference.
    public static func checked(_ written: String) throws(PaymentError) -> String {
        guard let reference = valid(written) else {
            throw .invalid(.reference, "`\(written)` is not an ISO 11649 creditor reference (`RF`, two check digits, up to 21 letters or digits, such as `RF18 5390 0754 7034`)")
        }
        return reference
    }

    /// The normalised reference, or nil when it is not one.
    public static func valid(_ written: String) -> String? {
        let reference = String(written.filter { !$0.isWhitespace }).uppercased()
        let scalars = Array(reference.unicodeScalars)
        guard (5...25).contains(scalars.count), reference.hasPrefix("RF"),
              scalars[2...3].allSatisfy({ ("0"..."9").contains($0) }),
              scalars.allSatisfy(Mod97.isAlphanumeric), Mod97.remainder(scalars) == 1 else { return nil }
        return reference
    }
}
