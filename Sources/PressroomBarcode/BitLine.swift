// One row or column of a QR Code's modules as bits (module i at bit i, dark set), wide enough for
// the largest symbol (version 40, 177 modules): the mask scoring works on whole lines at once.

struct BitLine: Equatable {
    static let capacity = 192
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0

    static let empty = BitLine()

    /// Bits `range.lowerBound ..< range.upperBound` set (within `capacity`).
    init(range: Range<Int>) {
        for index in range { set(index) }
    }

    init() {}

    /// Eight modules from byte `value`, module `index` (a multiple of 8) at its lowest bit, as
    /// libzint stores a row.
    mutating func setByte(_ value: UInt8, at index: Int) {
        let bits = UInt64(value) << (index & 63)
        switch index >> 6 {
        case 0: w0 |= bits
        case 1: w1 |= bits
        default: w2 |= bits
        }
    }

    mutating func set(_ index: Int) {
        let bit = UInt64(1) << (index & 63)
        switch index >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        default: w2 |= bit
        }
    }

    subscript(index: Int) -> Bool {
        let word = index >> 6 == 0 ? w0 : index >> 6 == 1 ? w1 : w2
        return (word >> (index & 63)) & 1 == 1
    }

    var count: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount }

    /// The set bits' indices, lowest first.
    func forEachSet(_ body: (Int) -> Void) {
        Self.forEachSet(w0, offset: 0, body)
        Self.forEachSet(w1, offset: 64, body)
        Self.forEachSet(w2, offset: 128, body)
    }

    private static func forEachSet(_ word: UInt64, offset: Int, _ body: (Int) -> Void) {
        var rest = word
        while rest != 0 {
            body(offset + rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }

    static func & (a: BitLine, b: BitLine) -> BitLine { BitLine(w0: a.w0 & b.w0, w1: a.w1 & b.w1, w2: a.w2 & b.w2) }
    static func | (a: BitLine, b: BitLine) -> BitLine { BitLine(w0: a.w0 | b.w0, w1: a.w1 | b.w1, w2: a.w2 | b.w2) }
    static func ^ (a: BitLine, b: BitLine) -> BitLine { BitLine(w0: a.w0 ^ b.w0, w1: a.w1 ^ b.w1, w2: a.w2 ^ b.w2) }
    static prefix func ~ (a: BitLine) -> BitLine { BitLine(w0: ~a.w0, w1: ~a.w1, w2: ~a.w2) }

    /// Bit i of the result is bit i − n (towards higher indices; zeros come in at 0), 0 < n < 64.
    static func << (a: BitLine, n: Int) -> BitLine {
        BitLine(w0: a.w0 << n, w1: (a.w1 << n) | (a.w0 >> (64 - n)), w2: (a.w2 << n) | (a.w1 >> (64 - n)))
    }

    /// Bit i of the result is bit i + n (towards lower indices; zeros come in at the top), 0 < n < 64.
    static func >> (a: BitLine, n: Int) -> BitLine {
        BitLine(w0: (a.w0 >> n) | (a.w1 << (64 - n)), w1: (a.w1 >> n) | (a.w2 << (64 - n)), w2: a.w2 >> n)
    }

    private init(w0: UInt64, w1: UInt64, w2: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
    }
}
