// One face as a PDF font: a Type0 font with Identity-H encoding over a CIDFontType2 (TrueType) or
// CIDFontType0 (CFF) descendant, its subset program, /W widths and ToUnicode CMap (§9.7, §9.10).
// Codes are handed out as pages are written (FontCodes); the font objects are written once, at the end.
import PressroomText

final class EmbeddedFont {
    let face: FontFace
    private let embedding: FaceEmbedding
    let resourceName: PDFName
    let reference: PDFReference

    private var codes: FontCodes

    init(embedding: FaceEmbedding, resourceName: PDFName, reference: PDFReference) {
        self.face = embedding.face
        self.embedding = embedding
        self.resourceName = resourceName
        self.reference = reference
        codes = FontCodes(codesAreGlyphIDs: embedding.face.hasCFFOutlines)
    }

    /// The code to write for `glyph` standing for `text` (see FontCodes).
    func code(for glyph: UInt32, text: ArraySlice<UInt16>) -> (code: UInt16, width: Int, needsActualText: Bool) {
        codes.code(for: glyph, text: text, width: embedding.width(of:))
    }

    /// Sorted, without repeats and without .notdef: sorting and skipping repeats costs less than
    /// hashing every glyph into a set.
    var usedGlyphs: [UInt32] {
        let sorted = codes.glyphs.dropFirst().filter { $0 != 0 }.sorted()
        var unique: [UInt32] = []
        unique.reserveCapacity(sorted.count)
        for glyph in sorted where glyph != unique.last { unique.append(glyph) }
        return unique
    }

    /// Writes the Type0 font, its CIDFont, descriptor, program, widths and ToUnicode.
    func write(to file: PDFFileWriter) throws {
        guard codes.count <= 0xFFFF else { throw FontEmbeddingError.tooManyGlyphs(face.source) }
        let glyphs = usedGlyphs
        let program = try embedding.program(glyphs: glyphs, for: file)
        let subset = program.subset
        let baseFont = PDFName(subsetTag(glyphs) + "+" + face.postScriptName)
        let isCFF = face.hasCFFOutlines

        let descendant = file.allocate(), descriptor = file.allocate(), programReference = file.allocate()
        let toUnicode = file.allocate()

        var fontFile: PDFDictionary = [:]
        if isCFF {
            fontFile["Subtype"] = PDFName("CIDFontType0C").object
        } else {
            fontFile["Length1"] = .integer(subset.program.count)
        }
        if program.level != nil { fontFile["Filter"] = PDFName("FlateDecode").object }
        file.writeStream(programReference, fontFile, data: program.payload, alreadyEncoded: true)

        var descriptorDictionary: PDFDictionary = ["Type": PDFName("FontDescriptor").object, "FontName": baseFont.object]
        for (key, value) in embedding.descriptorEntries { descriptorDictionary[key] = value }
        descriptorDictionary[isCFF ? "FontFile3" : "FontFile2"] = programReference.object
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
            var map = [UInt8](repeating: 0, count: codes.glyphs.count * 2)
            for (code, glyph) in codes.glyphs.enumerated() {
                let new = subset.newGlyphID[glyph] ?? 0
                map[2 * code] = UInt8(new >> 8)
                map[2 * code + 1] = UInt8(new & 0xFF)
            }
            let mapReference = file.allocate()
            file.writeStream(mapReference, data: map)
            cidFont["CIDToGIDMap"] = mapReference.object
        }
        file.write(descendant, .dictionary(cidFont))
        file.writeStream(toUnicode, data: ToUnicodeCMap.make(texts: codes.texts))
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
        for code in 1..<codes.glyphs.count where !(codes.texts[code].isEmpty && codes.glyphs[code] == 0) {
            let width = PDFObject.integer(codes.widths[code])
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(glyphs.count * 2)
        for glyph in glyphs { bytes.append(UInt8(glyph >> 8 & 0xFF)); bytes.append(UInt8(glyph & 0xFF)) }
        hash.update(bytes)
        var value = hash.digest().prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + value % 26))))
            value /= 26
        }
        return letters
    }
}
