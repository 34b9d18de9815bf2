// String(utf16Units:) against the standard library's UTF-16 decoder: the same string for every
// kind of unit sequence, lone and reversed surrogates included.
import PressroomText
import Testing

@Suite struct UTF16TextTests {
    @Test func everyUnitSequenceDecodesAsTheStandardLibraryDecodesIt() {
        var cases: [[UInt16]] = [
            [],
            Array("Faktura č. 2026/0042 — Václavské náměstí".utf16),
            Array("مرحبا بالعالم 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷺ".utf16),
            [0xD83D],                       // a lone high surrogate at the end
            [0xDE00, 0x61],                 // a lone low surrogate first
            [0xDE00, 0xD83D],               // a pair in the wrong order
            [0xD83D, 0xD83D, 0xDE00],       // a high surrogate before a pair
            [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xD7FF, 0xE000],  // the edges of the UTF-8 lengths
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt16] = [0x41, 0x7F, 0x80, 0x10D, 0x7FF, 0x800, 0x627, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFD, 0xFFFF]
        for _ in 0..<2_000 {
            cases.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for units in cases {
            let expected = String(decoding: units, as: UTF16.self)
            #expect(String(utf16Units: units) == expected, "\(units.map { String($0, radix: 16) })")
            #expect(Array(String(utf16Units: units).utf8) == Array(expected.utf8))
            if units.count > 2 {
                #expect(String(utf16Units: units[1..<units.count - 1]) == String(decoding: units[1..<units.count - 1], as: UTF16.self))
            }
        }
    }
}
