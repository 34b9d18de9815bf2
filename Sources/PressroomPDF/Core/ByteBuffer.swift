// A growable byte buffer with the fast appends a PDF writer needs: ASCII, integers, and reals in
// PDF's number syntax (§7.3.3: no exponents, no "-0", at most 4 decimals).

import Foundation

public struct ByteBuffer: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public var count: Int { bytes.count }

    @inline(__always) public mutating func append(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    @inline(__always) public mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    public mutating func append(_ string: String) { bytes.append(contentsOf: string.utf8) }

    public mutating func append(integer value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 { bytes.append(UInt8(48 + magnitude)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Writes a real with up to `decimals` places (trailing zeros dropped).
    public mutating func append(real value: Double, decimals: Int = 4) {
        guard value.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        let scale = decimals == 4 ? 10_000.0 : Double(pow10(decimals))
        let scaled = (value * scale).rounded()
        if scaled == 0 { bytes.append(UInt8(ascii: "0")); return }
        guard abs(scaled) < 9e15 else {
            // Beyond Int's range with decimals: whole digits, still without an exponent.
            append(String(format: "%.0f", value.rounded()))
            return
        }
        let units = Int(scaled)
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        let divisor = UInt(pow10(decimals))
        append(integer: Int(magnitude / divisor))
        var fraction = magnitude % divisor
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        // The digits are written from the last, in place (a temporary array cost a malloc per number).
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var index = bytes.count - 1
        while index >= start {
            bytes[index] = UInt8(48 + fraction % 10)
            fraction /= 10
            index -= 1
        }
    }

    /// A fixed-point number in ten-thousandths, as `append(real:)` writes the same value.
    mutating func append(tenThousandths units: Int) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int(units.magnitude)
        append(integer: magnitude / 10_000)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 1_000
        while fraction != 0 {
            bytes.append(UInt8(48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    public mutating func appendHex(_ data: [UInt8]) {
        for byte in data {
            bytes.append(ByteBuffer.hexDigits[Int(byte >> 4)])
            bytes.append(ByteBuffer.hexDigits[Int(byte & 0xF)])
        }
    }

    @inline(__always) public mutating func appendHex16(_ value: UInt16) {
        bytes.append(ByteBuffer.hexDigits[Int(value >> 12)])
        bytes.append(ByteBuffer.hexDigits[Int((value >> 8) & 0xF)])
        bytes.append(ByteBuffer.hexDigits[Int((value >> 4) & 0xF)])
        bytes.append(ByteBuffer.hexDigits[Int(value & 0xF)])
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private func pow10(_ n: Int) -> Int {
        var result = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
