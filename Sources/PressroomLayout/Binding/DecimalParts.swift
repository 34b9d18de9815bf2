// A Foundation Decimal's sign, exponent and significand as plain integers, read from its storage
// (NSDecimal's C layout: an 8-bit exponent, a byte of 4-bit length and flags, 2 reserved bytes,
// eight 16-bit mantissa words). swift-foundation keeps `_exponent` and `_mantissa` internal, and
// the public way (significand, a comparison with UInt64.max, NSDecimalNumber) allocates three
// times per amount. The layout is checked against Decimal's public API once per process; if a
// Foundation ever stores it differently, `read` answers nil and callers take the public way.
import Foundation

public struct DecimalParts: Equatable, Sendable {
    public var negative: Bool
    public var exponent: Int
    public var significand: UInt64

    /// Nil for NaN, for a significand beyond 64 bits, or when the layout is not the known one.
    public static func read(_ value: Decimal) -> DecimalParts? {
        guard layoutIsKnown else { return nil }
        return unchecked(value)
    }

    private static func unchecked(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { bytes -> DecimalParts? in
            let flags = bytes[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            // NaN is the negative sign with no mantissa words.
            guard length <= 4, !(length == 0 && negative) else { return nil }
            var significand: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                significand = significand << 16 | UInt64(bytes[4 + 2 * word]) | UInt64(bytes[5 + 2 * word]) << 8
            }
            return DecimalParts(negative: negative, exponent: Int(Int8(bitPattern: bytes[0])), significand: significand)
        }
    }

    /// Whether `unchecked` reads what the public API says, for values that cover every field.
    public static let layoutIsKnown: Bool = {
        let probes: [(Bool, Int, UInt64)] = [
            (false, 0, 0), (false, 0, 1), (true, -2, 123_450), (false, 127, 7), (true, -128, 65_535),
            (false, -3, 65_536), (true, 5, 4_294_967_296), (false, -19, UInt64.max), (false, 0, 0x0001_0002_0003_0004),
        ]
        for (negative, exponent, significand) in probes {
            let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            // Foundation keeps zero positive and may shed trailing zeros: compare what it kept.
            guard let read = unchecked(value) else { return false }
            let rebuilt = Decimal(sign: read.negative ? .minus : .plus, exponent: read.exponent, significand: Decimal(read.significand))
            guard rebuilt == value, read.negative == (value.sign == .minus), read.exponent == Int(value.exponent) else { return false }
        }
        let beyond = Decimal(UInt64.max) + 1
        return unchecked(beyond) == nil && unchecked(Decimal.nan) == nil
    }()
}
