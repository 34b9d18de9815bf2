// What embedding one face takes that is the same in every document: the FontDescriptor's values
// (§9.8.1), each glyph's advance in /W units, and the face's subsetter. Kept in a PDFWriterCache,
// so a batch works them out once per face rather than once per document.
import PressroomText

final class FaceEmbedding {
    let face: FontFace
    /// FontDescriptor entries after FontName, before the font file, in the order they are written.
    let descriptorEntries: [(PDFName, PDFObject)]
    /// Advances by glyph id in thousandths of an em; -1 until first asked for.
    private var widths: [Int32]
    private var subsetter: FontSubsetter?

    init(face: FontFace) {
        self.face = face
        widths = [Int32](repeating: -1, count: max(face.glyphCount, 1))
        let scale = 1000.0 / Double(face.unitsPerEm)
        let box = face.boundingBox
        var flags = 4 // Symbolic: glyphs are addressed by CID, not by a standard encoding (§9.8.2).
        if face.isFixedPitch { flags |= 1 }
        if face.isSerif { flags |= 2 }
        if face.isItalic { flags |= 64 }
        descriptorEntries = [
            ("Flags", .integer(flags)),
            ("FontBBox", .array([box.xMin, box.yMin, box.xMax, box.yMax].map { .integer(Int((Double($0) * scale).rounded())) })),
            ("ItalicAngle", .real(face.italicAngle)),
            ("Ascent", .integer(Int((Double(face.ascender) * scale).rounded()))),
            ("Descent", .integer(Int((Double(face.descender) * scale).rounded()))),
            ("CapHeight", .integer(Int((Double(face.capHeight) * scale).rounded()))),
            ("StemV", .integer(face.weight >= 600 ? 140 : 80)),
        ]
    }

    /// §9.7.4.3: glyph space is 1/1000 em; the advance comes from the font's own hmtx.
    func width(of glyph: UInt32) -> Int {
        let index = Int(glyph)
        guard index < widths.count else { return computedWidth(of: glyph) }
        if widths[index] < 0 { widths[index] = Int32(computedWidth(of: glyph)) }
        return Int(widths[index])
    }

    private func computedWidth(of glyph: UInt32) -> Int {
        Int((Double(face.advance(of: glyph)) * 1000 / Double(face.unitsPerEm)).rounded())
    }

    func subset(glyphs: [UInt32]) throws -> FontSubset {
        if subsetter == nil { subsetter = try FontSubsetter(face: face) }
        return try subsetter!.subset(glyphs: glyphs)
    }
}
