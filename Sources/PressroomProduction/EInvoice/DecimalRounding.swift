// Commercial rounding and fixed-point text for amounts: half away from zero (0.005 → 0.01,
// -0.005 → -0.01, as the layout's money formatter and Python's ROUND_HALF_UP round), and
// "1234.50" with exactly the decimals asked for, whatever the locale.
import Foundation

extension Decimal {
    /// Rounded to `scale` decimals, halves away from zero.
    func roundedHalfUp(scale: Int = 2) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }

    /// Plain digits with exactly `decimals` places: "1234.50", "-0.07", "0.00".
    func fixed(_ decimals: Int = 2) -> String {
        var scaled = self
        for _ in 0..<decimals { scaled *= 10 }
        let integer = scaled.roundedHalfUp(scale: 0)
        var digits = integer.magnitude.description
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        if decimals > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals)) }
        return (integer < 0 ? "-" : "") + digits
    }

    /// Plain digits, as few decimals as the value needs: "250", "0.5", "21".
    var plain: String {
        var value = self
        var places = 0
        while value != value.roundedHalfUp(scale: 0), places < 20 {
            value *= 10
            places += 1
        }
        return fixed(places)
    }
}
