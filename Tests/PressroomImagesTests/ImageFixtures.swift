// Test support for image decoding: fixture loading, the pattern formulas of Fixtures/images/make_images.py,
// and sample access into RasterImage planes.
import Foundation
@testable import PressroomImages

enum ImageFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name)))
    }

    // Mirrors of make_images.py (which checks them against Pillow).
    static func sample(_ x: Int, _ y: Int, _ c: Int, bits: Int) -> Int {
        let v = x * 7 + y * 13 + c * 50
        return bits == 16 ? (v * 251) % 65536 : v % (1 << bits)
    }

    static func paletteEntry(_ i: Int) -> [UInt8] { [UInt8((i * 37) % 256), UInt8((i * 91) % 256), UInt8(255 - i)] }

    static func paletteIndex(_ x: Int, _ y: Int, count: Int) -> Int { (x + y * 3) % count }

    static func paletteAlpha(_ i: Int) -> Int { (i * 67) % 256 }

    /// Sample `c` of pixel (x, y) in a plane of `components` samples per pixel, rows byte-aligned (ISO 32000-1 §8.9.3).
    static func read(_ plane: [UInt8], width: Int, components: Int, bits: Int, x: Int, y: Int, c: Int) -> Int {
        let rowBytes = (width * components * bits + 7) / 8
        let k = x * components + c
        let row = y * rowBytes
        switch bits {
        case 16: return Int(plane[row + 2 * k]) << 8 | Int(plane[row + 2 * k + 1])
        case 8: return Int(plane[row + k])
        default:
            let bit = k * bits
            return Int(plane[row + bit / 8]) >> (8 - bits - bit % 8) & ((1 << bits) - 1)
        }
    }
}
