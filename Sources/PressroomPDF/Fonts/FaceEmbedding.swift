// What embedding one face takes that is the same in every document: the FontDescriptor's values
// (§9.8.1), each glyph's advance in /W units, the face's subsetter, and the last few font programs
// as written. Kept in a PDFWriterCache, so a batch works them out once per face rather than once
// per document.
import PressroomText

final class FaceEmbedding {
    let face: FontFace
    /// FontDescriptor entries after FontName, before the font file, in the order they are written.
    let descriptorEntries: [(PDFName, PDFObject)]
    /// Advances by glyph id in thousandths of an em; -1 until first asked for.
    private var widths: [Int32]
    private var subsetter: FontSubsetter?
    /// The last few programs, most recent first: the documents of a batch often use the same
    /// glyphs of a face (the bold of labels and totals), and then neither hb-subset nor Flate runs.
    private var recentPrograms: [Program] = []
    private static let recentProgramLimit = 4

    /// A subset and its program as a stream holds it: compressed at `level`, or as is when nil.
    struct Program {
        let glyphs: [UInt32]
        let subset: FontSubset
        let level: Int32?
        let payload: [UInt8]
    }

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

    /// The program for `glyphs` (sorted, without .notdef), compressed as `file` compresses font
    /// programs; the same glyphs give the same bytes, whether made now or remembered.
    func program(glyphs: [UInt32], for file: PDFFileWriter) throws -> Program {
        let level = file.options.compressStreams ? file.options.flateLevels.fontProgram : nil
        if let index = recentPrograms.firstIndex(where: { $0.level == level && $0.glyphs == glyphs }) {
            let program = recentPrograms.remove(at: index)
            recentPrograms.insert(program, at: 0)
            return program
        }
        if subsetter == nil { subsetter = try FontSubsetter(face: face) }
        let subset = try file.measure(.subsetting) { try subsetter!.subset(glyphs: glyphs) }
        let payload = level == nil ? subset.program : file.compress(subset.program, kind: .fontProgram)
        let program = Program(glyphs: glyphs, subset: subset, level: level, payload: payload)
        recentPrograms.insert(program, at: 0)
        if recentPrograms.count > Self.recentProgramLimit { recentPrograms.removeLast() }
        return program
    }
}
