// The data mask a QR Code gets (ISO/IEC 18004 §7.8), chosen as libzint 2.11 chooses it, from one
// symbol libzint made with mask 0. libzint scores each of the eight masks module by module, which
// is nine tenths of its time for a payment QR code (about 200 of 225 µs for version 7 here); this
// scores them a whole row or column at a time, with the same four penalty rules and libzint's
// exact arithmetic, and applies the mask chosen and its format information to the data modules.
// The tests hold the result to libzint's own symbol, module for module, over thousands of symbols.

struct QRMaskChoice {
    let size: Int
    /// The data modules, by row and by column: those the mask inverts where its condition holds
    /// (all but the function patterns, see `functionModules`).
    private var dataRows: [BitLine]
    private var dataColumns: [BitLine]
    /// The symbol without a mask, its format information blank, by row and by column.
    private var plainRows: [BitLine]
    private var plainColumns: [BitLine]
    private let errorCorrection: QRErrorCorrection
    private let formatPositions: [(Int, Int, Int)]
    /// Every module but a line's first, and every module but its last.
    private let afterFirst: BitLine, beforeLast: BitLine

    /// `rows`: the modules of a symbol of `size` × `size` made with mask 0.
    init(maskZeroRows rows: [BitLine], size: Int, errorCorrection: QRErrorCorrection) {
        self.size = size
        self.errorCorrection = errorCorrection
        afterFirst = BitLine(range: 1..<size)
        beforeLast = BitLine(range: 0..<(size - 1))
        let inside = BitLine(range: 0..<size)
        let data = Self.functionModules(size: size).map { inside & ~$0 }
        dataRows = data
        dataColumns = Self.transposed(data, size: size)
        formatPositions = Self.formatPositions(size: size)
        var format = [BitLine](repeating: .empty, count: size)
        for (y, x, _) in formatPositions { format[y].set(x) }
        plainRows = (0..<size).map { y in
            ((rows[y] & inside) ^ (Self.pattern(0, y, orientation: .row) & data[y])) & ~format[y]
        }
        plainColumns = Self.transposed(plainRows, size: size)
    }

    /// The mask libzint would choose: the lowest penalty, the lower mask on a tie.
    var best: Int {
        var best = 0, lowest = Int.max
        for mask in 0..<8 {
            let score = penalty(mask)
            if score < lowest { best = mask; lowest = score }
        }
        return best
    }

    /// The four penalty rules of libzint's `qr_evaluate` over the symbol with `mask` and its
    /// format information: runs of five or more (N1), 2 × 2 blocks (N2), 1:1:3:1:1 finder-like
    /// patterns with four light modules on a side (N3), and the share of dark modules (N4).
    func penalty(_ mask: Int) -> Int {
        let rows = rows(mask)
        var columns = (0..<size).map { x in plainColumns[x] ^ (Self.pattern(mask, x, orientation: .column) & dataColumns[x]) }
        let format = Self.formatBits(errorCorrection, mask: mask)
        for (y, x, bit) in formatPositions where (format >> bit) & 1 == 1 { columns[x].set(y) }
        var score = 0, dark = 0
        for y in 0..<size {
            let row = rows[y]
            score += Self.runs(row, afterFirst) + Self.finderLike(row)
            dark += row.count
            if y + 1 < size {
                // N2: the module, the one right of it and the two below all alike.
                let below = rows[y + 1]
                let alikeDown = ~(row ^ below), alikeRight = ~(row ^ (row >> 1))
                score += 3 * (alikeDown & (alikeDown >> 1) & alikeRight & beforeLast).count
            }
        }
        for column in columns { score += Self.runs(column, afterFirst) + Self.finderLike(column) }
        // N4 as libzint computes it, in floating point, truncated.
        let percentage = (100.0 * Double(dark)) / Double(size * size)
        score += 10 * Int(abs(percentage - 50.0) / 5.0)
        return score
    }

    /// The symbol's rows with `mask` and its format information: the symbol libzint makes with
    /// that mask, module for module.
    func rows(_ mask: Int) -> [BitLine] {
        var rows = (0..<size).map { y in plainRows[y] ^ (Self.pattern(mask, y, orientation: .row) & dataRows[y]) }
        let format = Self.formatBits(errorCorrection, mask: mask)
        for (y, x, bit) in formatPositions where (format >> bit) & 1 == 1 { rows[y].set(x) }
        return rows
    }

    /// N1: each run of five or more alike modules scores its length minus two. A run of length L
    /// is L − 1 "alike with the one before" bits in a row; windows of four such bits number L − 4,
    /// so a run scores its windows plus two for the run.
    private static func runs(_ line: BitLine, _ afterFirst: BitLine) -> Int {
        let alike = ~(line ^ (line << 1)) & afterFirst
        let windows = alike & (alike >> 1) & (alike >> 2) & (alike >> 3)
        return windows.count + 2 * (windows & ~(windows << 1)).count
    }

