// Exact decimal text both ways: JSON-number syntax (in JSON and in numeric strings like "1234.50")
// to Decimal without going through Double, and Decimal to the digit string ICU formats exactly.
import Foundation

enum DecimalText {
    /// A number's syntax, scanned: sign, up to 19 significant digits as an integer, and the power
    /// of ten; longer numbers keep their text for Foundation's exact parser.
    struct Scanned {
        var negative = false
        var mantissa: UInt64 = 0
        var exponent = 0
        /// More than 19 significant digits: `mantissa` is unused and `text` is parsed instead.
        var text: String?
        /// Significant digits, not counting trailing zeros (which cost no precision).
        var significantDigits = 0
        /// Just past the number.
        var end = 0

        func decimal() -> Result<Decimal, DecimalProblem> {
            if significantDigits > JSONParser.maximumDigits { return .failure(.tooManyDigits) }
            var value: Decimal
            if let text {
                guard let parsed = Decimal(string: text), !parsed.isNaN else { return .failure(.outOfRange) }
                value = parsed
            } else {
                if mantissa == 0 { return .success(0) }
                var mantissa = mantissa, exponent = exponent
                // Decimal's exponent is -128...127: shed trailing zeros or add them to get there.
                while exponent < -128, mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
                while exponent > 127, mantissa <= UInt64.max / 10 { mantissa *= 10; exponent -= 1 }
                guard (-128...127).contains(exponent) else { return .failure(.outOfRange) }
                value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
            }
            return value.isNaN ? .failure(.outOfRange) : .success(value)
        }
    }

    enum DecimalProblem: Error, CustomStringConvertible {
        case tooManyDigits, outOfRange
        var description: String {
            switch self {
            case .tooManyDigits: "the number has more than \(JSONParser.maximumDigits) significant digits, more than an exact decimal keeps"
            case .outOfRange: "the number is too large or too small for an exact decimal"
            }
        }
    }

    /// Scans RFC 8259 §6 number syntax at `start`: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
    /// Nil when the text there is not a number.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, allowExponent: Bool) -> Scanned? {
        var scanned = Scanned()
        var index = start
        var digits = 0              // significant digits so far, trailing zeros included
        var trailingZeros = 0
        var overflow = false
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) }
        func takeDigit(_ byte: UInt8, fraction: Bool) {
            let digit = UInt64(byte - UInt8(ascii: "0"))
            if digits == 0 && digit == 0 {
                if fraction { scanned.exponent -= 1 }  // leading zeros of 0.005 only move the point
                return
            }
            digits += 1
            trailingZeros = digit == 0 ? trailingZeros + 1 : 0
            if digits > 19 { overflow = true }  // the text is parsed instead
            guard !overflow else { return }
            scanned.mantissa = scanned.mantissa * 10 + digit
            if fraction { scanned.exponent -= 1 }
        }

        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { scanned.negative = true; index += 1 }
        guard isDigit(index) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { takeDigit(bytes[index], fraction: false); index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(index + 1) {
            index += 1
            while isDigit(index) { takeDigit(bytes[index], fraction: true); index += 1 }
        } else if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            return nil
        }
        if allowExponent, index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var negativeExponent = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard isDigit(index) else { return nil }
            var power = 0
            while isDigit(index) {
                power = min(power * 10 + Int(bytes[index] - UInt8(ascii: "0")), 100_000)
                index += 1
            }
            scanned.exponent += negativeExponent ? -power : power
        }
        scanned.significantDigits = digits - trailingZeros
        scanned.end = index
        if overflow { scanned.text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
        return scanned
    }

    /// The whole of `text` as an exact decimal, or nil when it is not a number ("1234.50", "-3", "1e3").
    static func decimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { bytes in
            guard let scanned = scan(bytes, from: 0, allowExponent: true), scanned.end == bytes.count,
                  case .success(let value) = scanned.decimal() else { return nil }
            return value
        }
    }

    /// `value` as a decNumber string ICU formats exactly: "123450E-2". Decimal's own description
    /// costs more than the formatting itself; this is a few integer operations.
    static func digits(_ value: Decimal) -> String {
        if let parts = DecimalParts.read(value) {
            let sign = parts.negative && parts.significand != 0 ? "-" : ""
            return parts.exponent == 0 ? "\(sign)\(parts.significand)" : "\(sign)\(parts.significand)E\(parts.exponent)"
        }
        let significand = value.significand.magnitude
        guard significand <= maximumUInt64 else { return value.description }
        let integer = NSDecimalNumber(decimal: significand).uint64Value
        let sign = value.sign == .minus && integer != 0 ? "-" : ""
        return value.exponent == 0 ? "\(sign)\(integer)" : "\(sign)\(integer)E\(value.exponent)"
    }

    /// `value` written out without an exponent, as a plain number prints: "1234.5", "-0.005", "12".
    static func plain(_ value: Decimal) -> String {
        let digits: String, negative: Bool, exponent: Int
        if let parts = DecimalParts.read(value) {
            (digits, negative, exponent) = (String(parts.significand), parts.negative, parts.exponent)
        } else {
            let significand = value.significand.magnitude
            guard significand <= maximumUInt64 else { return value.description }
            (digits, negative, exponent) = (String(NSDecimalNumber(decimal: significand).uint64Value), value.sign == .minus, value.exponent)
        }
        let sign = negative && digits != "0" ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: digits == "0" ? 0 : exponent) }
        let fractionCount = -exponent
        if digits.count > fractionCount {
            let split = digits.index(digits.endIndex, offsetBy: -fractionCount)
            return sign + digits[..<split] + "." + digits[split...]
        }
        return sign + "0." + String(repeating: "0", count: fractionCount - digits.count) + digits
    }

    /// `value` as an Int when it is a whole number that fits.
    static func integer(_ value: Decimal) -> Int? {
        guard !value.isNaN, value.magnitude <= maximumInt else { return nil }
        var source = value, rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)
        guard rounded == value else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }

    private static let maximumUInt64 = Decimal(UInt64.max)
    private static let maximumInt = Decimal(Int.max)
}

extension Decimal {
    /// Decimal text as records write amounts, -?digits(.digits)? ("1234.50", "-34.09"), read by the
    /// JSON number scanner into the value Foundation's parser gives it, trailing zeros dropped as
    /// its parser drops them, without the parser's allocations. Nil for other text, and for what
    /// the caller leaves to Foundation: zero, leading zeros ("007"), more than 19 digits, and
    /// exponents beyond Decimal's.
    public init?(decimalText text: String) {
        var text = text
        let scanned = text.withUTF8 { bytes in
            DecimalText.scan(bytes, from: 0, allowExponent: false).flatMap { $0.end == bytes.count ? $0 : nil }
        }
        guard let scanned, scanned.text == nil, scanned.mantissa != 0 else { return nil }
        var mantissa = scanned.mantissa, exponent = scanned.exponent
        while mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
        guard (-128...127).contains(exponent) else { return nil }
        self.init(sign: scanned.negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }
}
