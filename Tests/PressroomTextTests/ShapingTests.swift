// Shaping through HarfBuzz: localized forms (locl), Arabic joining, ligatures, tabular figures.
import CHarfBuzz
import Testing
@testable import PressroomText

@Suite struct ShapingTests {
    let registry = try! FontRegistry.bundled()

    private func glyphs(_ text: String, family: String = "Noto Sans", italic: Bool = false, language: String,
                        features: [FontFeature] = []) -> [UInt32] {
        let face = registry.face(family: family, italic: italic)!
        let units = Array(text.utf16)
        let scripts = ScriptResolver.scripts(of: units)
        let bidi = BidiParagraph(utf16: units, base: .auto)
        return Shaper.shape(units, range: 0..<units.count, ShapingRequest(
            face: face, script: scripts[0], language: Language.harfBuzz(language),
            rightToLeft: bidi.levels[0] % 2 == 1, features: features)).map(\.glyph)
    }

    @Test func serbianCyrillicUsesLocalizedForms() {
        // Serbian italic б г д п т differ from Russian ones (OpenType `locl`, language system SRB).
        for letter in ["б", "г", "д", "п", "т"] {
            let serbian = glyphs(letter, italic: true, language: "sr")
            let russian = glyphs(letter, italic: true, language: "ru")
            #expect(serbian != russian, "\(letter) should take its Serbian form under language sr")
        }
        // Upright б has a Serbian form too.
        #expect(glyphs("б", language: "sr") != glyphs("б", language: "ru"))
    }

    @Test func arabicLettersJoin() {
        let face = registry.face(family: "Noto Sans Arabic")!
        let isolatedSeen = face.glyph(for: "س")!
        let shaped = glyphs("سلام", family: "Noto Sans Arabic", language: "ar")
        // Visual order: the initial seen is last; it must not be the isolated form. Lam-alef ligates.
        #expect(shaped.last != isolatedSeen)
        #expect(shaped.count == 3, "lam + alef should form one ligature glyph, got \(shaped.count) glyphs")
    }

    @Test func tabularFiguresHaveEqualAdvances() {
        let face = registry.face(family: "Noto Sans")!
        let units = Array("1111".utf16), wide = Array("0000".utf16)
        func width(_ text: [UInt16], _ features: [FontFeature]) -> Int32 {
            Shaper.shape(text, range: 0..<4, ShapingRequest(face: face, script: HB_SCRIPT_LATIN, language: nil,
                                                             rightToLeft: false, features: features))
                .reduce(0) { $0 + $1.xAdvance }
        }
        #expect(width(units, [.tabularFigures]) == width(wide, [.tabularFigures]))
        // Noto Sans's default figures are tabular already; proportional ones (pnum) must differ,
        // which shows the feature list reaches HarfBuzz.
        let proportional = [FontFeature("pnum")!]
        #expect(width(units, proportional) != width(wide, proportional))
        #expect(width(units, proportional + [.tabularFigures]) == width(wide, proportional + [.tabularFigures]))
    }

    @Test func featureSyntaxIsChecked() {
        #expect(FontFeature("tnum") != nil)
        #expect(FontFeature("-liga") != nil)
        #expect(FontFeature("not a feature!") == nil)
    }

    /// ASCII's scripts are answered without HarfBuzz; they must be what HarfBuzz answers.
    @Test func asciiScriptsAreHarfBuzzsOwn() {
        let funcs = hb_unicode_funcs_get_default()
        for scalar in UInt32(0)..<0x80 {
            #expect(ScriptResolver.asciiScript(scalar) == hb_unicode_script(funcs, scalar), "U+\(scalar)")
        }
        // A space and a digit take the script before them; an ASCII letter is Latin.
        let scripts = ScriptResolver.scripts(of: Array("Ж 1a".utf16))
        #expect(scripts == [HB_SCRIPT_CYRILLIC, HB_SCRIPT_CYRILLIC, HB_SCRIPT_CYRILLIC, HB_SCRIPT_LATIN])
    }
}
