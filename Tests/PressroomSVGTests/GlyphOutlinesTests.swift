// Glyph outlines read with FreeType: contours closed, the right curve kind per outline format, and
// extents that agree with HarfBuzz's independent reading of the same font.
import CHarfBuzz
import Foundation
import PressroomText
import Testing

private func contours(_ outline: [OutlineSegment]) -> (moves: Int, closes: Int, wellNested: Bool) {
    var moves = 0, closes = 0, open = false, wellNested = true
    for segment in outline {
        switch segment {
        case .move:
            if open { wellNested = false }
            moves += 1; open = true
        case .close:
            if !open { wellNested = false }
            closes += 1; open = false
        default:
            if !open { wellNested = false }
        }
    }
    return (moves, closes, wellNested && !open)
}

/// The outline's bounding box over every point it names (control points included).
private func bounds(_ outline: [OutlineSegment]) -> (xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
    var xs: [Double] = [], ys: [Double] = []
    for segment in outline {
        switch segment {
        case .move(let x, let y), .line(let x, let y): xs.append(x); ys.append(y)
        case .quadratic(let cx, let cy, let x, let y): xs += [cx, x]; ys += [cy, y]
        case .cubic(let c1x, let c1y, let c2x, let c2y, let x, let y): xs += [c1x, c2x, x]; ys += [c1y, c2y, y]
        case .close: break
        }
    }
    return (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
}

@Test func theLetterOHasTwoClosedContours() throws {
    let face = try #require(try Fixtures.registry.get().face(family: "Noto Sans"))
    let outlines = try GlyphOutlines(face: face)
    let outline = outlines.outline(of: try #require(face.glyph(for: "o")))
    let counted = contours(outline)
    #expect(counted.moves == 2 && counted.closes == 2 && counted.wellNested, "\(outline)")
    // TrueType 'glyf' outlines are quadratic.
    #expect(outline.contains { if case .quadratic = $0 { true } else { false } })
    #expect(!outline.contains { if case .cubic = $0 { true } else { false } })
}

@Test func theLetterLMatchesHarfBuzzExtents() throws {
    let path = Fixtures.root.appendingPathComponent("Fonts/NotoSans/NotoSans-Regular.ttf").path
    let face = try Fixtures.face("Fonts/NotoSans/NotoSans-Regular.ttf")
    let glyph = try #require(face.glyph(for: "l"))
    let outline = try GlyphOutlines(face: face).outline(of: glyph)
    #expect(contours(outline) == (1, 1, true))
    let box = bounds(outline)

    // HarfBuzz, from its own copy of the file, unscaled (scale = upem).
    let blob = hb_blob_create_from_file(path)
    defer { hb_blob_destroy(blob) }
    let hbFace = hb_face_create(blob, 0)
    defer { hb_face_destroy(hbFace) }
    let font = hb_font_create(hbFace)
    defer { hb_font_destroy(font) }
    var extents = hb_glyph_extents_t()
    #expect(hb_font_get_glyph_extents(font, glyph, &extents) != 0)
    let expected = (xMin: Double(extents.x_bearing), yMax: Double(extents.y_bearing),
                    xMax: Double(extents.x_bearing + extents.width), yMin: Double(extents.y_bearing + extents.height))
    #expect(abs(box.xMin - expected.xMin) <= 1 && abs(box.xMax - expected.xMax) <= 1, "\(box) vs \(expected)")
    #expect(abs(box.yMin - expected.yMin) <= 1 && abs(box.yMax - expected.yMax) <= 1, "\(box) vs \(expected)")
    // A stem from the baseline to the ascender, narrower than the advance.
    #expect(box.yMin == 0 && box.yMax > 700 && box.xMax < Double(face.advance(of: glyph)))
}

@Test func cffOutlinesAreCubicAndClosed() throws {
    let face = try Fixtures.face("Fixtures/fonts/EBGaramond12-Regular-Latin.otf")
    #expect(face.hasCFFOutlines)
    let outlines = try GlyphOutlines(face: face)
    let o = outlines.outline(of: try #require(face.glyph(for: "o")))
    #expect(contours(o).moves == 2 && contours(o).closes == 2 && contours(o).wellNested, "\(o)")
    #expect(o.contains { if case .cubic = $0 { true } else { false } })
    #expect(!o.contains { if case .quadratic = $0 { true } else { false } })
    let b = outlines.outline(of: try #require(face.glyph(for: "B")))
    #expect(contours(b).moves == 3 && contours(b).wellNested)
}

@Test func glyphsThatDrawNothingHaveEmptyOutlines() throws {
    let face = try #require(try Fixtures.registry.get().face(family: "Noto Sans"))
    let outlines = try GlyphOutlines(face: face)
    #expect(outlines.outline(of: try #require(face.glyph(for: " "))).isEmpty)
    #expect(outlines.outline(of: UInt32(face.glyphCount) + 10).isEmpty)
    // A collection member is opened by its index.
    let collection = try FontFace.load(path: Fixtures.root.appendingPathComponent("Fixtures/fonts/NotoSans-RegularBold-Latin.ttc").path)
    #expect(collection.count == 2)
    let regular = try GlyphOutlines(face: collection[0]).outline(of: try #require(collection[0].glyph(for: "l")))
    let bold = try GlyphOutlines(face: collection[1]).outline(of: try #require(collection[1].glyph(for: "l")))
    #expect(bounds(bold).xMax - bounds(bold).xMin > bounds(regular).xMax - bounds(regular).xMin)
}
