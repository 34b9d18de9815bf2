// PNG fixtures of every colour type and bit depth decode to the pattern make_images.py drew (checked there with Pillow).
import Testing
@testable import PressroomImages

/// What one fixture must decode to: colour samples and (if any) alpha at every pixel.
struct PNGExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var width = 16, height = 16
    var colourSpace: ImageColourSpace
    var bits: Int
    var colour: @Sendable (Int, Int) -> [Int]
    var alpha: (@Sendable (Int, Int) -> Int)?
    var testDescription: String { file }
}

private typealias F = ImageFixtures

private func plain(_ file: String, _ space: ImageColourSpace, bits: Int, channels: Int,
                   width: Int = 16, height: Int = 16) -> PNGExpectation {
    PNGExpectation(file: file, width: width, height: height, colourSpace: space, bits: bits,
                   colour: { x, y in (0..<channels).map { F.sample(x, y, $0, bits: bits) } })
}

private func withAlpha(_ file: String, _ space: ImageColourSpace, bits: Int, channels: Int) -> PNGExpectation {
    var e = plain(file, space, bits: bits, channels: channels)
    e.alpha = { x, y in F.sample(x, y, channels, bits: bits) }
    return e
}

private func palette(bits: Int, trns: Bool) -> PNGExpectation {
    let count = bits == 8 ? 200 : 1 << bits
    let entries = (0..<count).flatMap(F.paletteEntry)
    var e = PNGExpectation(file: "palette\(bits)\(trns ? "_trns" : "").png", colourSpace: .indexed(palette: entries),
                           bits: trns ? 8 : bits, colour: { x, y in [F.paletteIndex(x, y, count: count)] })
    if trns {
        e.alpha = { x, y in
            let i = F.paletteIndex(x, y, count: count)
            return i < count / 2 + 1 ? F.paletteAlpha(i) : 255
        }
    }
    return e
}

/// Grey/RGB with a tRNS key equal to the sample at (1, 0); low-bit grey comes back scaled to 8 bits.
private func colourKey(_ file: String, _ space: ImageColourSpace, bits: Int, channels: Int) -> PNGExpectation {
    let outBits = max(bits, 8)
    let scale = bits < 8 ? 255 / ((1 << bits) - 1) : 1
    let key = (0..<channels).map { F.sample(1, 0, $0, bits: bits) }
    return PNGExpectation(
        file: file, colourSpace: space, bits: outBits,
        colour: { x, y in (0..<channels).map { F.sample(x, y, $0, bits: bits) * scale } },
        alpha: { x, y in (0..<channels).map { F.sample(x, y, $0, bits: bits) } == key ? 0 : (1 << outBits) - 1 })
}

private let expectations: [PNGExpectation] = [
    plain("gray1.png", .gray, bits: 1, channels: 1),
    plain("gray2.png", .gray, bits: 2, channels: 1),
    plain("gray4.png", .gray, bits: 4, channels: 1),
    plain("gray8.png", .gray, bits: 8, channels: 1),
    plain("gray16.png", .gray, bits: 16, channels: 1),
    plain("rgb8.png", .rgb, bits: 8, channels: 3),
    plain("rgb16.png", .rgb, bits: 16, channels: 3),
    palette(bits: 1, trns: false), palette(bits: 2, trns: false), palette(bits: 4, trns: false), palette(bits: 8, trns: false),
    palette(bits: 1, trns: true), palette(bits: 2, trns: true), palette(bits: 4, trns: true), palette(bits: 8, trns: true),
    withAlpha("gray_alpha8.png", .gray, bits: 8, channels: 1),
    withAlpha("gray_alpha16.png", .gray, bits: 16, channels: 1),
    withAlpha("rgba8.png", .rgb, bits: 8, channels: 3),
    withAlpha("rgba16.png", .rgb, bits: 16, channels: 3),
    plain("rgba8_opaque.png", .rgb, bits: 8, channels: 3),
    colourKey("gray2_trns.png", .gray, bits: 2, channels: 1),
    colourKey("gray8_trns.png", .gray, bits: 8, channels: 1),
    colourKey("rgb8_trns.png", .rgb, bits: 8, channels: 3),
    colourKey("rgb16_trns.png", .rgb, bits: 16, channels: 3),
    plain("rgb8_interlaced.png", .rgb, bits: 8, channels: 3, width: 13, height: 11),
    plain("gray1_interlaced.png", .gray, bits: 1, channels: 1, width: 13, height: 11),
    plain("rgb8_iccp.png", .rgb, bits: 8, channels: 3),
    plain("rgb8_bad_text_crc.png", .rgb, bits: 8, channels: 3),
]

@Test(arguments: expectations)
func pngFixtureDecodes(_ e: PNGExpectation) throws {
    let image = try RasterImage.decode(try F.bytes("images", e.file), source: e.file)
    #expect(image.width == e.width)
    #expect(image.height == e.height)
    #expect(image.colourSpace == e.colourSpace)
    #expect(image.bitsPerComponent == e.bits)
    #expect(image.encoding == .raw)
    #expect(image.decodeInverted == false)
    let components = image.colourSpace.components
    #expect(image.data.count == (e.width * components * e.bits + 7) / 8 * e.height)
    #expect((image.alpha != nil) == (e.alpha != nil))
    var mismatches = 0
    for y in 0..<e.height {
        for x in 0..<e.width {
            let got = (0..<components).map {
                F.read(image.data, width: e.width, components: components, bits: e.bits, x: x, y: y, c: $0)
            }
            if got != e.colour(x, y) { mismatches += 1 }
            if let alpha = image.alpha, let expected = e.alpha {
                if F.read(alpha, width: e.width, components: 1, bits: e.bits, x: x, y: y, c: 0) != expected(x, y) {
                    mismatches += 1
                }
            }
        }
    }
    #expect(mismatches == 0, "\(mismatches) samples differ from the pattern")
}

@Test func pngICCProfileIsInflated() throws {
    let image = try RasterImage.decode(try F.bytes("images", "rgb8_iccp.png"), source: "rgb8_iccp.png")
    #expect(image.iccProfile == (try F.bytes("images", "srgb.icc")))
    let plain = try RasterImage.decode(try F.bytes("images", "rgb8.png"), source: "rgb8.png")
    #expect(plain.iccProfile == nil)
}

@Test func pngWithoutIENDIsTruncated() throws {
    let bytes = try F.bytes("images", "rgb8.png")
    #expect(throws: ImageError.truncated(source: "cut.png")) {
        try RasterImage.decode(Array(bytes.dropLast(12)), source: "cut.png")
    }
}

@Test func everyPrefixOfAPNGFailsCleanly() throws {
    for file in ["gray1_interlaced.png", "palette4_trns.png"] {
        let bytes = try F.bytes("images", file)
        for length in 0..<bytes.count {
            #expect(throws: ImageError.self) { try RasterImage.decode(Array(bytes.prefix(length)), source: file) }
        }
    }
}

@Test func flippedBytesNeverCrash() throws {
    let bytes = try F.bytes("images", "rgba8.png")
    var failures = 0
    for i in 8..<bytes.count {
        var damaged = bytes
        damaged[i] ^= 0x5A
        do { _ = try RasterImage.decode(damaged, source: "rgba8.png") } catch { failures += 1 }
    }
    // Every byte after the signature is covered by a CRC or a length, so each flip must be caught.
    #expect(failures == bytes.count - 8)
}
