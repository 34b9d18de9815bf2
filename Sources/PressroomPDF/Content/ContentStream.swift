// Builds a page's content stream (ISO 32000-1 §8, §9.4): one typed method per operator, written
// straight into bytes, keeping count of q/Q nesting and of whether any graphics state is left
// changed at the end, so a writer can isolate the stream from the ones painted after it.

public struct ContentStream {
    public private(set) var buffer = ByteBuffer(capacity: 8192)
    /// How many `q` are open.
    public private(set) var saveDepth = 0
    /// Whether an operator outside every q…Q changed the graphics state (§8.4.1: colours, line
    /// settings, the CTM, text state such as the font): the state the next stream would inherit.
    public private(set) var leavesStateChanged = false
    private var inGlyphString = false

    public init() {}

    public var bytes: [UInt8] { buffer.bytes }

    /// The stream made self-contained (§8.4.2): wrapped in q…Q when it would leave its graphics
    /// state to the content that follows, and with any unbalanced `q` closed. The wrapping costs
    /// four bytes and only where needed.
    public var isolatedBytes: [UInt8] {
        guard leavesStateChanged || saveDepth > 0 else { return buffer.bytes }
        var result = [UInt8]()
        result.reserveCapacity(buffer.count + 4 + 2 * saveDepth)
        result.append(contentsOf: "q\n".utf8)
        result.append(contentsOf: buffer.bytes)
        for _ in 0..<saveDepth { result.append(contentsOf: "Q\n".utf8) }
        result.append(contentsOf: "Q\n".utf8)
        return result
    }

    @inline(__always) private mutating func changesState() { if saveDepth == 0 { leavesStateChanged = true } }

