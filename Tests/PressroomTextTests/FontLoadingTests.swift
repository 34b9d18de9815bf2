// Font loading and matching: the bundled Noto registry, the CFF and .ttc fixtures, and the broken
// fonts in Fixtures/broken/font-* (see Fixtures/fonts/README.md), each with its FontError case.
import CFreeType
import Foundation
import PressroomText
import Testing
import TestScratch

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func fixture(_ relative: String) -> String {
    repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}

private func bundledRegistry() throws -> FontRegistry {
    let registry = FontRegistry()
    try registry.register(directory: repositoryRoot.appendingPathComponent("Fonts").path)
    return registry
}

@Suite struct BundledFontMatching {
    @Test func everyBundledFamilyIsRegistered() throws {
        let registry = try bundledRegistry()
        #expect(Set(registry.families) == Set(FontRegistry.defaultFallbackFamilies))
        for family in FontRegistry.defaultFallbackFamilies {
            let regular = try #require(registry.face(family: family), "\(family) regular")
            #expect(regular.weight == 400 && !regular.isItalic, "\(regular.displayName)")
            let bold = try #require(registry.face(family: family, weight: 700), "\(family) bold")
            #expect(bold.weight == 700 && !bold.isItalic, "\(bold.displayName)")
        }
    }

    /// FontFace answers ASCII from a table it fills when it loads; FreeType reads the cmap itself.
    @Test func asciiGlyphsAreTheCharacterMapsOwn() throws {
        var library: FT_Library?
        try #require(FT_Init_FreeType(&library) == 0)
        defer { FT_Done_FreeType(library) }
        let faces = try bundledRegistry().allFaces
        #expect(faces.count >= 14)
        for face in faces {
            var ftFace: FT_Face?
            try #require(FT_New_Face(library, face.source, FT_Long(face.faceIndex), &ftFace) == 0, "\(face.source)")
            defer { FT_Done_Face(ftFace) }
            for scalar in (0..<128).compactMap(Unicode.Scalar.init) {
                let expected = FT_Get_Char_Index(ftFace, FT_ULong(scalar.value))
                #expect(face.glyph(for: scalar) == (expected == 0 ? nil : UInt32(expected)), "\(face.displayName) U+\(scalar.value)")
            }
        }
    }

    @Test func bundledConvenienceFindsTheSameFamilies() throws {
        let registry = try FontRegistry.bundled()
        #expect(Set(registry.families) == Set(FontRegistry.defaultFallbackFamilies))
    }

    @Test(arguments: [
        ("Noto Sans", 400, false, "NotoSans-Regular"),
        ("Noto Sans", 700, false, "NotoSans-Bold"),
        ("Noto Sans", 400, true, "NotoSans-Italic"),
        ("Noto Sans", 700, true, "NotoSans-BoldItalic"),
        ("Noto Serif", 700, true, "NotoSerif-BoldItalic"),
        ("noto serif", 400, true, "NotoSerif-Italic"),
        // CSS Fonts §5.2: 600 wants heavier first, so Bold; 300 wants lighter first, so Regular.
        ("Noto Sans", 600, false, "NotoSans-Bold"),
        ("Noto Sans", 600, true, "NotoSans-BoldItalic"),
        ("Noto Sans", 300, false, "NotoSans-Regular"),
        ("Noto Sans", 900, false, "NotoSans-Bold"),
        // No italic is bundled for Mono, Arabic or Hebrew: the upright face of that weight stands in.
        ("Noto Sans Mono", 700, true, "NotoSansMono-Bold"),
        ("Noto Sans Arabic", 400, true, "NotoSansArabic-Regular"),
        ("Noto Sans Hebrew", 700, false, "NotoSansHebrew-Bold"),
    ])
    func matching(family: String, weight: Int, italic: Bool, postScriptName: String) throws {
        let registry = try bundledRegistry()
        let face = try #require(registry.face(family: family, weight: weight, italic: italic))
        #expect(face.postScriptName == postScriptName)
    }

    @Test func unknownFamilyIsNil() throws {
        let registry = try bundledRegistry()
        #expect(registry.face(family: "Comic Neue") == nil)
        #expect(registry.face(family: "Noto", weight: 700, italic: true) == nil)
    }

    @Test func monoIsFixedPitchAndSerifIsSerif() throws {
        let registry = try bundledRegistry()
        #expect(registry.face(family: "Noto Sans Mono")?.isFixedPitch == true)
        #expect(registry.face(family: "Noto Sans")?.isFixedPitch == false)
        #expect(registry.face(family: "Noto Serif")?.isSerif == true)
    }
}

