// One face of a font file (TrueType, CFF-flavoured OpenType, or one member of a .ttc collection):
// its bytes, names, style and metrics, and the HarfBuzz objects that shape and measure with it.
import CHarfBuzz
import CFreeType

/// Unchecked: it holds C handles (the HarfBuzz face and font), which the compiler cannot see
/// into; they are created once, never changed, and HarfBuzz allows shaping with one font from
/// many threads.
public final class FontFace: @unchecked Sendable {
    /// Where the face came from, for messages: a path, or a name given by the caller.
    public let source: String
    public let faceIndex: Int
    public let familyName: String
    public let styleName: String
    public let postScriptName: String
    /// OS/2 usWeightClass: 400 regular, 700 bold.
    public let weight: Int
    public let isItalic: Bool
    public let isFixedPitch: Bool
    public let isSerif: Bool
    /// CFF outlines (an OpenType 'CFF ' table) rather than TrueType 'glyf' outlines.
    public let hasCFFOutlines: Bool
    public let unitsPerEm: Int
    public let glyphCount: Int
    /// Vertical metrics in font units; descender is negative.
    public let ascender: Int
    public let descender: Int
    public let lineGap: Int
    public let capHeight: Int
    public let italicAngle: Double
    public let boundingBox: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)

    /// The whole font file, kept alive for HarfBuzz, which reads it in place.
    let fileBytes: UnsafeMutableRawBufferPointer
    let hbFace: OpaquePointer
    /// A HarfBuzz font scaled to font units (scale == upem), shared by every size.
    let hbFont: OpaquePointer
    /// The glyph of each ASCII character (0: none), looked up once: itemizing asks for the glyph of
    /// every character of every paragraph, and most are ASCII.
    private let asciiGlyphs: [UInt32]

    /// Loads every face of a font file (one for .ttf/.otf, several for .ttc).
    public static func load(path: String) throws(FontError) -> [FontFace] {
        guard let bytes = readFile(path) else { throw .unreadable(source: path) }
        return try load(bytes: bytes, source: path)
    }

    /// Loads every face of a font held in memory; `source` names it in errors.
    public static func load(bytes: [UInt8], source: String) throws(FontError) -> [FontFace] {
        let count = try SFNTValidator.validate(bytes, source: source)
        var faces: [FontFace] = []
        for index in 0..<count {
            faces.append(try FontFace(bytes: bytes, index: index, source: source))
        }
        return faces
    }

    private init(bytes: [UInt8], index: Int, source: String) throws(FontError) {
        self.source = source
        self.faceIndex = index
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        storage.copyBytes(from: bytes)
        fileBytes = storage

        // FreeType reads names, style and OS/2 data, and rejects files HarfBuzz would silently accept.
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            storage.deallocate(); throw .corrupt(source: source, detail: "FreeType could not start")
        }
        defer { FT_Done_FreeType(library) }
        var ftFace: FT_Face?
        let status = FT_New_Memory_Face(library, storage.baseAddress!.assumingMemoryBound(to: FT_Byte.self),
                                        FT_Long(bytes.count), FT_Long(index), &ftFace)
        guard status == 0, let ftFace else {
            storage.deallocate()
            throw .corrupt(source: source, detail: "FreeType error \(status) while opening face \(index)")
        }
        defer { FT_Done_Face(ftFace) }
        let face = ftFace.pointee
        guard face.num_glyphs > 1 else {
            storage.deallocate(); throw .corrupt(source: source, detail: "the font has no glyphs")
        }
        familyName = face.family_name.map { String(cString: $0) } ?? "Unknown"
        styleName = face.style_name.map { String(cString: $0) } ?? "Regular"
        postScriptName = FT_Get_Postscript_Name(ftFace).map { String(cString: $0) }
            ?? familyName.replacingOccurrences(of: " ", with: "")
        isFixedPitch = (face.face_flags & FT_Long(FT_FACE_FLAG_FIXED_WIDTH)) != 0
        var weightClass = (face.style_flags & FT_Long(FT_STYLE_FLAG_BOLD)) != 0 ? 700 : 400
        var serif = false
        if let os2 = FT_Get_Sfnt_Table(ftFace, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self).pointee {
            if os2.usWeightClass >= 100 && os2.usWeightClass <= 1000 { weightClass = Int(os2.usWeightClass) }
            // IBM family classes 1–5 and 7 are serif designs (OS/2 sFamilyClass high byte).
            let familyClass = Int(os2.sFamilyClass) >> 8
            serif = (1...5).contains(familyClass) || familyClass == 7
            // Class 0 is "no classification" (Noto uses it): then PANOSE Latin Text (family type 2)
            // serif styles 2–10 (cove … triangle) are serifs, 11–15 sans.
            if familyClass == 0 && os2.panose.0 == 2 { serif = (2...10).contains(os2.panose.1) }
        }
        weight = weightClass
        isItalic = (face.style_flags & FT_Long(FT_STYLE_FLAG_ITALIC)) != 0
        isSerif = serif
        unitsPerEm = Int(face.units_per_EM)
        glyphCount = Int(face.num_glyphs)
        boundingBox = (Int(face.bbox.xMin), Int(face.bbox.yMin), Int(face.bbox.xMax), Int(face.bbox.yMax))

        let blob = hb_blob_create(UnsafeRawPointer(storage.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  UInt32(bytes.count), HB_MEMORY_MODE_READONLY, nil, nil)
        hbFace = hb_face_create(blob, UInt32(index))
        hb_blob_destroy(blob)
        let font = hb_font_create(hbFace)!
        hbFont = font
        hb_font_set_scale(font, Int32(unitsPerEm), Int32(unitsPerEm))
        asciiGlyphs = (0..<128).map { (scalar: UInt32) -> UInt32 in
            var glyph: hb_codepoint_t = 0
            return hb_font_get_nominal_glyph(font, scalar, &glyph) != 0 ? glyph : 0
        }
        hasCFFOutlines = hb_face_reference_table(hbFace, fontTag("CFF ")).map { table -> Bool in
            defer { hb_blob_destroy(table) }
            return hb_blob_get_length(table) > 0
        } ?? false

        func metric(_ tag: hb_ot_metrics_tag_t, _ fallback: Int) -> Int {
            var value: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &value) != 0 ? Int(value) : fallback
        }
        ascender = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, Int(face.ascender))
        descender = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, Int(face.descender))
        lineGap = metric(HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP, 0)
        capHeight = metric(HB_OT_METRICS_TAG_CAP_HEIGHT, Int(Double(unitsPerEm) * 0.7))
        var angle = 0.0
        if let post = FT_Get_Sfnt_Table(ftFace, FT_SFNT_POST)?.assumingMemoryBound(to: TT_Postscript.self).pointee {
            angle = Double(post.italicAngle) / 65536.0
        }
        italicAngle = angle
    }

    deinit {
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
        fileBytes.deallocate()
    }

    /// The glyph this face draws for a character, or nil when it has none.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        if scalar.value < 128 {
            let glyph = asciiGlyphs[Int(scalar.value)]
            return glyph != 0 ? glyph : nil
        }
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0 && glyph != 0 ? glyph : nil
    }

    /// Horizontal advance of a glyph, in font units.
    public func advance(of glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(hbFont, glyph))
    }

    /// The HarfBuzz face, for the PDF writer's subsetter.
    public var hbFaceForSubsetting: OpaquePointer { hbFace }

    /// A readable name such as "Noto Sans Bold Italic".
    public var displayName: String { styleName == "Regular" ? familyName : "\(familyName) \(styleName)" }

    /// The raw bytes of one table of this face, or nil.
    public func table(_ tag: String) -> [UInt8]? {
        guard let blob = hb_face_reference_table(hbFace, fontTag(tag)) else { return nil }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

}

func fontTag(_ string: String) -> hb_tag_t {
    string.utf8.reduce(0) { ($0 << 8) | UInt32($1) }
}

extension FontFace: Hashable {
    public static func == (lhs: FontFace, rhs: FontFace) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let read = fread(&chunk, 1, chunk.count, file)
        if read > 0 { bytes.append(contentsOf: chunk[0..<read]) }
        if read < chunk.count { break }
    }
    return ferror(file) == 0 ? bytes : nil
}
