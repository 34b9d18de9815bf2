// Paragraph setting end to end: no character lost, fallback faces, missing glyphs reported,
// right-to-left runs reordered, alignment and justification within the measure.
import Testing
@testable import PressroomText

@Suite struct TypesetterTests {
    let typesetter = Typesetter(registry: try! FontRegistry.bundled())

    /// Every source character is stood for by exactly one glyph's text range (or dropped trailing space).
    private func coveredText(_ paragraph: TypesetParagraph) -> String {
        var result = ""
        for line in paragraph.lines {
            var pieces: [(Int, String)] = []
            for run in line.runs.map(\.run) {
                for (index, glyph) in run.glyphs.enumerated() where glyph.kind == .text && !glyph.textRange.isEmpty {
                    pieces.append((glyph.textRange.lowerBound, run.text(ofGlyph: index)))
                }
            }
            // A line that ends in an inserted hyphen continues the word on the next line.
            result += pieces.sorted { $0.0 < $1.0 }.map(\.1).joined() + (line.endsWithHyphen ? "" : " ")
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func breakingLosesNoCharacters() throws {
        let text = "Nejneobhospodařovávatelnějšími pozemky se ukázaly ty, které ležely daleko od vesnice, a proto je správci rozdělili mezi nejvytrvalejší hospodáře."
        for alignment in [TextAlignment.left, .right, .center, .justified] {
            let paragraph = try typesetter.typeset([TextSpan(text, style: TextStyle(size: 10, language: "cs"))], width: 150,
                                                   style: ParagraphStyle(alignment: alignment, hyphenate: true))
            #expect(paragraph.lines.count > 3)
            #expect(coveredText(paragraph) == text.split(separator: " ").joined(separator: " "))
            for line in paragraph.lines {
                #expect(line.width <= 150.01, "line wider than the measure: \(line.width)")
                for placed in line.runs { #expect(placed.x >= -0.01) }
            }
        }
    }

    @Test func justifiedLinesFillTheMeasure() throws {
        let text = String(repeating: "Pressroom sets invoices and statements for every channel. ", count: 6)
        let paragraph = try typesetter.typeset([TextSpan(text, style: TextStyle(size: 10))], width: 200,
                                               style: ParagraphStyle(alignment: .justified))
        for line in paragraph.lines.dropLast() { #expect(abs(line.width - 200) < 0.01) }
        #expect(paragraph.lines.last!.width < 200)
    }

    @Test func hyphenatedLinesEndInAnInsertedHyphen() throws {
        let text = "Elektroinstalační společnosti zpracovávají objednávky s mimořádnou pečlivostí a spolehlivostí."
        let paragraph = try typesetter.typeset([TextSpan(text, style: TextStyle(size: 10, language: "cs"))], width: 120,
                                               style: ParagraphStyle(alignment: .justified, hyphenate: true))
        let hyphenated = paragraph.lines.filter(\.endsWithHyphen)
        #expect(!hyphenated.isEmpty)
        for line in hyphenated {
            #expect(line.runs.last!.run.glyphs.last!.kind == .insertedHyphen)
        }
    }

    @Test func fallbackFacesDrawOtherScripts() throws {
        let paragraph = try typesetter.typeset([TextSpan("Peace: سلام and שלום.", style: TextStyle(size: 10))], width: 400)
        let families = Set(paragraph.lines.flatMap { $0.runs.map(\.run.face.familyName) })
        #expect(families.contains("Noto Sans Arabic"))
        #expect(families.contains("Noto Sans Hebrew"))
        #expect(paragraph.missingCharacters.isEmpty)
    }

    @Test func rightToLeftRunsAreReorderedVisually() throws {
        let paragraph = try typesetter.typeset([TextSpan("abc שלום def", style: TextStyle(size: 10))], width: 400)
        let runs = paragraph.lines[0].runs
        let hebrew = runs.first { $0.run.isRightToLeft }!
        // The Hebrew run sits between the Latin words, and its first glyph (leftmost) is the last letter ם.
        #expect(hebrew.run.text(ofGlyph: 0) == "ם")
        let xs = runs.map(\.x)
        #expect(xs == xs.sorted())
    }

    @Test func missingCharactersAreReported() throws {
        let paragraph = try typesetter.typeset([TextSpan("Tofu \u{1F600} and \u{0F00}", style: TextStyle(size: 10))], width: 400)
        #expect(paragraph.missingCharacters.map(\.scalar) == ["\u{1F600}", "\u{0F00}"])
        #expect(paragraph.missingCharacters[0].description.contains("U+1F600"))
        // Nothing is drawn as .notdef.
        for line in paragraph.lines { for run in line.runs.map(\.run) { #expect(!run.glyphs.contains { $0.id == 0 }) } }
    }

    @Test func unknownFamilyIsAnError() {
        #expect(throws: TypesetError.self) {
            try typesetter.typeset([TextSpan("x", style: TextStyle(family: "Comic Neue"))], width: 100)
        }
    }

    @Test func ligatureGlyphStandsForAllItsCharacters() throws {
        let paragraph = try typesetter.typeset([TextSpan("office", style: TextStyle(family: "Noto Serif", size: 10))], width: 400)
        let run = paragraph.lines[0].runs[0].run
        let texts = run.glyphs.indices.map { run.text(ofGlyph: $0) }
        #expect(texts.joined() == "office")
        #expect(texts.contains { $0.count > 1 }, "Noto Serif should ligate ffi: \(texts)")
    }
}
