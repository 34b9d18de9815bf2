// Glyphs as reusable outlines: each glyph a page draws is one `<path>` in its `<defs>`, drawn by
// `<use>` wherever it appears. Outlines are read once per face and glyph for the writer's life
// (a preview renders the same faces on every save); the defs are per page, so a page's SVG
// holds exactly the glyphs it draws, numbered in order of first use, whatever was rendered before.
import PressroomText

/// Path data of glyph outlines in font units (y down), per face and glyph, kept across pages.
final class SVGGlyphCache {
    /// One face's outlines. Holding the face keeps its ObjectIdentifier from being reused.
    final class Face {
        let outlines: GlyphOutlines?
        /// Path data per glyph; empty for a glyph that draws nothing.
        var paths: [UInt32: [UInt8]] = [:]
        /// Font units per em: a run scales by size / unitsPerEm.
        let unitsPerEm: Double

        init(_ face: FontFace) {
            outlines = try? GlyphOutlines(face: face)
            unitsPerEm = Double(max(face.unitsPerEm, 1))
        }

        func pathData(_ glyph: UInt32) -> [UInt8] {
            if let known = paths[glyph] { return known }
            var output = SVGOutput()
            if let outline = outlines?.outline(of: glyph) { SVGPathData.append(outline, to: &output) }
            paths[glyph] = output.bytes
            return output.bytes
        }
    }

    private var faces: [ObjectIdentifier: Face] = [:]

    func face(_ face: FontFace) -> Face {
        if let known = faces[ObjectIdentifier(face)] { return known }
        let entry = Face(face)
        faces[ObjectIdentifier(face)] = entry
        return entry
    }
}

/// The glyph definitions of one page, written as glyphs are first drawn.
struct SVGGlyphDefinitions {
    private let prefix: [UInt8]
    /// Page-local face numbers, in order of first use.
    private var faceNumbers: [ObjectIdentifier: Int] = [:]
    /// Glyphs seen so far, per face number: true when defined, false when the glyph draws nothing.
    private var defined: [[UInt32: Bool]] = []
    /// The `<path>` elements for `<defs>`.
    private(set) var output = SVGOutput(capacity: 16_384)

    init(prefix: [UInt8]) { self.prefix = prefix }

    /// The page's number for a face, assigned on first use.
    mutating func number(of face: FontFace) -> Int {
        if let known = faceNumbers[ObjectIdentifier(face)] { return known }
        let number = faceNumbers.count
        faceNumbers[ObjectIdentifier(face)] = number
        defined.append([:])
        return number
    }

    /// Defines glyph `glyph` of face `faceNumber` if this page has not yet; false when it draws
    /// nothing (a space), so no `<use>` is needed.
    mutating func define(_ glyph: UInt32, faceNumber: Int, from face: SVGGlyphCache.Face) -> Bool {
        if let drawable = defined[faceNumber][glyph] { return drawable }
        let data = face.pathData(glyph)
        let drawable = !data.isEmpty
        defined[faceNumber][glyph] = drawable
        if drawable {
            output.append("<path id=\"")
            appendID(glyph, faceNumber: faceNumber, to: &output)
            output.append("\" d=\"")
            output.append(data)
            output.append("\"/>")
        }
        return drawable
    }

    /// `{prefix}g{face}-{glyph}`.
    @inline(__always) func appendID(_ glyph: UInt32, faceNumber: Int, to output: inout SVGOutput) {
        output.append(prefix)
        output.append(UInt8(ascii: "g"))
        output.append(integer: faceNumber)
        output.append(UInt8(ascii: "-"))
        output.append(integer: glyph)
    }

    var isEmpty: Bool { output.bytes.isEmpty }
}
