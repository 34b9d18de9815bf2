// One face as a PDF font: a Type0 font with Identity-H encoding over a CIDFontType2 (TrueType) or
// CIDFontType0 (CFF) descendant, its subset program, /W widths and ToUnicode CMap (§9.7, §9.10).
// Codes are handed out as pages are written; the font objects are written once, at the end.
import PressroomText

final class EmbeddedFont {
    let face: FontFace
    private let embedding: FaceEmbedding
    let resourceName: PDFName
    let reference: PDFReference

    /// Text of each code; code 0 is .notdef and never used.
    private var codeTexts: [[UInt16]] = [[]]
    private var codeGlyphs: [UInt32] = [0]
    /// Advance of each code in thousandths of an em, exactly as /W states it, so the page content
    /// and readers agree on where each glyph ends.
    private var codeWidths: [Int] = [0]
    /// The first code given to each glyph, and codes for the same glyph with other text.
    private var firstCode: [UInt32: UInt16] = [:]
    private var otherCodes: [GlyphText: UInt16] = [:]

    private struct GlyphText: Hashable {
        let glyph: UInt32
        let text: [UInt16]
    }

    init(embedding: FaceEmbedding, resourceName: PDFName, reference: PDFReference) {
        self.face = embedding.face
        self.embedding = embedding
        self.resourceName = resourceName
        self.reference = reference
    }

    /// The code to write for `glyph` standing for `text`. TrueType fonts get a code of their own for
    /// each (glyph, text) pair, so ToUnicode alone says what every glyph means; a CFF font's codes
    /// are its glyph ids, so a glyph reused for other text needs ActualText (`needsActualText`).
    func code(for glyph: UInt32, text: ArraySlice<UInt16>) -> (code: UInt16, width: Int, needsActualText: Bool) {
        if let code = firstCode[glyph] {
            let width = codeWidths[Int(code)]
            if codeTexts[Int(code)].elementsEqual(text) { return (code, width, false) }
            if face.hasCFFOutlines { return (code, width, true) }
            let key = GlyphText(glyph: glyph, text: Array(text))
            if let code = otherCodes[key] { return (code, width, false) }
            let code = newCode(glyph: glyph, text: key.text)
            otherCodes[key] = code
            return (code, width, false)
        }
        let code: UInt16
        if face.hasCFFOutlines {
            code = UInt16(truncatingIfNeeded: glyph)
            while codeTexts.count <= Int(code) { codeTexts.append([]); codeGlyphs.append(0); codeWidths.append(0) }
            codeTexts[Int(code)] = Array(text)
            codeGlyphs[Int(code)] = glyph
            codeWidths[Int(code)] = embedding.width(of: glyph)
        } else {
            code = newCode(glyph: glyph, text: Array(text))
        }
        firstCode[glyph] = code
        return (code, codeWidths[Int(code)], false)
    }

    private func newCode(glyph: UInt32, text: [UInt16]) -> UInt16 {
        codeTexts.append(text)
        codeGlyphs.append(glyph)
        codeWidths.append(embedding.width(of: glyph))
        return UInt16(truncatingIfNeeded: codeTexts.count - 1)
    }

    var usedGlyphs: [UInt32] { Array(Set(codeGlyphs.dropFirst().filter { $0 != 0 })).sorted() }

    /// Writes the Type0 font, its CIDFont, descriptor, program, widths and ToUnicode.
    func write(to file: PDFFileWriter) throws {
        guard codeTexts.count <= 0xFFFF else { throw FontEmbeddingError.tooManyGlyphs(face.source) }
        let glyphs = usedGlyphs
        let subset = try file.measure(.subsetting) { try embedding.subset(glyphs: glyphs) }
        let baseFont = PDFName(subsetTag(glyphs) + "+" + face.postScriptName)
        let isCFF = face.hasCFFOutlines

        let descendant = file.allocate(), descriptor = file.allocate(), program = file.allocate()
        let toUnicode = file.allocate()

        var fontFile: PDFDictionary = [:]
        if isCFF {
            fontFile["Subtype"] = PDFName("CIDFontType0C").object
        } else {
            fontFile["Length1"] = .integer(subset.program.count)
        }
        file.writeStream(program, fontFile, data: subset.program, kind: .fontProgram)

        var descriptorDictionary: PDFDictionary = ["Type": PDFName("FontDescriptor").object, "FontName": baseFont.object]
        for (key, value) in embedding.descriptorEntries { descriptorDictionary[key] = value }
        descriptorDictionary[isCFF ? "FontFile3" : "FontFile2"] = program.object
        file.write(descriptor, .dictionary(descriptorDictionary))

        var cidFont: PDFDictionary = [
            "Type": PDFName("Font").object,
            "Subtype": PDFName(isCFF ? "CIDFontType0" : "CIDFontType2").object,
            "BaseFont": baseFont.object,
            "CIDSystemInfo": .dictionary(["Registry": .string(Array("Adobe".utf8)),
                                          "Ordering": .string(Array("Identity".utf8)), "Supplement": 0]),
            "FontDescriptor": descriptor.object,
            "DW": .integer(embedding.width(of: 0)),
            "W": .array(widthsArray()),
        ]
        if !isCFF {
            // CID → glyph id in the subset, 2 bytes big-endian per CID (§9.7.4.2); PDF/A wants it explicit.
            var map = [UInt8](repeating: 0, count: codeGlyphs.count * 2)
            for (code, glyph) in codeGlyphs.enumerated() {
                let new = subset.newGlyphID[glyph] ?? 0
                map[2 * code] = UInt8(new >> 8)
                map[2 * code + 1] = UInt8(new & 0xFF)
            }
            let mapReference = file.allocate()
            file.writeStream(mapReference, data: map)
            cidFont["CIDToGIDMap"] = mapReference.object
        }
        file.write(descendant, .dictionary(cidFont))
        file.writeStream(toUnicode, data: ToUnicodeCMap.make(texts: codeTexts))
        file.write(reference, .dictionary([
            "Type": PDFName("Font").object,
            "Subtype": PDFName("Type0").object,
            "BaseFont": (isCFF ? PDFName(baseFont.value + "-Identity-H") : baseFont).object,
            "Encoding": PDFName("Identity-H").object,
            "DescendantFonts": .array([descendant.object]),
            "ToUnicode": toUnicode.object,
        ]))
    }

    /// /W as runs of consecutive codes: `first [w1 w2 …]` (§9.7.4.3), from the font's own advances.
    private func widthsArray() -> [PDFObject] {
        var result: [PDFObject] = []
        var run: [PDFObject] = []
        var runStart = -1
        var previous = -2
        for code in 1..<codeGlyphs.count where !(codeTexts[code].isEmpty && codeGlyphs[code] == 0) {
            let width = PDFObject.integer(codeWidths[code])
            if code != previous + 1 {
                if !run.isEmpty { result += [.integer(runStart), .array(run)] }
                run = []
                runStart = code
            }
            run.append(width)
            previous = code
        }
        if !run.isEmpty { result += [.integer(runStart), .array(run)] }
        return result
    }

    /// Six capital letters derived from the face and its glyph set (§9.6.4), so the same subset
    /// gets the same tag in every run.
    private func subsetTag(_ glyphs: [UInt32]) -> String {
        var hash = DocumentHash()
        hash.update(Array(face.postScriptName.utf8))
        for glyph in glyphs { hash.update([UInt8(glyph >> 8 & 0xFF), UInt8(glyph & 0xFF)]) }
        var value = hash.digest().prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + value % 26))))
            value /= 26
        }
        return letters
    }
}