    /// N3: dark-light-dark-dark-dark-light-dark with four light modules before or after it (the
    /// symbol's edge counting as light), 40 each.
    private static func finderLike(_ line: BitLine) -> Int {
        let found = line & ~(line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & ~(line >> 5) & (line >> 6)
        if found == .empty { return 0 }
        let lightBefore = ~((line << 1) | (line << 2) | (line << 3) | (line << 4))
        let lightAfter = ~((line >> 7) | (line >> 8) | (line >> 9) | (line >> 10))
        return 40 * (found & (lightBefore | lightAfter)).count
    }

    // MARK: The symbol's parts

    enum Orientation { case row, column }

    /// Where `mask` inverts the modules of row (or column) `index`, over the whole line: libzint's
    /// mask conditions, which for a fixed row repeat every six modules along it and depend only on
    /// the row's number modulo twelve.
    static func pattern(_ mask: Int, _ index: Int, orientation: Orientation) -> BitLine {
        patterns[(orientation == .row ? 0 : 96) + mask * 12 + index % 12]
    }

    private static let patterns: [BitLine] = {
        var table: [BitLine] = []
        for orientation in [Orientation.row, .column] {
            for mask in 0..<8 {
                for fixed in 0..<12 {
                    var line = BitLine()
                    for along in 0..<BitLine.capacity {
                        let (y, x) = orientation == .row ? (fixed, along) : (along, fixed)
                        if inverts(mask, y: y, x: x) { line.set(along) }
                    }
                    table.append(line)
                }
            }
        }
        return table
    }()

    /// libzint's eight mask conditions (ISO/IEC 18004 Table 10), y the row and x the column.
    static func inverts(_ mask: Int, y: Int, x: Int) -> Bool {
        switch mask {
        case 0: (y + x) & 1 == 0
        case 1: y & 1 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: ((y / 2) + (x / 3)) & 1 == 0
        case 5: (y * x) % 6 == 0
        case 6: (((y * x) & 1) + ((y * x) % 3)) & 1 == 0
        default: ((((y + x) & 1) + ((y * x) % 3)) & 1) == 0
        }
    }

    /// The 15 format bits for an error-correction level and mask: BCH(15, 5) with generator
    /// 0x537, XORed with 0x5412 (ISO/IEC 18004 §7.9.1); the level's bits are L 01, M 00, Q 11, H 10.
    static func formatBits(_ level: QRErrorCorrection, mask: Int) -> Int {
        let levelBits = switch level {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
        let data = levelBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return ((data << 10) | remainder) ^ 0x5412
    }

    /// Where each format bit goes, as libzint's `qr_add_format_info` puts it: (row, column, bit).
    static func formatPositions(size: Int) -> [(Int, Int, Int)] {
        var positions: [(Int, Int, Int)] = []
        for i in 0..<6 { positions.append((i, 8, i)) }
        for i in 0..<8 { positions.append((8, size - 1 - i, i)) }
        for i in 0..<6 { positions.append((8, 5 - i, i + 9)) }
        for i in 0..<7 { positions.append((size - 7 + i, 8, i + 8)) }
        positions += [(7, 8, 6), (8, 8, 7), (8, 7, 8)]
        return positions
    }

    /// The modules the mask leaves alone, by row (ISO/IEC 18004 §6.3, as libzint's `qr_setup_grid`
    /// reserves them): the three finder patterns with their separators, the timing row and column,
    /// the alignment patterns not on a finder, the format information with the dark module, and
    /// from version 7 the version information.
    static func functionModules(size: Int) -> [BitLine] {
        var rows = [BitLine](repeating: .empty, count: size)
        func mark(rows range: Range<Int>, columns: Range<Int>) {
            let line = BitLine(range: columns)
            for y in range { rows[y] = rows[y] | line }
        }
        mark(rows: 0..<8, columns: 0..<8)
        mark(rows: 0..<8, columns: (size - 8)..<size)
        mark(rows: (size - 8)..<size, columns: 0..<8)
        mark(rows: 6..<7, columns: 0..<size)
        mark(rows: 0..<size, columns: 6..<7)
        let centres = alignmentCentres(version: (size - 17) / 4)
        for y in centres {
            for x in centres {
                let onFinder = (y < 8 && x < 8) || (y < 8 && x >= size - 8) || (y >= size - 8 && x < 8)
                if !onFinder { mark(rows: (y - 2)..<(y + 3), columns: (x - 2)..<(x + 3)) }
            }
        }
        mark(rows: 8..<9, columns: 0..<9)
        mark(rows: 0..<9, columns: 8..<9)
        mark(rows: 8..<9, columns: (size - 8)..<size)
        mark(rows: (size - 8)..<size, columns: 8..<9)
        if size >= 45 {  // version 7 and up
            mark(rows: (size - 11)..<(size - 8), columns: 0..<6)
            mark(rows: 0..<6, columns: (size - 11)..<(size - 8))
        }
        return rows
    }

    /// The rows (and columns) of the alignment patterns' centres (ISO/IEC 18004 Annex E): 6, then
    /// evenly spaced up to size − 7, the step even (26 for version 32).
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var centres = [6]
        var position = version * 4 + 10
        for _ in 0..<(count - 1) {
            centres.insert(position, at: 1)
            position -= step
        }
        return centres
    }

    static func transposed(_ rows: [BitLine], size: Int) -> [BitLine] {
        var columns = [BitLine](repeating: .empty, count: size)
        for (y, row) in rows.enumerated() { row.forEachSet { x in columns[x].set(y) } }
        return columns
    }
}
