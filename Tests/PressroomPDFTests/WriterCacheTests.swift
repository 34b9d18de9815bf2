// What a batch shares must not show in its output: the reused deflate state writes what a fresh
// one writes, a document written with a warm PDFWriterCache (preprocessed faces, encoded images)
// has the bytes it has alone, and the image cache stays within its bound.
import CZlib
import Foundation
import PressroomGraphics
import PressroomText
import Testing
@testable import PressroomPDF

/// A page with regular and bold text that differs with `seed`, and the logo.
private func invoicePage(_ seed: Int) throws -> Page {
    var page = Page(size: .a4)
    page.add(.image(ImageSource(bytes: try fixtureBytes("logos", "pressroom-logo.png"), name: "logo.png"),
                    frame: Rect(x: 40, y: 30, width: 120, height: 60)))
    let lines = ["Faktura \(2026_000 + seed * 37)", "Odběratel: Strojírny \(["Křižík", "Žďár", "Łódź", "Müller"][seed % 4])",
                 "Celkem k úhradě \(seed * 1234 % 99_991),\(seed % 100) Kč"]
    for (index, line) in lines.enumerated() {
        let style = TextStyle(weight: index == 0 ? 700 : 400, size: 10, language: "cs")
        page.add(try typesetter.typeset([TextSpan(line, style: style)], width: 400), at: Point(x: 40, y: 120 + Double(index) * 14))
    }
    page.add(.path(.rectangle(Rect(x: 36, y: 160, width: 300, height: 1)), fill: .gray(0.5), stroke: nil))
    return page
}

@Suite struct WriterCacheTests {
    @Test func aReusedCompressorWritesWhatAFreshOneWritesAndZlibReadsIt() throws {
        let compressor = FlateCompressor()
        let samples: [[UInt8]] = [
            Array("BT /F1 9 Tf 0 -12 Td [<0001000200030004>]TJ ET\n".utf8) + Array(repeating: 0x41, count: 3000),
            (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) },
            [], [1],
        ]
        for level: Int32 in [3, 1, 6, 9, 1, 4, 3] {
            for sample in samples {
                let fresh = sample.withUnsafeBytes { FlateCompressor().compress($0, level: level) }
                let reused = sample.withUnsafeBytes { compressor.compress($0, level: level) }
                #expect(reused == fresh, "level \(level), \(sample.count) bytes")
                // A zlib stream (RFC 1950) that zlib itself inflates back to the input.
                #expect(reused.first == 0x78)
                #expect(Flate.decompress(reused) == sample)
            }
        }
    }

    @Test func aWarmCacheChangesNoByte() throws {
        let pages = try (0..<6).map(invoicePage)
        let shared = PDFWriterCache()
        // Enough documents for every face to be preprocessed and the logo to come from the cache.
        let batch = try pages.map { try PDFDocumentWriter.render([$0], cache: shared) }
        for (page, written) in zip(pages, batch) {
            #expect(try PDFDocumentWriter.render([page]) == written)
        }
        #expect(try PDFDocumentWriter.render([pages[0]], cache: shared) == batch[0], "a subset made again from a preprocessed face")
        #expect(try PDFDocumentWriter.render([pages[0]], cache: shared) == batch[0], "a remembered font program")
        var uncompressed = PDFFileWriter.Options()
        uncompressed.compressStreams = false
        #expect(try PDFDocumentWriter.render([pages[1]], options: uncompressed, cache: shared)
                == PDFDocumentWriter.render([pages[1]], options: uncompressed), "images are cached per compression setting")
    }

    @Test func imageCacheDropsTheOldestBeyondItsLimit() {
        let image = EncodedImage(image: .init(dictionary: [:], payload: [UInt8](repeating: 1, count: 400)), mask: nil, profile: nil)
        var cache = EncodedImageCache(byteLimit: 1000)
        let keys = (0..<3).map { EncodedImageCache.Key(bytes: [UInt8(truncatingIfNeeded: $0)] + [UInt8](repeating: 0, count: 99), levels: Flate.Levels()) }
        cache.insert(image, for: keys[0])
        cache.insert(image, for: keys[1])
        #expect(cache[keys[0]] != nil && cache[keys[1]] != nil)
        cache.insert(image, for: keys[2])
        #expect(cache[keys[0]] == nil, "the oldest made room")
        #expect(cache[keys[1]] != nil && cache[keys[2]] != nil)
        #expect(cache[EncodedImageCache.Key(bytes: keys[1].bytes, levels: nil)] == nil, "another compression setting is another entry")
        let huge = EncodedImage(image: .init(dictionary: [:], payload: [UInt8](repeating: 1, count: 2000)), mask: nil, profile: nil)
        cache.insert(huge, for: keys[0])
        #expect(cache[keys[0]] == nil && cache[keys[2]] != nil, "an image larger than the limit is not kept")
    }

    @Test func runsShareATextObjectAndMoveByRelativeOffsets() throws {
        var options = PDFFileWriter.Options()
        options.compressStreams = false
        options.useObjectStreams = false
        let pdf = String(decoding: try PDFDocumentWriter.render([try invoicePage(3)], options: options), as: UTF8.self)
        let content = try #require(pdf.components(separatedBy: "stream\n").first { $0.contains(" Td\n") })
        #expect(content.components(separatedBy: "BT\n").count == 2, "three runs, one text object:\n\(content)")
        #expect(content.components(separatedBy: " Tf\n").count == 3, "the font is set when it changes, not per run")
        // Summed, the moves are the absolute baselines: x = 40, y = 841.8898 - (120 + 14 i + ascent).
        var x = 0.0, y = 0.0
        var baselines: [(Double, Double)] = []
        for line in content.split(separator: "\n") where line.hasSuffix(" Td") {
            let numbers = line.split(separator: " ").prefix(2).compactMap { Double($0) }
            x += numbers[0]; y += numbers[1]
            baselines.append((x, y))
        }
        #expect(baselines.count == 3)
        #expect(baselines.allSatisfy { abs($0.0 - 40) < 1e-9 })
        #expect(abs((baselines[0].1 - baselines[1].1) - 14) < 1e-3 && abs((baselines[1].1 - baselines[2].1) - 14) < 1e-3)
        #expect(!content.contains(" Tm\n"))
    }
}