@Suite struct FontFixtureLoading {
    @Test func cffOpenTypeLoadsWithCFFOutlines() throws {
        let faces = try FontFace.load(path: fixture("fonts/EBGaramond12-Regular-Latin.otf"))
        try #require(faces.count == 1)
        let face = faces[0]
        #expect(face.hasCFFOutlines)
        #expect(face.postScriptName == "EBGaramond12-Regular")
        #expect(face.familyName.hasPrefix("EB Garamond"))
        #expect(face.weight == 400 && !face.isItalic)
        #expect(face.table("CFF ") != nil && face.table("glyf") == nil)
        // Latin Extended-A is kept (Czech ř, Polish ł); Greek is not.
        for scalar in "Aé řł".unicodeScalars { #expect(face.glyph(for: scalar) != nil, "\(scalar)") }
        #expect(face.glyph(for: "α") == nil)
        if let a = face.glyph(for: "a") { #expect(face.advance(of: a) > 0) }
    }

    @Test func trueTypeFacesHaveNoCFFOutlines() throws {
        let faces = try FontFace.load(path: repositoryRoot.appendingPathComponent("Fonts/NotoSans/NotoSans-Regular.ttf").path)
        #expect(faces.map(\.hasCFFOutlines) == [false])
    }

    @Test func collectionGivesBothFacesInOrder() throws {
        let faces = try FontFace.load(path: fixture("fonts/NotoSans-RegularBold-Latin.ttc"))
        try #require(faces.count == 2)
        #expect(faces.map(\.faceIndex) == [0, 1])
        #expect(faces.map(\.familyName) == ["Noto Sans", "Noto Sans"])
        #expect(faces.map(\.styleName) == ["Regular", "Bold"])
        #expect(faces.map(\.postScriptName) == ["NotoSans-Regular", "NotoSans-Bold"])
        #expect(faces.map(\.weight) == [400, 700])
        #expect(faces.allSatisfy { !$0.hasCFFOutlines && $0.glyph(for: "Q") != nil })
    }

    @Test func collectionRegistersAndMatchesByWeight() throws {
        let registry = FontRegistry(fallbackFamilies: [])
        let faces = try registry.register(file: fixture("fonts/NotoSans-RegularBold-Latin.ttc"))
        #expect(faces.count == 2)
        #expect(registry.face(family: "Noto Sans", weight: 700)?.styleName == "Bold")
        #expect(registry.face(family: "Noto Sans", weight: 400)?.styleName == "Regular")
    }
}

/// Which FontError case a broken file must raise.
enum ExpectedFontError: Sendable {
    case unreadable, empty, truncated, notAFont, corrupt

    func matches(_ error: FontError) -> Bool {
        switch (self, error) {
        case (.unreadable, .unreadable), (.empty, .empty), (.truncated, .truncated),
             (.notAFont, .notAFont), (.corrupt, .corrupt): true
        default: false
        }
    }
}

@Suite struct BrokenFonts {
    @Test(arguments: [
        ("font-empty.ttf", ExpectedFontError.empty),
        ("font-truncated-2k.ttf", .truncated),
        ("font-truncated-40pct.ttf", .truncated),
        ("font-not-a-font.ttf", .notAFont),
        ("font-table-past-end.ttf", .truncated),
        ("font-missing-cmap.ttf", .corrupt),
        ("font-no-such-file.ttf", .unreadable),
    ])
    func brokenFileThrowsItsCase(name: String, expected: ExpectedFontError) throws {
        let path = fixture("broken/" + name)
        #expect(FileManager.default.fileExists(atPath: path) == (expected != .unreadable), "fixture \(name)")
        do {
            let faces = try FontFace.load(path: path)
            Issue.record("\(name) loaded \(faces.count) face(s); expected FontError.\(expected)")
        } catch {
            #expect(expected.matches(error), "\(name): got \(error)")
            #expect(error.description.contains(name), "the message names the file: \(error.description)")
        }
    }

    @Test func registryRefusesADirectoryWithABrokenFontAndNamesIt() throws {
        let directory = Scratch.root
            .appendingPathComponent("pressroom-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: fixture("broken/font-truncated-2k.ttf"),
                                         toPath: directory.appendingPathComponent("cut.ttf").path)
        #expect {
            try FontRegistry().register(directory: directory.path)
        } throws: { error in
            guard let error = error as? FontError, case .truncated = error else { return false }
            return error.description.contains("cut.ttf")
        }
    }

    @Test func inMemoryBytesAreNamedBySource() {
        #expect(throws: FontError.empty(source: "upload #3")) {
            try FontFace.load(bytes: [], source: "upload #3")
        }
        #expect(throws: FontError.truncated(source: "tiny", detail: "only 4 bytes")) {
            try FontFace.load(bytes: [0, 1, 0, 0], source: "tiny")
        }
    }
}
