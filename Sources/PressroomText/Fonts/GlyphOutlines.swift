// A face's glyph outlines as FreeType reads them, unscaled and unhinted, in font units (y up):
// quadratic segments for TrueType 'glyf', cubic for CFF, every contour closed.
import CFreeType
import Foundation

/// One step of a glyph outline, in font units with y growing upwards.
public enum OutlineSegment: Hashable, Sendable {
    case move(x: Double, y: Double)
    case line(x: Double, y: Double)
    case quadratic(cx: Double, cy: Double, x: Double, y: Double)
    case cubic(c1x: Double, c1y: Double, c2x: Double, c2y: Double, x: Double, y: Double)
    /// Ends the contour opened by the last `move`, back to its start point.
    case close
}

/// Reads glyph outlines of one face. FreeType objects are not thread-safe, so calls are serialised;
/// the face (and its file bytes, which FreeType reads in place) lives as long as this object.
public final class GlyphOutlines: @unchecked Sendable {
    public let face: FontFace
    private let library: FT_Library
    private let ftFace: FT_Face
    private let lock = NSLock()

    public init(face: FontFace) throws(FontError) {
        self.face = face
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw .corrupt(source: face.source, detail: "FreeType could not start")
        }
        var ftFace: FT_Face?
        let status = FT_New_Memory_Face(library, face.fileBytes.baseAddress!.assumingMemoryBound(to: FT_Byte.self),
                                        FT_Long(face.fileBytes.count), FT_Long(face.faceIndex), &ftFace)
        guard status == 0, let ftFace else {
            FT_Done_FreeType(library)
            throw .corrupt(source: face.source, detail: "FreeType error \(status) while opening face \(face.faceIndex) for outlines")
        }
        self.library = library
        self.ftFace = ftFace
    }

    deinit {
        FT_Done_Face(ftFace)
        FT_Done_FreeType(library)
    }

    /// The outline of glyph `glyph`: empty for a glyph that draws nothing (a space), an unknown
    /// glyph id, or a bitmap-only glyph.
    public func outline(of glyph: UInt32) -> [OutlineSegment] {
        lock.lock()
        defer { lock.unlock() }
        guard glyph < UInt32(face.glyphCount) else { return [] }
        let flags = FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP
        guard FT_Load_Glyph(ftFace, glyph, FT_Int32(flags)) == 0, let slot = ftFace.pointee.glyph,
              slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE else { return [] }
        var collector = OutlineCollector()
        var funcs = FT_Outline_Funcs(
            move_to: { to, user in OutlineCollector.from(user).pointee.move(to!.pointee); return 0 },
            line_to: { to, user in OutlineCollector.from(user).pointee.line(to!.pointee); return 0 },
            conic_to: { control, to, user in OutlineCollector.from(user).pointee.quadratic(control!.pointee, to!.pointee); return 0 },
            cubic_to: { c1, c2, to, user in OutlineCollector.from(user).pointee.cubic(c1!.pointee, c2!.pointee, to!.pointee); return 0 },
            shift: 0, delta: 0)
        let status = withUnsafeMutablePointer(to: &collector) { pointer in
            FT_Outline_Decompose(&slot.pointee.outline, &funcs, UnsafeMutableRawPointer(pointer))
        }
        guard status == 0 else { return [] }
        collector.closeContour()
        return collector.segments
    }
}

/// Receives FreeType's decomposition. FreeType ends each contour with a segment back to its start
/// point and then starts the next with a move; the collector turns that into an explicit close.
private struct OutlineCollector {
    var segments: [OutlineSegment] = []
    private var start: FT_Vector?

    static func from(_ user: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<OutlineCollector> {
        user!.assumingMemoryBound(to: OutlineCollector.self)
    }

    mutating func move(_ point: FT_Vector) {
        closeContour()
        start = point
        segments.append(.move(x: Double(point.x), y: Double(point.y)))
    }

    mutating func line(_ point: FT_Vector) {
        segments.append(.line(x: Double(point.x), y: Double(point.y)))
    }

    mutating func quadratic(_ control: FT_Vector, _ point: FT_Vector) {
        segments.append(.quadratic(cx: Double(control.x), cy: Double(control.y), x: Double(point.x), y: Double(point.y)))
    }

    mutating func cubic(_ c1: FT_Vector, _ c2: FT_Vector, _ point: FT_Vector) {
        segments.append(.cubic(c1x: Double(c1.x), c1y: Double(c1.y), c2x: Double(c2.x), c2y: Double(c2.y),
                               x: Double(point.x), y: Double(point.y)))
    }

    /// Closes the open contour; a final straight line back to the start is implied by the close
    /// (unless it is the contour's only segment: a one-point contour stays a move and a line).
    mutating func closeContour() {
        guard let start else { return }
        if segments.count >= 2, case .line(let x, let y) = segments[segments.count - 1],
           x == Double(start.x), y == Double(start.y) {
            if case .move = segments[segments.count - 2] {} else { segments.removeLast() }
        }
        segments.append(.close)
        self.start = nil
    }
}
