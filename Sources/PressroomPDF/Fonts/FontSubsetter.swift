// Cuts one face down to the glyphs a document uses: a plain TrueType face by copying outlines
// (TrueTypeSubsetter), anything else with hb-subset (HarfBuzz's subsetter). One subsetter serves
// every document of a batch: its input (flags, dropped tables) is built once, and from the second
// hb-subset on it works from a preprocessed face, which hb-subset reads about ten times faster;
// the subsets are byte for byte the same either way.
import CHarfBuzz
import PressroomText

struct FontSubset {
    /// The subset font file (TrueType) or bare CFF table (CFF-flavoured OpenType).
    let program: [UInt8]
    /// Original glyph id to glyph id in the subset.
    let newGlyphID: [UInt32: UInt32]
}

final class FontSubsetter {
    /// Tables a PDF reader never looks at: shaping is done before the font is embedded, and the
    /// font is a CIDFont whose glyphs are reached through CIDToGIDMap (or CIDs that are CFF glyph
    /// ids), so 'cmap' is not needed either (ISO 32000-1 §9.9: only a TrueType font of a simple
    /// font dictionary needs one); 'name', 'OS/2' and 'post' serve font menus and printers' glyph
    /// names. Typst's and krilla's subsetters keep no more. Dropping those four makes a subset
    /// about 1.2 KB smaller (an invoice's two Noto Sans subsets: 13.0 → 11.8 KB) and hb-subset
    /// 18 % faster.
    static let droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx",
                                "DSIG", "hdmx", "VDMX", "LTSH", "vhea", "vmtx", "meta", "STAT", "FFTM",
                                "cmap", "name", "OS/2", "post"]

    /// A table tag as HarfBuzz takes it: the four characters, big-endian.
    static func tag(_ name: String) -> hb_tag_t { name.utf8.reduce(0) { ($0 << 8) | UInt32($1) } }

    private let face: FontFace
    /// The outline copier, when the face is TrueType with nothing it cannot keep.
    private let outlineCopier: TrueTypeSubsetter?
    private let input: OpaquePointer
    /// Made on the second subset: preprocessing costs several milliseconds, which a one-off
    /// document should not pay.
    private var preprocessed: OpaquePointer?
    private var subsets = 0

    init(face: FontFace) throws {
        guard let input = hb_subset_input_create_or_fail() else { throw FontEmbeddingError.subsetFailed(face.source) }
        self.face = face
        self.input = input
        outlineCopier = face.hasCFFOutlines ? nil : TrueTypeSubsetter(face: face.hbFaceForSubsetting)
        let dropSet = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in Self.droppedTables { hb_set_add(dropSet, Self.tag(tag)) }
        // CFF glyphs keep their ids, because a CFF font's CIDs are its glyph ids and page content
        // is written before the subset exists; TrueType glyphs are renumbered through CIDToGIDMap.
        var flags = HB_SUBSET_FLAGS_NO_HINTING.rawValue
        if face.hasCFFOutlines { flags |= HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue }
        hb_subset_input_set_flags(input, flags)
    }

    deinit {
        hb_subset_input_destroy(input)
        if let preprocessed { hb_face_destroy(preprocessed) }
    }

    /// `glyphs` sorted and without .notdef, which every subset keeps.
    func subset(glyphs: [UInt32]) throws -> FontSubset {
        if let outlineCopier, let subset = outlineCopier.subset(glyphs: glyphs) { return subset }
        return try harfBuzzSubset(glyphs: glyphs)
    }

    /// The subset hb-subset makes.
    func harfBuzzSubset(glyphs: [UInt32]) throws -> FontSubset {
        subsets += 1
        if subsets == 2 { preprocessed = hb_subset_preprocess(face.hbFaceForSubsetting) }
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_clear(glyphSet)
        hb_set_add(glyphSet, 0)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }

        guard let plan = hb_subset_plan_create_or_fail(preprocessed ?? face.hbFaceForSubsetting, input) else {
            throw FontEmbeddingError.subsetFailed(face.source)
        }
        defer { hb_subset_plan_destroy(plan) }
        var mapping: [UInt32: UInt32] = [:]
        mapping.reserveCapacity(glyphs.count + 1)
        let map = hb_subset_plan_old_to_new_glyph_mapping(plan)
        for glyph in [0] + glyphs {
            let new = hb_map_get(map, glyph)
            mapping[glyph] = new == UInt32.max ? 0 : new
        }
        guard let subsetFace = hb_subset_plan_execute_or_fail(plan) else { throw FontEmbeddingError.subsetFailed(face.source) }
        defer { hb_face_destroy(subsetFace) }
        let blob: OpaquePointer?
        if face.hasCFFOutlines {
            blob = hb_face_reference_table(subsetFace, Self.tag("CFF "))
        } else {
            blob = hb_face_reference_blob(subsetFace)
        }
        guard let blob else { throw FontEmbeddingError.subsetFailed(face.source) }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { throw FontEmbeddingError.subsetFailed(face.source) }
        return FontSubset(program: Array(UnsafeRawBufferPointer(start: data, count: Int(length))), newGlyphID: mapping)
    }
}

public enum FontEmbeddingError: Error, CustomStringConvertible {
    case subsetFailed(String)
    case tooManyGlyphs(String)
    public var description: String {
        switch self {
        case .subsetFailed(let source): return "Font \(source) could not be subset for embedding; the font file may be damaged."
        case .tooManyGlyphs(let source): return "Font \(source) uses more than 65,535 distinct glyphs in one document."
        }
    }
}

/// The font program a PDF embeds for some glyphs of a face, as `EmbeddedFont` writes it before
/// compression: for tools and the font fuzz target, which look at subsets alone.
public enum FontProgram {
    /// `glyphs` need not be sorted; .notdef is always kept.
    public static func subset(of face: FontFace, glyphs: [UInt32]) throws -> [UInt8] {
        try FontSubsetter(face: face).subset(glyphs: Set(glyphs).subtracting([0]).sorted()).program
    }
}
