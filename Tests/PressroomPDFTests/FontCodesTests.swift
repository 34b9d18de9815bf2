// Code assignment for embedded fonts: one code per (glyph, text) for TrueType, glyph ids with
// ActualText for a glyph reused with other text in CFF, and the glyph → code map as it grows.
import Testing
@testable import PressroomPDF

@Suite struct FontCodesTests {
    private let width: (UInt32) -> Int = { Int($0) * 10 }

    @Test func trueTypeGivesEachTextItsOwnCode() {
        var codes = FontCodes(codesAreGlyphIDs: false)
        let a = codes.code(for: 40, text: [0x61], width: width)
        #expect(a.code == 1 && a.width == 400 && !a.needsActualText)
        #expect(codes.code(for: 40, text: [0x61], width: width).code == 1)
        let ligature = codes.code(for: 41, text: [0x66, 0x69], width: width)
        #expect(ligature.code == 2)
        let other = codes.code(for: 40, text: [0x41], width: width)
        #expect(other.code == 3 && other.width == 400 && !other.needsActualText, "same glyph, other text: a code of its own")
        #expect(codes.code(for: 40, text: [0x41], width: width).code == 3)
        #expect(codes.texts.map(Array.init) == [[], [0x61], [0x66, 0x69], [0x41]])
        #expect(codes.glyphs == [0, 40, 41, 40])
    }

    @Test func cffCodesAreGlyphIDsWithActualTextForOtherText() {
        var codes = FontCodes(codesAreGlyphIDs: true)
        #expect(codes.code(for: 7, text: [0x62], width: width).code == 7)
        let again = codes.code(for: 7, text: [0x42], width: width)
        #expect(again.code == 7 && again.needsActualText)
        #expect(codes.count == 8 && Array(codes.texts[7]) == [0x62] && codes.texts[3].isEmpty)
    }

    @Test func codeTextsKeepShortTextsInlineAndLongerOnesWhole() {
        let texts: [[UInt16]] = [[], [0x61], [0xD83D, 0xDE00], [0x66, 0x66, 0x69], Array("ﷺ and more".utf16)]
        for text in texts {
            let code = CodeText(text[...])
            #expect(Array(code) == text && code.count == text.count && code.isEmpty == text.isEmpty)
            #expect(code == CodeText(text))
        }
        #expect(CodeText([0x61, 0x62]) != CodeText([0x61, 0x63]))
        #expect(CodeText([0x61]) != CodeText([0x61, 0x00]), "a text with a trailing NUL is another text")
    }

    @Test func glyphMapKeepsEveryEntryAsItGrows() {
        var map = GlyphCodeMap()
        let glyphs = (0..<3000).map { UInt32(($0 * 7919) % 65_536) }
        for (index, glyph) in glyphs.enumerated() { map[glyph] = UInt16(index) }
        for (index, glyph) in glyphs.enumerated() { #expect(map[glyph] == UInt16(index)) }
        #expect(map[65_535] == nil && map[1] == nil)
        map[0] = 9
        #expect(map[0] == 9, "glyph 0 is a key like any other")
    }
}