    // MARK: Graphics state (§8.4)
    public mutating func save() { buffer.append("q\n"); saveDepth += 1 }
    public mutating func restore() {
        precondition(saveDepth > 0, "Q without a matching q")
        buffer.append("Q\n"); saveDepth -= 1
    }
    public mutating func transform(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        changesState(); number(a); number(b); number(c); number(d); number(e); number(f); buffer.append("cm\n")
    }
    public mutating func lineWidth(_ width: Double) { changesState(); number(width); buffer.append("w\n") }
    public mutating func lineCap(_ cap: Int) { changesState(); buffer.append(integer: cap); buffer.append(" J\n") }
    public mutating func lineJoin(_ join: Int) { changesState(); buffer.append(integer: join); buffer.append(" j\n") }
    public mutating func dash(_ lengths: [Double], phase: Double) {
        changesState()
        buffer.append("[")
        for (index, length) in lengths.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: " ")) }
            buffer.append(real: length)
        }
        buffer.append("] "); buffer.append(real: phase); buffer.append(" d\n")
    }
    public mutating func graphicsState(_ name: PDFName) { changesState(); buffer.append(name: name); buffer.append(" gs\n") }

    // MARK: Paths (§8.5)
    public mutating func move(_ x: Double, _ y: Double) { number(x); number(y); buffer.append("m\n") }
    public mutating func line(_ x: Double, _ y: Double) { number(x); number(y); buffer.append("l\n") }
    public mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        number(x1); number(y1); number(x2); number(y2); number(x3); number(y3); buffer.append("c\n")
    }
    public mutating func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        number(x); number(y); number(width); number(height); buffer.append("re\n")
    }
    public mutating func closePath() { buffer.append("h\n") }
    public mutating func fill() { buffer.append("f\n") }
    public mutating func stroke() { buffer.append("S\n") }
    public mutating func fillAndStroke() { buffer.append("B\n") }
    public mutating func endPath() { buffer.append("n\n") }
    /// §8.5.4: the current path becomes the clip (nonzero winding), once it is ended.
    public mutating func clip() { buffer.append("W\n") }

    // MARK: Colour (§8.6.8)
    public mutating func fillGray(_ g: Double) { changesState(); number(g); buffer.append("g\n") }
    public mutating func strokeGray(_ g: Double) { changesState(); number(g); buffer.append("G\n") }
    public mutating func fillRGB(_ r: Double, _ g: Double, _ b: Double) { changesState(); number(r); number(g); number(b); buffer.append("rg\n") }
    public mutating func strokeRGB(_ r: Double, _ g: Double, _ b: Double) { changesState(); number(r); number(g); number(b); buffer.append("RG\n") }
    public mutating func fillCMYK(_ c: Double, _ m: Double, _ y: Double, _ k: Double) { changesState(); number(c); number(m); number(y); number(k); buffer.append("k\n") }
    public mutating func strokeCMYK(_ c: Double, _ m: Double, _ y: Double, _ k: Double) { changesState(); number(c); number(m); number(y); number(k); buffer.append("K\n") }
    public mutating func fillColourSpace(_ name: PDFName) { changesState(); buffer.append(name: name); buffer.append(" cs\n") }
    public mutating func strokeColourSpace(_ name: PDFName) { changesState(); buffer.append(name: name); buffer.append(" CS\n") }
    public mutating func fillComponents(_ values: Double...) { changesState(); numbers(values); buffer.append("scn\n") }
    public mutating func strokeComponents(_ values: Double...) { changesState(); numbers(values); buffer.append("SCN\n") }

    // MARK: Text (§9.4)
    public mutating func beginText() { buffer.append("BT\n") }
    public mutating func endText() { buffer.append("ET\n") }
    /// Tf sets text state, which outlives ET (§9.3.1).
    public mutating func font(_ name: PDFName, size: Double) {
        changesState()
        buffer.append(name: name); buffer.append(UInt8(ascii: " ")); buffer.append(real: size); buffer.append(" Tf\n")
    }
    public mutating func textMatrix(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        number(a); number(b); number(c); number(d); number(e); number(f); buffer.append("Tm\n")
    }
    public mutating func textRise(_ rise: Double) { changesState(); number(rise); buffer.append("Ts\n") }

    /// Td (§9.4.2): moves to the start of the next line, offset from the current line's start, in
    /// ten-thousandths of a point, the precision of every coordinate written here.
    mutating func moveText(dx: Int, dy: Int) {
        buffer.append(tenThousandths: dx); buffer.append(UInt8(ascii: " "))
        buffer.append(tenThousandths: dy); buffer.append(" Td\n")
    }

    /// A `TJ` array of 2-byte codes with position adjustments (thousandths of an em, subtracted).
    public mutating func showGlyphs(_ items: [TextArrayItem]) {
        beginGlyphArray()
        for item in items {
            switch item {
            case .code(let code): glyph(code)
            case .adjust(let amount): adjustGlyphPosition(amount)
            }
        }
        endGlyphArray()
    }

    // A TJ array written as it goes: codes in a row share one literal string, each code as its two
    // bytes (§7.3.4.2), half the size of a hex string, so there is less to write and to compress.
    mutating func beginGlyphArray() { buffer.append(UInt8(ascii: "[")) }
    mutating func glyph(_ code: UInt16) {
        if !inGlyphString { buffer.append(UInt8(ascii: "(")); inGlyphString = true }
        appendStringByte(UInt8(truncatingIfNeeded: code >> 8))
        appendStringByte(UInt8(truncatingIfNeeded: code))
    }
    mutating func adjustGlyphPosition(_ amount: Double) {
        if inGlyphString { buffer.append(UInt8(ascii: ")")); inGlyphString = false }
        buffer.append(real: amount, decimals: 2)
    }
    mutating func endGlyphArray() {
        if inGlyphString { buffer.append(UInt8(ascii: ")")); inGlyphString = false }
        buffer.append("]TJ\n")
    }

    /// One byte of a literal string: the parentheses and the backslash escaped (§7.3.4.2), and the
    /// two end-of-line bytes, which a reader would otherwise read as one line feed.
    @inline(__always) private mutating func appendStringByte(_ byte: UInt8) {
        switch byte {
        case 0x28, 0x29, 0x5C:
            buffer.append(0x5C); buffer.append(byte)
        case 0x0A:
            buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
        case 0x0D:
            buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
        default:
            buffer.append(byte)
        }
    }

    // MARK: Marked content (§14.6)
    public mutating func beginMarkedContent(_ tag: PDFName, properties: PDFDictionary) {
        buffer.append(name: tag); buffer.append(UInt8(ascii: " ")); buffer.append(dictionary: properties); buffer.append(" BDC\n")
    }
    public mutating func beginMarkedContent(_ tag: PDFName) { buffer.append(name: tag); buffer.append(" BMC\n") }
    public mutating func endMarkedContent() { buffer.append("EMC\n") }

    // MARK: XObjects (§8.8)
    public mutating func drawObject(_ name: PDFName) { buffer.append(name: name); buffer.append(" Do\n") }

    @inline(__always) private mutating func number(_ value: Double) {
        buffer.append(real: value)
        buffer.append(UInt8(ascii: " "))
    }
    private mutating func numbers(_ values: [Double]) {
        for value in values { number(value) }
    }
}

public enum TextArrayItem: Equatable {
    case code(UInt16)
    case adjust(Double)
}
