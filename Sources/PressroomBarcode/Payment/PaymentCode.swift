// Which payment QR standard a payment gets, and its payload. The rule: EUR to an account in a
// SEPA country → EPC QR (EPC069-12); CZK → SPAYD (QR Platba), normally to a CZ account; any other
// payment → `PaymentError.noStandard`, so a layout can skip the block with `if:`.

/// A payment as an invoice states it; every value as written in the record.
public struct PaymentRequest: Sendable, Hashable {
    public var iban: String
    public var bic: String?
    /// A decimal string, "1234.50".
    public var amount: String
    /// ISO 4217, "EUR", "CZK".
    public var currency: String
    /// The payee (beneficiary): the invoice's seller.
    public var name: String
    /// The payment reference: an ISO 11649 `RF…` reference, an invoice number or a Czech variable symbol.
    public var reference: String?
    /// ISO date `YYYY-MM-DD`; SPAYD carries it, EPC has no element for it.
    public var due: String?
    /// A note for the payee.
    public var message: String?

    public init(iban: String, bic: String? = nil, amount: String, currency: String, name: String,
                reference: String? = nil, due: String? = nil, message: String? = nil) {
        self.iban = iban
        self.bic = bic
        self.amount = amount
        self.currency = currency
        self.name = name
        self.reference = reference
        self.due = due
        self.message = message
    }
}

public enum PaymentCode: Sendable, Hashable, CustomStringConvertible {
    case epc(EPCPayload)
    case spayd(SPAYDPayload)

    /// Countries whose IBANs take part in SEPA (EPC "List of SEPA scheme countries": EU and EEA,
    /// Switzerland, the UK, Monaco, San Marino, Vatican City, Andorra and the Crown dependencies,
    /// plus Albania, Moldova, Montenegro and North Macedonia admitted in 2024).
    public static let sepaCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO", "CH", "GB", "MC", "SM", "VA", "AD", "GI", "GG", "JE", "IM",
        "AL", "MD", "ME", "MK",
    ]

    /// The payment code for the payment, by the rule above.
    ///
    /// EPC: a valid `RF…` reference goes in the structured remittance element and the message in
    /// the note to the payer; any other reference and the message share the unstructured remittance
    /// text. SPAYD: a reference of 1–10 digits is the variable symbol `X-VS`; any other reference is
    /// written in `MSG`, before the message. The payee name is `RN`.
    public init(_ payment: PaymentRequest) throws(PaymentError) {
        let iban = try IBAN(payment.iban)
        let currency = payment.currency.trimmingSpaces.uppercased()
        let amount = try PaymentAmount(payment.amount)
        let reference = payment.reference?.trimmingSpaces ?? ""
        let message = payment.message?.trimmingSpaces ?? ""
        switch currency {
        case "EUR" where Self.sepaCountries.contains(iban.country):
            let remittance: EPCPayload.Remittance?
            var information: String? = nil
            if let creditorReference = CreditorReference.valid(reference) {
                remittance = .structured(creditorReference)
                if !message.isEmpty { information = message }
            } else {
                let text = [reference, message].filter { !$0.isEmpty }.joined(separator: " ")
                remittance = text.isEmpty ? nil : .unstructured(text)
            }
            self = .epc(try EPCPayload(name: payment.name, iban: iban, bic: payment.bic, amount: amount,
                                       remittance: remittance, information: information))
        case "CZK":
            let variableSymbol = SPAYDPayload.isVariableSymbol(reference) ? reference : nil
            let text = [variableSymbol == nil ? reference : "", message].filter { !$0.isEmpty }.joined(separator: " ")
            self = .spayd(try SPAYDPayload(iban: iban, bic: payment.bic, amount: amount, currency: currency, due: payment.due,
                                           message: text.isEmpty ? nil : text, recipientName: payment.name,
                                           variableSymbol: variableSymbol))
        default:
            throw .noStandard(currency: currency.isEmpty ? "(no currency)" : currency, country: iban.country)
        }
    }

    /// The text to encode in the QR code.
    public var payload: String {
        switch self {
        case .epc(let epc): epc.text
        case .spayd(let spayd): spayd.text
        }
    }

    /// The QR code for it, at error-correction level M as both standards ask.
    public func symbol() throws(BarcodeError) -> BarcodeSymbol {
        try BarcodeSymbol(.qr(errorCorrection: .medium), data: payload)
    }

    public var description: String { payload }
}
