// Every kind of image and font a user may bring, embedded in a PDF the judges accept; broken
// files refused with their error before anything is written.
import Foundation
import PressroomGraphics
import PressroomImages
import PressroomPDF
import PressroomText
import Testing
import TestScratch

private let fixtures = ExternalTool.repositoryRoot.appendingPathComponent("Fixtures")

private func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = Scratch.url("pressroom-\(name)-\(getpid()).pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite(.serialized) struct EmbeddingTests {
    @Test func everyImageKindEmbeds() throws {
        let directory = fixtures.appendingPathComponent("images")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }.sorted()
        #expect(names.count >= 25)
        var page = Page(size: .a4)
        for (index, name) in names.enumerated() {
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            let frame = Rect(x: 40 + Double(index % 6) * 85, y: 40 + Double(index / 6) * 85, width: 64, height: 64)
            // A checkerboard behind each image shows its transparency.
            page.add(.path(.rectangle(frame), fill: .gray(0.8), stroke: nil))
            page.add(.image(ImageSource(bytes: bytes, name: name), frame: frame))
        }
        let file = try write(try PDFDocumentWriter.render([page]), "images")
        let result = try PDFCheck.run(file)
        #expect(result.passed, "pdfcheck failed:\n\(result.output)")
    }

    @Test func brokenImagesAreRefusedWithTheirName() throws {
        for name in ["truncated.png", "bad_crc_idat.png", "bad_crc_ihdr.png", "huge.png", "empty.png", "truncated.jpg", "random.bin"] {
            let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("broken/\(name)")))
            var page = Page(size: .a4)
            page.add(.image(ImageSource(bytes: bytes, name: name), frame: Rect(x: 0, y: 0, width: 10, height: 10)))
            let writer = PDFDocumentWriter()
            do {
                try writer.add(page)
                Issue.record("\(name) was accepted")
            } catch let error as ImageError {
                #expect(error.description.contains(name))
            }
        }
    }

    @Test(arguments: ["fonts/EBGaramond12-Regular-Latin.otf", "fonts/NotoSans-RegularBold-Latin.ttc"])
    func userFontsEmbed(_ fixture: String) throws {
        let registry = FontRegistry()
        let faces = try registry.register(file: fixtures.appendingPathComponent(fixture).path)
        let typesetter = Typesetter(registry: registry)
        var page = Page(size: .a4)
        var y = 60.0
        let text = "Office affinity: the quick brown fox, 1 234.50 EUR."
        for face in faces {
            let set = try typesetter.typeset([TextSpan(text, style: TextStyle(family: face.familyName, weight: face.weight, size: 14, language: "cs"))], width: 480)
            page.add(set, at: Point(x: 50, y: y))
            y += set.height + 10
        }
        let file = try write(try PDFDocumentWriter.render([page]), (fixture as NSString).lastPathComponent)
        let result = try PDFCheck.run(file, ["--expect-text", text])
        #expect(result.passed, "pdfcheck failed:\n\(result.output)")
        #expect(faces.contains { $0.hasCFFOutlines } == fixture.hasSuffix(".otf"))
    }

    @Test func oneFontOnePageIsSmall() throws {
        let typesetter = Typesetter(registry: try FontRegistry.bundled())
        let text = String(repeating: "Pressroom sets invoices, statements and letters for every channel. ", count: 40)
        let set = try typesetter.typeset([TextSpan(text, style: TextStyle(size: 10))], width: 480,
                                         style: ParagraphStyle(alignment: .justified))
        var page = Page(size: .a4)
        page.add(set, at: Point(x: 50, y: 50))
        let bytes = try PDFDocumentWriter.render([page])
        #expect(bytes.count < 25_000, "a one-page, one-font document is \(bytes.count) bytes")
        let result = try PDFCheck.run(try write(bytes, "small"))
        #expect(result.passed, "pdfcheck failed:\n\(result.output)")
    }
}
