// The broken corpus (Fixtures/broken/): each file fails with its own ImageError case and a sentence naming it.
import Testing
@testable import PressroomImages

@Test(arguments: [
    ("truncated.png", ImageError.truncated(source: "truncated.png")),
    ("bad_crc_idat.png", .badChecksum(source: "bad_crc_idat.png", chunk: "IDAT")),
    ("bad_crc_ihdr.png", .badChecksum(source: "bad_crc_ihdr.png", chunk: "IHDR")),
    ("huge.png", .tooLarge(source: "huge.png", width: 100_000, height: 100_000)),
    ("empty.png", .empty(source: "empty.png")),
    ("truncated.jpg", .truncated(source: "truncated.jpg")),
    ("random.bin", .unsupportedFormat(source: "random.bin")),
])
func brokenFileFails(file: String, expected: ImageError) throws {
    let bytes = try ImageFixtures.bytes("broken", file)
    #expect(throws: expected) { try RasterImage.decode(bytes, source: file) }
    do {
        _ = try RasterImage.decode(bytes, source: file)
    } catch {
        #expect(error.description.contains(file))
        #expect(error.description.hasSuffix("."))
    }
}

@Test(arguments: ["bad_bit_depth.png", "garbage.jpg"])
func corruptFileFails(file: String) throws {
    let bytes = try ImageFixtures.bytes("broken", file)
    do {
        _ = try RasterImage.decode(bytes, source: file)
        Issue.record("\(file) decoded")
    } catch {
        guard case .corrupt(let source, let detail) = error else {
            Issue.record("expected .corrupt, got \(error)")
            return
        }
        #expect(source == file)
        #expect(!detail.isEmpty)
        #expect(error.description.contains(file))
    }
}

@Test func aCutPNGSignatureIsTruncated() {
    #expect(throws: ImageError.truncated(source: "x.png")) { try RasterImage.decode([0x89, 0x50, 0x4E], source: "x.png") }
}
