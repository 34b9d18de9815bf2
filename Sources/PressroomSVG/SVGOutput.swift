// The bytes of an SVG document as it is written: ASCII, integers, and compact numbers (a fixed
// number of decimals at most, trailing zeros dropped, never "-0" or an exponent), without
// String(format:) or intermediate strings, since a page writes thousands of them.
import PressroomGraphics
import PressroomMarkup

struct SVGOutput {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func append(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    @inline(__always) mutating func append(_ other: SVGOutput) { bytes.append(contentsOf: other.bytes) }
    @inline(__always) mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    /// A string known to need no escaping (generated ids, prefixes already checked).
    mutating func append(raw string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func append(integer value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    mutating func append(integer value: UInt32) { appendDigits(UInt(value)) }

    /// Decimal digits of `magnitude`, most significant first, with no allocation.
    @inline(__always) private mutating func appendDigits(_ magnitude: UInt) {
        if magnitude < 10 { bytes.append(UInt8(48 + magnitude)); return }
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            bytes.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `value` rounded to at most `decimals` places (0…9), trailing zeros dropped; zero is "0"
    /// whatever its sign, and non-finite values are written as 0.
    mutating func append(number value: Double, decimals: Int) {
        let scale = Self.powersOfTen[decimals]
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            // Beyond what a page holds: whole units, still no exponent.
            let whole = value.isFinite ? max(min(value.rounded(), 9e15), -9e15) : 0
            append(integer: Int(whole))
            return
        }
        let units = Int(scaled)
        if units == 0 { bytes.append(UInt8(ascii: "0")); return }
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        appendDigits(magnitude / scale)
        var fraction = magnitude % scale
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        var divisor = Self.powersOfTen[width - 1]
        while divisor > 0 {
            bytes.append(UInt8(48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private static let powersOfTen: [UInt] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
                                              100_000_000, 1_000_000_000]

    /// ` name="value"` with the value XML-escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        append(UInt8(ascii: " ")); append(name); append("=\"")
        XMLEscaping.appendAttributeValue(value, to: &bytes)
        append(UInt8(ascii: "\""))
    }

    /// ` name="number"` with at most `decimals` places.
    mutating func attribute(_ name: StaticString, _ value: Double, decimals: Int = 2) {
        append(UInt8(ascii: " ")); append(name); append("=\"")
        append(number: value, decimals: decimals)
        append(UInt8(ascii: "\""))
    }

    /// ` x="…" y="…" width="…" height="…"`: a rectangle, image or mark's frame.
    mutating func frame(_ rect: Rect) {
        attribute("x", rect.minX)
        attribute("y", rect.minY)
        attribute("width", rect.width)
        attribute("height", rect.height)
    }

    /// ` name="integer"`.
    mutating func attribute(_ name: StaticString, _ value: Int) {
        append(UInt8(ascii: " ")); append(name); append("=\"")
        append(integer: value)
        append(UInt8(ascii: "\""))
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
