// The Czech "QR Platba" payload, Short Payment Descriptor SPD 1.0 (Czech Banking Association):
// `SPD*1.0*` then `KEY:value` pairs separated by `*`, keys in alphabetical order (the canonical
// order the spec's CRC32 is computed over), `*` inside values written `%2A`.

import PressroomGraphics

public struct SPAYDPayload: Sendable, Hashable, CustomStringConvertible {
    /// The payload, e.g. `SPD*1.0*ACC:CZ…*AM:799.50*CC:CZK*DT:20221001*MSG:FAKTURA 2022001`.
    public let text: String

    /// - Parameters:
    ///   - bic: appended to the account as `ACC:IBAN+BIC` (ACC at most 46 characters).
    ///   - amount: `AM`, at most 10 characters.
    ///   - currency: `CC`, ISO 4217 (3 letters).
    ///   - due: `DT`, an ISO date `YYYY-MM-DD`, written `YYYYMMDD`.
    ///   - message: `MSG`, at most 60 characters.
    ///   - recipientName: `RN`, at most 35 characters.
    ///   - variableSymbol: `X-VS`, the Czech variable symbol: digits only, at most 10.
    public init(iban: IBAN, bic: String? = nil, amount: PaymentAmount?, currency: String = "CZK", due: String? = nil,
                message: String? = nil, recipientName: String? = nil, variableSymbol: String? = nil) throws(PaymentError) {
        var pairs: [(key: String, value: String)] = []
        var account = iban.text
        if let bic, !bic.trimmingSpaces.isEmpty { account += "+" + (try EPCPayload.bic(bic)) }
        pairs.append(("ACC", account))
        if let amount {
            guard amount.text.count <= 10 else {
                throw .invalid(.amount, "the amount \(amount.text) is longer than the 10 characters QR Platba allows for `AM`")
            }
            pairs.append(("AM", amount.text))
        }
        let currency = currency.trimmingSpaces.uppercased()
        guard currency.count == 3, currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw .invalid(.currency, "`\(currency)` is not an ISO 4217 currency code such as `CZK`")
        }
        pairs.append(("CC", currency))
        if let due, !due.trimmingSpaces.isEmpty { pairs.append(("DT", try Self.basicDate(due))) }
        if let message, !message.isEmpty {
            try EPCPayload.check(message, field: .message, what: "the message for the payee", limit: 60)
            pairs.append(("MSG", message))
        }
        if let recipientName, !recipientName.trimmingSpaces.isEmpty {
            let name = recipientName.trimmingSpaces
            try EPCPayload.check(name, field: .name, what: "the payee's name", limit: 35)
            pairs.append(("RN", name))
        }
        if let variableSymbol {
            guard Self.isVariableSymbol(variableSymbol) else {
                throw .invalid(.reference, "the variable symbol `\(variableSymbol)` must be 1 to 10 digits")
            }
            pairs.append(("X-VS", variableSymbol))
        }
        text = "SPD*1.0*" + pairs.map { "\($0.key):\(Self.escaped($0.value))" }.joined(separator: "*")
    }

    public var description: String { text }

    /// A Czech variable symbol: 1–10 digits.
    public static func isVariableSymbol(_ text: String) -> Bool {
        (1...10).contains(text.count) && text.allSatisfy(\.isASCIIDigit)
    }

    /// `*` separates pairs, so inside a value it is percent-encoded (SPD 1.0 §"Character set").
    static func escaped(_ value: String) -> String {
        value.replacingAll("*", with: "%2A")
    }

    /// "2026-10-16" → "20261016" (ISO 8601 basic format).
    static func basicDate(_ written: String) throws(PaymentError) -> String {
        guard let day = CalendarDay(iso: written.trimmingSpaces) else {
            throw .invalid(.due, "the due date `\(written)` is not a date such as `2026-10-16`")
        }
        return day.format102
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
