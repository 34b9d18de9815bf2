// Page overlays end to end: "Page X of Y" painted after the pages were written comes back from
// the readers in reading order, and the file with its overlays and bookmarks passes the judges.
import Foundation
import PressroomGraphics
import PressroomPDF
import PressroomText
import Testing
import TestScratch

@Suite(.serialized) struct OverlayTests {
    private let typesetter = Typesetter(registry: RenderedSpecimen.registry)

    private func text(_ string: String, weight: Int = 400, at point: Point, colour: Swatch = .black) throws -> [PageItem] {
        var page = Page(size: .a4)
        page.add(try typesetter.typeset([TextSpan(string, style: TextStyle(weight: weight, size: 11, language: "cs"))], width: 450),
                 at: point, colour: { _ in colour })
        return page.items
    }

    /// Three pages whose bodies are written first; the footers of pages 1 and 3 come afterwards.
    private func document() throws -> [UInt8] {
        let writer = PDFDocumentWriter(info: DocumentInfo(title: "Overlay test"))
        for number in 1...3 {
            var page = Page(size: .a4)
            page.add(.image(try RenderedSpecimen.logo(), frame: Rect(x: 60, y: 40, width: 120, height: 60)))
            page.items += try text("Body of page \(number): účetní položky", at: Point(x: 60, y: 140), colour: .rgb(0.8, 0.1, 0.1))
            let index = try writer.add(page)
            writer.addOutlineItem(title: "Záznam \(number)", page: index)
        }
        for index in [0, 2] {
            try writer.overlay(try text("Page \(index + 1) of 3", weight: 700, at: Point(x: 60, y: 800)), onPage: index)
        }
        return try writer.finish()
    }

    @Test func overlaidFootersReadInOrderAndPassTheJudges() throws {
        let path = Scratch.url("pressroom-overlay-\(getpid()).pdf").path
        try Data(try document()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let order = ["Body of page 1: účetní položky", "Page 1 of 3", "Body of page 2: účetní položky",
                     "Body of page 3: účetní položky", "Page 3 of 3"]
        let extracted = normalise(try pdftotext(path))
        var position = extracted.startIndex
        for expected in order {
            let found = extracted.range(of: expected, range: position..<extracted.endIndex)
            #expect(found != nil, "pdftotext: \(expected) missing after the text before it in:\n\(extracted)")
            if let found { position = found.upperBound }
        }
        #expect(!extracted.contains("Page 2 of 3"))

        let qpdf = try ExternalTool.run("qpdf", ["--check", path], mergeErrors: true)
        #expect(qpdf.status == 0 && !qpdf.output.contains("WARNING"), "qpdf --check:\n\(qpdf.output)")

        let check = try PDFCheck.run(path, ["--expect-pages", "3"] + order.flatMap { ["--expect-text", $0] })
        #expect(check.passed, "pdfcheck failed:\n\(check.output)")
    }

    @Test func overlaysKeepTheBytesReproducible() throws {
        #expect(try document() == document())
    }
}
