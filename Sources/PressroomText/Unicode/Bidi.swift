// Resolved bidi embedding levels and visual order (UAX #9), computed by ICU's ubidi through CICUShim.
import CICUShim

public enum BaseDirection: Sendable {
    case leftToRight, rightToLeft
    /// From the first strong character (UAX #9 rules P2, P3); left-to-right if there is none.
    case auto
}

public struct BidiParagraph: Sendable {
    /// The paragraph embedding level: 0 is left-to-right, 1 right-to-left.
    public let paragraphLevel: UInt8
    /// One resolved level per UTF-16 unit, after rule L1 (trailing whitespace takes the paragraph level).
    /// Characters that X9 removes (BN, explicit formatting) get ICU's choice of level; ignore them.
    public let levels: [UInt8]

    /// `utf16` is one paragraph; if it holds paragraph separators, `paragraphLevel` is the first one's.
    public init(utf16: [UInt16], base: BaseDirection) {
        let requested: UInt8 = switch base {
        case .leftToRight: 0
        case .rightToLeft: 1
        case .auto: UInt8(PR_UBIDI_DEFAULT_LTR)
        }
        // Text with no right-to-left letters and no explicit direction marks is all level 0 under
        // a left-to-right or automatic base (UAX #9: no strong R/AL, so P3 gives level 0 and no
        // rule raises a level), so ICU is not needed for the common case.
        if base != .rightToLeft, !utf16.contains(where: Self.mayNeedBidi) {
            paragraphLevel = 0
            levels = [UInt8](repeating: 0, count: utf16.count)
            return
        }
        guard let bidi = pr_ubidi_open() else { preconditionFailure("ICU ubidi_open: out of memory") }
        defer { pr_ubidi_close(bidi) }
        // ICU keeps a pointer to the text, so everything happens inside this closure.
        (paragraphLevel, levels) = utf16.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            pr_ubidi_set_para(bidi, text.baseAddress, Int32(text.count), requested, &status)
            precondition(status <= 0, "ICU ubidi_setPara failed with UErrorCode \(status)")
            var levels = [UInt8](repeating: 0, count: text.count)
            levels.withUnsafeMutableBufferPointer { out in
                pr_ubidi_get_levels(bidi, out.baseAddress, Int32(out.count), &status)
            }
            precondition(status <= 0, "ICU ubidi_getLevels failed with UErrorCode \(status)")
            return (pr_ubidi_get_para_level(bidi), levels)
        }
    }

    /// Right-to-left scripts (Hebrew to Arabic Extended, presentation forms), explicit embedding,
    /// override, isolate and mark characters, and anything outside the BMP.
    private static func mayNeedBidi(_ unit: UInt16) -> Bool {
        (0x0590...0x08FF).contains(unit) || (0xFB1D...0xFDFF).contains(unit) || (0xFE70...0xFEFF).contains(unit)
            || unit == 0x200E || unit == 0x200F || unit == 0x061C || (0x202A...0x202E).contains(unit)
            || (0x2066...0x2069).contains(unit) || (0xD800...0xDFFF).contains(unit)
    }

    /// Logical indices in visual (left-to-right) order, by UAX #9 rule L2: from the highest level down
    /// to the lowest odd level, reverse every run at that level or higher. Levels must be at most 126.
    public static func visualOrder(levels: [UInt8]) -> [Int] {
        guard !levels.isEmpty else { return [] }
        precondition(levels.allSatisfy { $0 <= 126 }, "bidi levels above 126 (UBIDI_MAX_EXPLICIT_LEVEL + 1)")
        var indexMap = [Int32](repeating: 0, count: levels.count)
        levels.withUnsafeBufferPointer { levels in
            indexMap.withUnsafeMutableBufferPointer { map in
                pr_ubidi_reorder_visual(levels.baseAddress, Int32(levels.count), map.baseAddress)
            }
        }
        return indexMap.map(Int.init)
    }
}
