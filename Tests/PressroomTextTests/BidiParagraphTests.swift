// Targeted checks of BidiParagraph on mixed Arabic and English (the conformance suite is in BidiConformanceTests).
import PressroomText
import Testing

@Test func arabicInsideEnglishParagraph() {
    // "Hello مرحبا world": Arabic is an RTL run (level 1) inside an LTR paragraph.
    let text = Array("Hello مرحبا world".utf16)
    let paragraph = BidiParagraph(utf16: text, base: .auto)
    #expect(paragraph.paragraphLevel == 0)
    #expect(paragraph.levels == [UInt8](repeating: 0, count: 6) + [UInt8](repeating: 1, count: 5) + [UInt8](repeating: 0, count: 6))
    #expect(BidiParagraph.visualOrder(levels: paragraph.levels) == Array(0..<6) + Array((6..<11).reversed()) + Array(11..<17))
}

@Test func englishInsideArabicParagraph() {
    // "مرحبا Hello": forced RTL, the Latin word is level 2 and keeps its order, placed left of the Arabic.
    let text = Array("مرحبا Hello".utf16)
    let paragraph = BidiParagraph(utf16: text, base: .rightToLeft)
    #expect(paragraph.paragraphLevel == 1)
    #expect(paragraph.levels == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    #expect(BidiParagraph.visualOrder(levels: paragraph.levels) == [6, 7, 8, 9, 10, 5, 4, 3, 2, 1, 0])
}

@Test func paragraphIsRightToLeftByAutoDetection() {
    // UAX #9 P2: digits and punctuation are not strong, so the first strong character, Arabic, decides.
    let text = Array("2024: عام جديد, new year".utf16)
    #expect(BidiParagraph(utf16: text, base: .auto).paragraphLevel == 1)
    #expect(BidiParagraph(utf16: text, base: .leftToRight).paragraphLevel == 0)
    // No strong character at all: auto falls back to left-to-right.
    #expect(BidiParagraph(utf16: Array("123 …".utf16), base: .auto).paragraphLevel == 0)
}
