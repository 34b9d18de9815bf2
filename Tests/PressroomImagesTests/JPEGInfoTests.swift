// JPEG pass-through: marker parsing of the fixtures, ICC reassembly, Adobe CMYK inversion, unsupported variants.
import Testing
@testable import PressroomImages

private typealias F = ImageFixtures

@Test(arguments: [
    ("gray.jpg", ImageColourSpace.gray, false, false),
    ("rgb.jpg", .rgb, false, false),
    ("rgb_progressive.jpg", .rgb, false, false),
    ("rgb_icc.jpg", .rgb, false, true),
    ("cmyk.jpg", .cmyk, true, false),
])
func jpegFixturePassesThrough(file: String, space: ImageColourSpace, inverted: Bool, hasICC: Bool) throws {
    let bytes = try F.bytes("images", file)
    let image = try RasterImage.decode(bytes, source: file)
    #expect(image.width == 16 && image.height == 16)
    #expect(image.colourSpace == space)
    #expect(image.bitsPerComponent == 8)
    #expect(image.encoding == .dct)
    #expect(image.data == bytes)
    #expect(image.alpha == nil)
    #expect(image.decodeInverted == inverted)
    if hasICC {
        #expect(image.iccProfile == (try F.bytes("images", "srgb.icc")))
    } else {
        #expect(image.iccProfile == nil)
    }
}

/// A minimal JPEG skeleton: SOI, the given segments, a frame header, an empty scan, EOI.
private func jpeg(segments: [[UInt8]], sof: UInt8 = 0xC0, precision: UInt8 = 8, components: UInt8 = 3) -> [UInt8] {
    func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
    }
    var out: [UInt8] = [0xFF, 0xD8]
    for s in segments { out += s }
    var frame: [UInt8] = [precision, 0, 20, 0, 30, components]
    for c in 0..<components { frame += [c + 1, 0x11, 0] }
    out += segment(sof, frame)
    out += segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + [0xFF, 0xD9]
    return out
}

private func icc(_ sequence: UInt8, of count: UInt8, _ data: [UInt8]) -> [UInt8] {
    let body = Array("ICC_PROFILE\0".utf8) + [sequence, count] + data
    return [0xFF, 0xE2, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
}

@Test func jpegICCChunksAreReassembledInSequenceOrder() throws {
    let image = try RasterImage.decode(jpeg(segments: [icc(2, of: 2, [4, 5]), icc(1, of: 2, [1, 2, 3])]), source: "a.jpg")
    #expect(image.width == 30 && image.height == 20)
    #expect(image.iccProfile == [1, 2, 3, 4, 5])
}

@Test func jpegWithAMissingICCChunkDropsTheProfile() throws {
    let image = try RasterImage.decode(jpeg(segments: [icc(1, of: 3, [1]), icc(3, of: 3, [3])]), source: "a.jpg")
    #expect(image.iccProfile == nil)
}

@Test func jpegVariantsPDFCannotCarry() {
    #expect(throws: ImageError.unsupportedFeature(source: "a.jpg", detail: "12-bit JPEG samples")) {
        try RasterImage.decode(jpeg(segments: [], sof: 0xC1, precision: 12), source: "a.jpg")
    }
    #expect(throws: ImageError.unsupportedFeature(source: "a.jpg", detail: "lossless, hierarchical or arithmetic-coded JPEG")) {
        try RasterImage.decode(jpeg(segments: [], sof: 0xC9), source: "a.jpg")
    }
    #expect(throws: ImageError.unsupportedFeature(source: "a.jpg", detail: "a JPEG with 2 colour components")) {
        try RasterImage.decode(jpeg(segments: [], components: 2), source: "a.jpg")
    }
}

@Test func everyPrefixOfAJPEGFailsCleanly() throws {
    let bytes = try F.bytes("images", "rgb_progressive.jpg")
    for length in 0..<bytes.count {
        #expect(throws: ImageError.self) { try RasterImage.decode(Array(bytes.prefix(length)), source: "p.jpg") }
    }
}
