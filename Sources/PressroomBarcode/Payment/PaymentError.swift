// What can be wrong with a payment's fields for a payment code, naming the field so the layout
// can point at the template (and record path) it came from.

public enum PaymentField: String, Sendable, CaseIterable {
    case iban, bic, amount, currency, name, reference, due, message
}

public enum PaymentError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A field's value is not acceptable; the message says why and what would be.
    case invalid(PaymentField, String)
    /// Neither EPC nor SPAYD covers this currency (or account country).
    case noStandard(currency: String, country: String)
    /// The finished payload does not fit the standard's limit.
    case payloadTooLong(standard: String, bytes: Int, limit: Int)

    public var field: PaymentField? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    public var description: String {
        switch self {
        case .invalid(_, let message):
            message
        case .noStandard(let currency, let country):
            "no payment code standard applies to a \(currency) payment to an account in \(country): EPC QR is for EUR to SEPA accounts, SPAYD (QR Platba) for CZK; skip the block with `if:` for other payments"
        case .payloadTooLong(let standard, let bytes, let limit):
            "the \(standard) payload is \(bytes) bytes, over the standard's limit of \(limit); shorten the name or the message"
        }
    }
}
