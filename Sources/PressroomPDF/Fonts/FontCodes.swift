// The codes one font hands out in one document (2-byte CIDs under Identity-H): for each code its
// glyph, its text (for ToUnicode) and its /W width; for each glyph the code it got first. Looked
// up once per glyph drawn, so it avoids hashing and keeps its tables in one value.

struct FontCodes {
    /// TrueType fonts get a code of their own for each (glyph, text) pair, so ToUnicode alone says
    /// what every glyph means; a CFF font's codes are its glyph ids (see FontSubsetter).
    let codesAreGlyphIDs: Bool
    /// Text of each code; code 0 is .notdef and never used.
    private(set) var texts: [CodeText] = [CodeText()]
    private(set) var glyphs: [UInt32] = [0]
    /// Advance of each code in thousandths of an em, exactly as /W states it, so the page content
    /// and readers agree on where each glyph ends.
    private(set) var widths: [Int] = [0]
    private var firstCode = GlyphCodeMap()
    private var otherCodes: [GlyphText: UInt16] = [:]

    private struct GlyphText: Hashable {
        let glyph: UInt32
        let text: [UInt16]
    }

    init(codesAreGlyphIDs: Bool) {
        self.codesAreGlyphIDs = codesAreGlyphIDs
        // Room for a one-page document's codes (an invoice's regular face has about 80): grown
        // from one, the three tables were reallocated seven times each.
        texts.reserveCapacity(128)
        glyphs.reserveCapacity(128)
        widths.reserveCapacity(128)
    }

    var count: Int { texts.count }

    /// The code to write for `glyph` standing for `text`, its width, and whether the text needs
    /// ActualText because the code already stands for other text (CFF only).
    mutating func code(for glyph: UInt32, text: ArraySlice<UInt16>, width: (UInt32) -> Int)
        -> (code: UInt16, width: Int, needsActualText: Bool) {
        if let code = firstCode[glyph] {
            let index = Int(code)
            let known = texts[index]
            if known.count == text.count && known.elementsEqual(text) {
                return (code, widths[index], false)
            }
            if codesAreGlyphIDs { return (code, widths[index], true) }
            let key = GlyphText(glyph: glyph, text: Array(text))
            if let code = otherCodes[key] { return (code, widths[index], false) }
            let other = append(glyph: glyph, text: CodeText(key.text), width: widths[index])
            otherCodes[key] = other
            return (other, widths[index], false)
        }
        let code: UInt16
        if codesAreGlyphIDs {
            code = UInt16(truncatingIfNeeded: glyph)
            while texts.count <= Int(code) { texts.append(CodeText()); glyphs.append(0); widths.append(0) }
            texts[Int(code)] = CodeText(text)
            glyphs[Int(code)] = glyph
            widths[Int(code)] = width(glyph)
        } else {
            code = append(glyph: glyph, text: CodeText(text), width: width(glyph))
        }
        firstCode[glyph] = code
        return (code, widths[Int(code)], false)
    }

    private mutating func append(glyph: UInt32, text: CodeText, width: Int) -> UInt16 {
        texts.append(text)
        glyphs.append(glyph)
        widths.append(width)
        return UInt16(truncatingIfNeeded: texts.count - 1)
    }
}

/// A code's text: one or two UTF-16 units (nearly every glyph) kept inline, a longer cluster or
/// ligature in an array, so handing out a code allocates nothing.
struct CodeText: RandomAccessCollection, Equatable {
    private var first: UInt16 = 0
    private var second: UInt16 = 0
    private var longer: [UInt16]?
    let count: Int

    init() { count = 0 }

    init<Units: Collection>(_ units: Units) where Units.Element == UInt16 {
        count = units.count
        if count > 2 {
            longer = Array(units)
        } else {
            var iterator = units.makeIterator()
            first = iterator.next() ?? 0
            second = iterator.next() ?? 0
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> UInt16 {
        precondition(index >= 0 && index < count, "CodeText index out of range")
        if let longer { return longer[index] }
        return index == 0 ? first : second
    }
}

/// Glyph id → code, open addressing with linear probing; a slot holds glyph + 1, so 0 is empty.
struct GlyphCodeMap {
    private var keys = [UInt32](repeating: 0, count: 256)
    private var values = [UInt16](repeating: 0, count: 256)
    private var count = 0

    subscript(glyph: UInt32) -> UInt16? {
        get {
            let mask = keys.count - 1
            var slot = Self.slot(glyph, mask)
            while true {
                let key = keys[slot]
                if key == glyph &+ 1 { return values[slot] }
                if key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        set {
            guard let newValue else { preconditionFailure("codes are never removed") }
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var slot = Self.slot(glyph, mask)
            while keys[slot] != 0 && keys[slot] != glyph &+ 1 { slot = (slot + 1) & mask }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = glyph &+ 1
            values[slot] = newValue
        }
    }

    private static func slot(_ glyph: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: (glyph &* 0x9E37_79B1) >> 7) & mask }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt32](repeating: 0, count: keys.count * 2)
        values = [UInt16](repeating: 0, count: keys.count)
        count = 0
        for (key, value) in old { self[key &- 1] = value }
    }
}
