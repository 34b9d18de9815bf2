// Hyphenator against Debian's dictionaries: known words per language, casing, non-letters, bounds,
// dictionary encodings and loading errors. Expectations are what Debian 12's pattern files produce.

import Foundation
import Testing
@testable import PressroomText
import TestScratch

private func hyphenated(_ word: String, _ hyphenator: Hyphenator) -> String {
    let units = Array(word.utf16)
    var result = ""
    var last = 0
    for point in hyphenator.hyphenationPoints(in: units) {
        result += String(decoding: units[last..<point], as: UTF16.self) + "-"
        last = point
    }
    return result + String(decoding: units[last...], as: UTF16.self)
}

private func hyphenated(_ word: String, _ language: String) throws -> String {
    hyphenated(word, try #require(Hyphenator.forLanguage(language)))
}

/// A pattern file written to a temporary path in the given encoding.
private func temporaryDictionary(_ text: String, encoding: String.Encoding) throws -> String {
    let path = Scratch.path("pressroom-hyph-\(UUID().uuidString).dic")
    try #require(text.data(using: encoding)).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct HyphenatorTests {
    @Test func english() throws {
        #expect(try hyphenated("hyphenation", "en") == "hy-phen-ation")
        #expect(try hyphenated("hyphenation", "en-US") == "hy-phen-ation")
        #expect(try hyphenated("invoice", "en") == "in-voice")
        // RIGHTHYPHENMIN 3 from the dictionary: never two letters at the end.
        let english = try #require(Hyphenator.forLanguage("en"))
        #expect(english.leftHyphenMin == 2)
        #expect(english.rightHyphenMin == 3)
    }

    @Test func czech() throws {
        // ISO8859-2 file; Debian's Czech patterns are sparser than csplain's.
        #expect(try hyphenated("nejneobhospodařovávatelnějšími", "cs") == "nejne-ob-hos-po-da-řováva-telnější-mi")
        #expect(try hyphenated("příliš", "cs-CZ") == "pří-liš")
        #expect(try hyphenated("odběratel", "cs") == "od-bě-ra-tel")
        #expect(try hyphenated("faktura", "cs") == "fak-tu-ra")
    }

    @Test func german() throws {
        // ISO8859-1 file with NEXTLEVEL (compound) patterns.
        #expect(try hyphenated("Silbentrennung", "de") == "Sil-ben-tren-nung")
        #expect(try hyphenated("Rechnungsbetrag", "de-AT") == "Rech-nungs-be-trag")
        #expect(try hyphenated("Straße", "de-CH") == "Stra-ße")
        #expect(Hyphenator.forLanguage("de-AT") === Hyphenator.forLanguage("de"))  // one dictionary, one instance
    }

    @Test func polish() throws {
        #expect(try hyphenated("przedsiębiorstwo", "pl") == "przed-się-bior-stwo")
        #expect(try hyphenated("faktura", "pl-PL") == "fak-tu-ra")
    }

    @Test func ukrainian() throws {
        // UTF-8 file without LEFT/RIGHTHYPHENMIN: 2/2 apply.
        #expect(try hyphenated("підприємство", "uk") == "під-приє-мство")
        #expect(try hyphenated("рахунок", "uk-UA") == "раху-нок")
        // Word-internal apostrophes (ASCII and U+2019) stay part of the word, with no point next to them.
        #expect(try hyphenated("пам'ятати", "uk") == "пам'ята-ти")
        #expect(try hyphenated("пам’ятати", "uk") == "пам’ята-ти")
    }

    @Test func serbian() throws {
        // Cyrillic: ISO8859-5 file; Latin: ISO8859-2 file.
        #expect(try hyphenated("предузеће", "sr") == "пре-ду-зе-ће")
        #expect(try hyphenated("рачуноводство", "sr-Cyrl-RS") == "ра-чу-но-вод-ство")
        #expect(try hyphenated("preduzeće", "sr-Latn") == "pre-du-ze-će")
        #expect(try hyphenated("računovodstvo", "sr-Latn-RS") == "ra-ču-no-vod-stvo")
        // The Cyrillic patterns know nothing of Latin letters.
        #expect(try hyphenated("računovodstvo", "sr") == "računovodstvo")
    }

    @Test func languageTags() {
        #expect(Hyphenator.forLanguage("EN_us") != nil)
        #expect(Hyphenator.forLanguage("cs-CZ") === Hyphenator.forLanguage("cs"))
        #expect(Hyphenator.forLanguage("sr-Latn") !== Hyphenator.forLanguage("sr"))
        #expect(Hyphenator.forLanguage("ja") == nil)
        #expect(Hyphenator.forLanguage("cs-Cyrl") == nil)
        #expect(Hyphenator.forLanguage("") == nil)
        #expect(Hyphenator.forLanguage("und") == nil)
    }

    @Test func casingIsIgnored() throws {
        #expect(try hyphenated("HYPHENATION", "en") == "HY-PHEN-ATION")
        #expect(try hyphenated("Hyphenation", "en") == "Hy-phen-ation")
        #expect(try hyphenated("NEJNEOBHOSPODAŘOVÁVATELNĚJŠÍMI", "cs") == "NEJNE-OB-HOS-PO-DA-ŘOVÁVA-TELNĚJŠÍ-MI")
        #expect(try hyphenated("SILBENTRENNUNG", "de") == "SIL-BEN-TREN-NUNG")
    }

    @Test func nonLettersSplitTheWord() throws {
        #expect(try hyphenated("(hyphenation),", "en") == "(hy-phen-ation),")
        #expect(try hyphenated("hyphenation-hyphenation", "en") == "hy-phen-ation-hy-phen-ation")
        #expect(try hyphenated("hyphenation2024", "en") == "hy-phen-ation2024")
        #expect(try hyphenated("2024", "en") == "2024")
        #expect(try hyphenated("", "en") == "")
        #expect(try hyphenated("a", "en") == "a")
    }

    @Test func decomposedAccentsStayWithTheirLetter() throws {
        let czech = try #require(Hyphenator.forLanguage("cs"))
        let decomposed = "pr\u{0069}\u{0301}lis\u{030C}"  // příliš with combining marks (í, š)
        let units = Array(decomposed.utf16)
        let text = String(decoding: units, as: UTF16.self)
        var boundaries = Set<Int>()
        var offset = 0
        for character in text { boundaries.insert(offset); offset += character.utf16.count }
        for point in czech.hyphenationPoints(in: units) { #expect(boundaries.contains(point)) }
    }

    @Test func everyOffsetIsWithinBounds() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzžßäöüąęłńśźżабвгґдеєжзиіїклмнопрстуфхцчшщьюя'’-.,0 😀\u{0301}".utf16)
        for language in ["cs", "de", "en", "pl", "uk", "sr", "sr-Latn"] {
            let hyphenator = try #require(Hyphenator.forLanguage(language))
            for _ in 0..<300 {
                let length = Int(generator.next() % 40)
                let word = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                let points = hyphenator.hyphenationPoints(in: word)
                #expect(points == points.sorted() && Set(points).count == points.count)
                #expect(points.allSatisfy { $0 > 0 && $0 < word.count })
            }
            // A lone surrogate and a very long word are harmless.
            let long = Array(String(repeating: "hyphenation", count: 40).utf16) + [0xD800] + Array("hyphenation".utf16)
            #expect(hyphenator.hyphenationPoints(in: long).allSatisfy { $0 > 0 && $0 < long.count })
        }
    }

    @Test func concurrentUseIsSafe() async throws {
        let german = try #require(Hyphenator.forLanguage("de"))
        let expected = german.hyphenationPoints(in: Array("Silbentrennung".utf16))
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in
                        Hyphenator.forLanguage("de")!.hyphenationPoints(in: Array("Silbentrennung".utf16)) == expected
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test func missingDictionaryIsAClearError() {
        #expect(throws: HyphenationError.dictionaryNotFound(path: "/nonexistent/hyph_xx.dic")) {
            try Hyphenator(dictionaryPath: "/nonexistent/hyph_xx.dic")
        }
        #expect(throws: HyphenationError.self) { try Hyphenator(dictionaryPath: "/usr/share/hyphen") }
        let error = HyphenationError.dictionaryNotFound(path: "/x.dic")
        #expect(error.description.contains("/x.dic"))
    }

    @Test func unknownEncodingIsAClearError() throws {
        let path = try temporaryDictionary("NO-SUCH-CHARSET\na1b\n", encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: HyphenationError.unsupportedEncoding(path: path, encoding: "NO-SUCH-CHARSET")) {
            try Hyphenator(dictionaryPath: path)
        }
    }

    @Test func cp1251DictionaryIsRecoded() throws {
        // Same patterns in an encoding Debian does not use for these files: offsets must not change.
        let path = try temporaryDictionary("CP1251\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nа1б\nб1в\n", encoding: .windowsCP1251)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hyphenator = try Hyphenator(dictionaryPath: path)
        #expect(hyphenator.leftHyphenMin == 1)
        #expect(hyphenated("АБВ", hyphenator) == "А-Б-В")
    }

    @Test func nonStandardPointsAreIgnored() throws {
        // libhyphen's German-style replacement pattern: Schiffahrt → Schiff=fahrt needs an extra "f".
        let path = try temporaryDictionary("ISO8859-1\nf1f/ff=f,1,2\nh1r\n", encoding: .isoLatin1)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hyphenator = try Hyphenator(dictionaryPath: path)
        #expect(hyphenated("schiffahrt", hyphenator) == "schiffah-rt")
        #expect(hyphenated("SCHIFFAHRT", hyphenator) == "SCHIFFAH-RT")
    }
}

/// Deterministic pseudo-random numbers for property tests (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
