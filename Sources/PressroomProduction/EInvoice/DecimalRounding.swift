// Commercial rounding and fixed-point text for amounts: half away from zero (0.005 → 0.01,
// -0.005 → -0.01, as the layout's money formatter and Python's ROUND_HALF_UP round), and
// "1234.50" with exactly the decimals asked for, whatever the locale.
import Foundation
import PressroomLayout

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
        fixedFromParts(decimals) ?? fixedByArithmetic(decimals)
    }

    /// `fixed` in integer arithmetic on the significand, for values whose digits fit 64 bits
    /// (every amount an invoice has); nil otherwise. Decimal's own arithmetic and description
    /// allocate several times per amount.
    func fixedFromParts(_ decimals: Int) -> String? {
        guard decimals >= 0, decimals <= 19, let parts = DecimalParts.read(self) else { return nil }
        var units: UInt64
        let shift = -decimals - parts.exponent
        if shift <= 0 {
            guard -shift <= 19 else { return nil }
            let (scaled, overflow) = parts.significand.multipliedReportingOverflow(by: Self.powerOfTen(-shift))
            guard !overflow else { return nil }
            units = scaled
        } else {
            guard shift <= 19 else { return parts.significand == 0 ? Self.text(0, negative: false, decimals: decimals) : nil }
            let divisor = Self.powerOfTen(shift)
            units = parts.significand / divisor
            // Halves away from zero: the sign is applied after.
            if parts.significand % divisor >= divisor - divisor / 2 { units += 1 }
        }
        return Self.text(units, negative: parts.negative, decimals: decimals)
    }

    private static func powerOfTen(_ exponent: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// `units` hundredths (for two decimals) as "12.34", with "-" unless it rounded to zero.
    private static func text(_ units: UInt64, negative: Bool, decimals: Int) -> String {
        var digits = String(units)
        if digits.utf8.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.utf8.count) + digits }
        if decimals > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals)) }
        return (negative && units != 0 ? "-" : "") + digits
    }

    /// `fixed` in Decimal arithmetic: any value.
    func fixedByArithmetic(_ decimals: Int) -> String {
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
        if var parts = DecimalParts.read(self) {
            // Trailing zeros of the significand are decimals the value does not need.
            while parts.exponent < 0, parts.significand != 0, parts.significand % 10 == 0 {
                parts.significand /= 10
                parts.exponent += 1
            }
            if parts.significand == 0 { return "0" }
            if let text = fixedFromParts(max(0, -parts.exponent)) { return text }
        }
        return plainByArithmetic
    }

    /// `plain` in Decimal arithmetic: any value.
    var plainByArithmetic: String {
        var value = self
        var places = 0
        while value != value.roundedHalfUp(scale: 0), places < 20 {
            value *= 10
            places += 1
        }
        return fixed(places)
    }
}
