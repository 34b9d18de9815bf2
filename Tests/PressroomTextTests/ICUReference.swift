// ICU called directly through CICUShim, bypassing PressroomText: tells a bug in our layer from a case
// where ICU 72 itself disagrees with Unicode's conformance file.
import CICUShim

enum ICUReference {
    /// Boundary offsets after 0 from a freshly opened UBRK_LINE iterator.
    static func lineBreaks(_ text: [UInt16], locale: String) -> [Int] {
        text.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            let iterator = pr_ubrk_open_line(locale, text.baseAddress, Int32(text.count), &status)!
            defer { pr_ubrk_close(iterator) }
            var offsets: [Int] = []
            _ = pr_ubrk_first(iterator)
            while case let offset = pr_ubrk_next(iterator), offset != PR_UBRK_DONE { offsets.append(Int(offset)) }
            return offsets
        }
    }

    /// Paragraph level and per-UTF-16 levels from ubidi_setPara (paraLevel 0, 1 or UBIDI_DEFAULT_LTR).
    static func bidi(_ text: [UInt16], paraLevel: UInt8) -> (paragraphLevel: UInt8, levels: [UInt8]) {
        text.withUnsafeBufferPointer { text in
            let bidi = pr_ubidi_open()!
            defer { pr_ubidi_close(bidi) }
            var status: Int32 = 0
            pr_ubidi_set_para(bidi, text.baseAddress, Int32(text.count), paraLevel, &status)
            var levels = [UInt8](repeating: 0, count: text.count)
            levels.withUnsafeMutableBufferPointer { pr_ubidi_get_levels(bidi, $0.baseAddress, Int32($0.count), &status) }
            return (pr_ubidi_get_para_level(bidi), levels)
        }
    }

    /// ubidi_reorderVisual: logical indices in visual order.
    static func visualOrder(_ levels: [UInt8]) -> [Int] {
        var map = [Int32](repeating: 0, count: levels.count)
        map.withUnsafeMutableBufferPointer { pr_ubidi_reorder_visual(levels, Int32(levels.count), $0.baseAddress) }
        return map.map(Int.init)
    }
}
