// The number formats of the formatters money, amount, number and percent, as ICU number skeletons
// (unicode-org.github.io/icu/userguide/format_parse/numbers/skeletons.html). Rounding is half-up
// (halves away from zero, 0.005 → 0.01, -0.005 → -0.01): commercial rounding, as invoices and
// tax rules expect, rather than ICU's default half-even.

enum NumberStyle: Hashable, Sendable {
    /// The currency's own decimals (CZK 2, JPY 0) and symbol as the locale writes it.
    case money(currency: String)
    /// Two decimals, grouped, no symbol.
    case amount
    /// All the digits the value has (nil), or exactly that many decimals.
    case number(decimals: Int?)
    /// The value is already in percent: 21 → "21 %"; all the digits it has.
    case percent

    static let maximumDecimals = 20

    var skeleton: String {
        switch self {
        case .money(let currency): "currency/\(currency) rounding-mode-half-up"
        case .amount: ".00 rounding-mode-half-up"
        case .number(nil): "precision-unlimited"
        case .number(0?): "precision-integer rounding-mode-half-up"
        case .number(let decimals?): "." + String(repeating: "0", count: decimals) + " rounding-mode-half-up"
        case .percent: "percent precision-unlimited"
        }
    }

    /// A `number(n)` argument as a count of decimals, or nil when it is not a whole number 0…20.
    static func decimals(_ value: DataValue) -> Int? {
        guard case .number(let number) = value, let count = DecimalText.integer(number),
              (0...maximumDecimals).contains(count) else { return nil }
        return count
    }
}

/// ISO 4217 alphabetic codes: three letters A–Z.
enum CurrencyCode {
    static func isValid(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
