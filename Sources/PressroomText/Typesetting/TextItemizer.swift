// Splits a paragraph into runs that can each be shaped in one go: same span, bidi level, script
// and face. Picks the face per character from the span's fallback chain and records characters
// no face can draw.
import CHarfBuzz

struct TextItem {
    var range: Range<Int>
    var spanIndex: Int
    var level: UInt8
    var script: hb_script_t
    var face: FontFace
}

enum TextItemizer {
    static func itemize(_ text: [UInt16], spanRanges: [Range<Int>], chains: [[FontFace]], levels: [UInt8],
                        missing: inout [MissingCharacter]) -> [TextItem] {
        let scripts = ScriptResolver.scripts(of: text)
        let funcs = hb_unicode_funcs_get_default()
        var items: [TextItem] = []
        for (spanIndex, spanRange) in spanRanges.enumerated() where !spanRange.isEmpty {
            let chain = chains[spanIndex]
            var previousFace = chain[0]
            var index = spanRange.lowerBound
            while index < spanRange.upperBound {
                let (scalar, width) = UTF16Scalars.decode(text, at: index)
                let face = chooseFace(scalar, chain: chain, previous: previousFace, funcs: funcs, offset: index,
                                      spanIndex: spanIndex, missing: &missing)
                previousFace = face
                let level = levels[index], script = scripts[index]
                if var last = items.last, last.spanIndex == spanIndex, last.level == level, last.script == script,
                   last.face === face, last.range.upperBound == index {
                    last.range = last.range.lowerBound..<(index + width)
                    items[items.count - 1] = last
                } else {
                    items.append(TextItem(range: index..<(index + width), spanIndex: spanIndex, level: level,
                                          script: script, face: face))
                }
                index += width
            }
        }
        return items
    }

    private static func chooseFace(_ scalar: UInt32, chain: [FontFace], previous: FontFace, funcs: OpaquePointer?,
                                   offset: Int, spanIndex: Int, missing: inout [MissingCharacter]) -> FontFace {
        guard let unicode = Unicode.Scalar(scalar) else { return previous }
        // Controls, spaces, joiners and combining marks stay with the face of the text around
        // them, so a cluster is never split between fonts.
        switch placement(of: scalar, funcs: funcs) {
        case .withPrevious:
            return previous
        case .withPreviousWhenDrawn:
            if previous.glyph(for: unicode) != nil { return previous }
        case .ownFace:
            break
        }
        if previous !== chain[0], previous.glyph(for: unicode) != nil, chain[0].glyph(for: unicode) == nil {
            return previous
        }
        for face in chain where face.glyph(for: unicode) != nil { return face }
        missing.append(MissingCharacter(scalar: unicode, offset: offset, spanIndex: spanIndex))
        return chain[0]
    }

    private enum Placement {
        /// Controls, format characters, marks and separators: never a face change.
        case withPrevious
        /// Spaces: with the previous face when it has the space.
        case withPreviousWhenDrawn
        case ownFace
    }

    /// How a character picks its face, by its general category; ASCII without asking HarfBuzz.
    private static func placement(of scalar: UInt32, funcs: OpaquePointer?) -> Placement {
        if scalar < 0x80 {
            if scalar < 0x20 || scalar == 0x7F { return .withPrevious }
            return scalar == 0x20 ? .withPreviousWhenDrawn : .ownFace
        }
        switch hb_unicode_general_category(funcs, scalar) {
        case HB_UNICODE_GENERAL_CATEGORY_CONTROL, HB_UNICODE_GENERAL_CATEGORY_FORMAT,
             HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK, HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK,
             HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK, HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR,
             HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
            return .withPrevious
        case HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR:
            return .withPreviousWhenDrawn
        default:
            return .ownFace
        }
    }
}
