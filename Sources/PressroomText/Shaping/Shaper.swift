// Shapes one run of text (one face, script, language and direction) with HarfBuzz into glyphs
// in font units, with clusters as UTF-16 offsets into the whole paragraph.
import CHarfBuzz

struct ShapedGlyph {
    var glyph: UInt32
    /// UTF-16 offset, in the paragraph, of the first character this glyph stands for.
    var cluster: Int
    var xAdvance: Int32
    var xOffset: Int32
    var yOffset: Int32
    /// HarfBuzz's HB_GLYPH_FLAG_UNSAFE_TO_BREAK: breaking here needs a re-shape.
    var unsafeToBreak: Bool
}

struct ShapingRequest {
    var face: FontFace
    var script: hb_script_t
    var language: hb_language_t?
    var rightToLeft: Bool
    var features: [FontFeature]
}

enum Shaper {
    /// Shapes `range` of `text`; the rest of `text` is context (for joining and contextual forms).
    static func shape(_ text: [UInt16], range: Range<Int>, _ request: ShapingRequest) -> [ShapedGlyph] {
        guard !range.isEmpty else { return [] }
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        text.withUnsafeBufferPointer { units in
            hb_buffer_add_utf16(buffer, units.baseAddress, Int32(units.count), UInt32(range.lowerBound), Int32(range.count))
        }
        hb_buffer_set_direction(buffer, request.rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, request.script)
        if let language = request.language { hb_buffer_set_language(buffer, language) }
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        var flags = HB_BUFFER_FLAG_DEFAULT.rawValue
        if range.lowerBound == 0 { flags |= HB_BUFFER_FLAG_BOT.rawValue }
        if range.upperBound == text.count { flags |= HB_BUFFER_FLAG_EOT.rawValue }
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(rawValue: flags))
        // The features go to HarfBuzz from the stack: most table cells ask for tabular figures,
        // and an array of them was an allocation per shaped run.
        withUnsafeTemporaryAllocation(of: hb_feature_t.self, capacity: max(1, request.features.count)) { features in
            for (index, feature) in request.features.enumerated() { features.initializeElement(at: index, to: feature.feature) }
            hb_shape(request.face.hbFont, buffer, features.baseAddress, UInt32(request.features.count))
        }

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let info = infos[index], position = positions[index]
            glyphs.append(ShapedGlyph(
                glyph: info.codepoint, cluster: Int(info.cluster),
                xAdvance: position.x_advance, xOffset: position.x_offset, yOffset: position.y_offset,
                unsafeToBreak: (info.mask & HB_GLYPH_FLAG_UNSAFE_TO_BREAK.rawValue) != 0))
        }
        return glyphs
    }
}
