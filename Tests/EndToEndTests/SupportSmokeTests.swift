// Proves the end-to-end support runs: a one-page PDF from PDFDocumentWriter judged by pdfcheck and
// read back by pdftotext and pdfminer, and the text normalisation the comparisons rely on.
import Foundation
import PressroomGraphics
import PressroomPDF
import PressroomText
import Testing
import TestScratch

/// A page with a grey box and one line of Noto Sans, glyphs at their nominal advances.
private func smokePage(text: String) throws -> Page {
    let registry = FontRegistry()
    try registry.register(file: ExternalTool.repositoryRoot.appendingPathComponent("Fonts/NotoSans/NotoSans-Regular.ttf").path)
    let face = try #require(registry.face(family: "Noto Sans"))
    let size = 24.0
    let utf16 = Array(text.utf16)
    var glyphs: [PositionedGlyph] = []
    var x = 0.0
    for (offset, unit) in utf16.enumerated() {
        let scalar = try #require(Unicode.Scalar(unit))
        let glyph = try #require(face.glyph(for: scalar), "Noto Sans draws \(scalar)")
        glyphs.append(PositionedGlyph(id: glyph, x: x, y: 0, textRange: offset..<offset + 1))
        x += Double(face.advance(of: glyph)) * size / Double(face.unitsPerEm)
    }
    let run = GlyphRun(face: face, size: size, spanIndex: 0, isRightToLeft: false, language: "en",
                       text: SourceText(utf16), glyphs: glyphs, width: x)
    var page = Page(size: .a4)
    page.add(.path(.rectangle(Rect(x: 72, y: 72, width: 200, height: 100)), fill: .gray(0.8), stroke: nil))
    page.add(.text(run, origin: Point(x: 72, y: 240), colour: .black))
    return page
}

private func writeTemporaryPDF(_ bytes: [UInt8]) throws -> URL {
    let url = Scratch.url("pressroom-smoke-\(UUID().uuidString).pdf")
    try Data(bytes).write(to: url)
    return url
}

@Suite struct EndToEndSupport {
    @Test func pdfcheckAndBothTextReadersRunOnAWriterPDF() throws {
        let bytes = try PDFDocumentWriter.render([try smokePage(text: "Pressroom smoke test")])
        let file = try writeTemporaryPDF(bytes)
        defer { try? FileManager.default.removeItem(at: file) }

        let check = try PDFCheck.run(file.path, ["--expect-pages", "1", "--expect-text", "Pressroom smoke test"])
        #expect(check.passed, "pdfcheck:\n\(check.output)")
        #expect(check.output.contains("render_compare_p1"), "render comparison ran:\n\(check.output)")

        #expect(normalise(try pdftotext(file.path)) == "Pressroom smoke test")
        #expect(normalise(try pdfminerText(file.path)) == "Pressroom smoke test")
    }

    @Test func pdfcheckFailsAnEmptyFileRatherThanSkipping() throws {
        let file = try writeTemporaryPDF(Array("not a PDF".utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try PDFCheck.run(file.path)
        #expect(!check.passed)
        #expect(check.output.contains("FAIL"))
    }

    @Test func missingToolIsAnErrorNamingIt() {
        #expect {
            try ExternalTool.run("/nonexistent/pdfcheck", [])
        } throws: { error in
            "\(error)".contains("/nonexistent/pdfcheck")
        }
    }

    @Test(arguments: [
        NormalisationCase("  Hello \n\t world  ", "Hello world"),
        NormalisationCase("hy\u{AD}\nphen\u{AD}ation", "hyphenation"),
        NormalisationCase("Zeilen\u{AD}  \n  ende und Mitte\u{AD}wort", "Zeilenende und Mittewort"),
        NormalisationCase("e\u{301}te\u{301}", "\u{E9}t\u{E9}"),
        NormalisationCase("a\u{A0}b\u{2003}\u{2003}c\u{0C}", "a b c"),
        NormalisationCase("\r\nZítra\r\n\r\nv 9:30\u{0C}", "Zítra v 9:30"),
        NormalisationCase("", ""),
    ])
    func normalisation(_ example: NormalisationCase) {
        #expect(normalise(example.raw) == example.expected)
    }
}

/// A raw extraction and its normal form, shown escaped in the test log.
struct NormalisationCase: Sendable, CustomTestStringConvertible {
    let raw: String
    let expected: String
    init(_ raw: String, _ expected: String) { self.raw = raw; self.expected = expected }
    var testDescription: String { raw.debugDescription }
}
