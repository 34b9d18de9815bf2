// Unicode script of each character (UAX #24 via HarfBuzz's Unicode functions), with Common and
// Inherited characters taking the script of the text around them, as shaping needs.
import CHarfBuzz

enum ScriptResolver {
    /// One script per UTF-16 unit (both halves of a surrogate pair get the same script).
    static func scripts(of text: [UInt16]) -> [hb_script_t] {
        let funcs = hb_unicode_funcs_get_default()
        var result = [hb_script_t](repeating: HB_SCRIPT_COMMON, count: text.count)
        var index = 0
        var lastReal: hb_script_t? = nil
        var pendingStart: Int? = nil // first unit of a run of Common/Inherited waiting for a script
        while index < text.count {
            let (scalar, width) = UTF16Scalars.decode(text, at: index)
            let script = scalar < 0x80 ? asciiScript(scalar) : hb_unicode_script(funcs, scalar)
            if script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN {
                if let lastReal {
                    for unit in index..<index + width { result[unit] = lastReal }
                } else if pendingStart == nil {
                    pendingStart = index
                }
            } else {
                if let start = pendingStart {
                    for unit in start..<index { result[unit] = script }
                    pendingStart = nil
                }
                for unit in index..<index + width { result[unit] = script }
                lastReal = script
            }
            index += width
        }
        if let start = pendingStart {
            for unit in start..<text.count { result[unit] = HB_SCRIPT_LATIN }
        }
        return result
    }

    /// Scripts.txt gives ASCII letters Latin and every other ASCII character Common; most text
    /// is mostly ASCII, which then needs no lookup.
    @inline(__always)
    static func asciiScript(_ scalar: UInt32) -> hb_script_t {
        let folded = scalar | 0x20
        return folded >= 0x61 && folded <= 0x7A ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON
    }
}

enum UTF16Scalars {
    /// The code point at `index` and how many UTF-16 units it takes; lone surrogates become U+FFFD.
    @inline(__always)
    static func decode(_ text: [UInt16], at index: Int) -> (UInt32, Int) {
        let unit = text[index]
        if unit & 0xFC00 == 0xD800, index + 1 < text.count, text[index + 1] & 0xFC00 == 0xDC00 {
            return (0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(text[index + 1]) & 0x3FF), 2)
        }
        if unit & 0xF800 == 0xD800 { return (0xFFFD, 1) }
        return (UInt32(unit), 1)
    }
}
