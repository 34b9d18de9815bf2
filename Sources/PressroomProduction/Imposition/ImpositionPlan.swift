// Which page goes where: for a scheme and a number of pages, every sheet side and, in each cell,
// the page it carries (or a blank), turned or not, pushed by creep. Pure arithmetic, so tests can
// check that every page lands exactly once per copy, where and how the scheme says.
import PressroomGraphics
import PressroomLayout

public struct ImpositionPlan: Sendable {
    public struct Placement: Sendable, Equatable {
        /// 0-based page of the input; nil: the cell stays blank (a booklet's filling pages).
        public var page: Int?
        public var cell: Int
        /// Turned half a turn (work-and-tumble backs).
        public var upsideDown: Bool
        /// Booklets: how far the page is moved towards the spine (+ right, − left).
        public var shift: Double
    }

    public struct Side: Sendable {
        /// 0-based sheet.
        public var sheet: Int
        public var isBack: Bool
        public var placements: [Placement]
    }

    public let scheme: ImpositionScheme
    public let pageCount: Int
    public let sides: [Side]

    public init(scheme: ImpositionScheme, pageCount: Int) {
        self.scheme = scheme
        self.pageCount = pageCount
        sides = Self.sides(scheme, pageCount: pageCount)
    }

    /// How many times each page is printed on the sheets (work-and-turn and -tumble print each
    /// pair twice per sheet, on both sides).
    public var copiesPerPage: Int {
        switch scheme.kind {
        case .stepAndRepeat: scheme.columns * scheme.rows
        case .workAndTurn, .workAndTumble: 2
        case .nUp, .cutAndStack, .booklet: 1
        }
    }

    private static func sides(_ scheme: ImpositionScheme, pageCount: Int) -> [Side] {
        let columns = scheme.columns, rows = scheme.rows, cells = columns * rows
        func place(_ page: Int?, _ cell: Int, upsideDown: Bool = false, shift: Double = 0) -> Placement {
            Placement(page: page.flatMap { $0 < pageCount ? $0 : nil }, cell: cell, upsideDown: upsideDown, shift: shift)
        }
        func mirroredColumn(_ cell: Int) -> Int { cell / columns * columns + (columns - 1 - cell % columns) }
        guard pageCount > 0 else { return [] }
        switch scheme.kind {
        case .nUp where scheme.duplex:
            // Front: odd pages in reading order; back: each even page behind its odd one.
            let sheets = (pageCount + 2 * cells - 1) / (2 * cells)
            return (0..<sheets).flatMap { sheet -> [Side] in
                let fronts = (0..<cells).map { cell in place(sheet * 2 * cells + 2 * cell, cell) }
                let backs = (0..<cells).map { cell in place(sheet * 2 * cells + 2 * cell + 1, mirroredColumn(cell)) }.sorted { $0.cell < $1.cell }
                return [Side(sheet: sheet, isBack: false, placements: fronts), Side(sheet: sheet, isBack: true, placements: backs)]
            }
        case .nUp:
            let sheets = (pageCount + cells - 1) / cells
            return (0..<sheets).map { sheet in Side(sheet: sheet, isBack: false, placements: (0..<cells).map { place(sheet * cells + $0, $0) }) }
        case .stepAndRepeat:
            return (0..<pageCount).map { page in Side(sheet: page, isBack: false, placements: (0..<cells).map { place(page, $0) }) }
        case .cutAndStack:
            // Cell c of sheet s carries page c·S + s: each cell's pile is a run of S pages.
            let sheets = (pageCount + cells - 1) / cells
            return (0..<sheets).map { sheet in Side(sheet: sheet, isBack: false, placements: (0..<cells).map { place($0 * sheets + sheet, $0) }) }
        case .booklet:
            // Pages made a multiple of four with blanks; sheet i (outermost first) carries, front:
            // last−2i | 2i, back: 2i+1 | last−1−2i; inner sheets pushed towards the spine by creep.
            let total = (pageCount + 3) / 4 * 4
            return (0..<(total / 4)).flatMap { sheet -> [Side] in
                let shift = Double(sheet) * scheme.creep
                let front = [place(total - 1 - 2 * sheet, 0, shift: shift), place(2 * sheet, 1, shift: -shift)]
                let back = [place(2 * sheet + 1, 0, shift: shift), place(total - 2 - 2 * sheet, 1, shift: -shift)]
                return [Side(sheet: sheet, isBack: false, placements: front), Side(sheet: sheet, isBack: true, placements: back)]
            }
        case .workAndTurn, .workAndTumble:
            // Pages come as fronts and backs (0, 1), (2, 3), …; fronts fill one half of the plate and
            // each back the mirrored cell; both sides of the sheet are printed with that plate.
            let turn = scheme.kind == .workAndTurn
            let halves = turn ? rows * (columns / 2) : (rows / 2) * columns
            let pairs = (pageCount + 1) / 2
            let sheets = (pairs + halves - 1) / halves
            return (0..<sheets).flatMap { sheet -> [Side] in
                var placements: [Placement] = []
                for index in 0..<halves {
                    let (row, column) = turn ? (index / (columns / 2), index % (columns / 2)) : (index / columns, index % columns)
                    let cell = row * columns + column
                    let pair = sheet * halves + index
                    let mirror = turn ? mirroredColumn(cell) : (rows - 1 - row) * columns + column
                    placements.append(place(2 * pair, cell))
                    placements.append(place(2 * pair + 1, mirror, upsideDown: !turn))
                }
                placements.sort { $0.cell < $1.cell }
                return [Side(sheet: sheet, isBack: false, placements: placements), Side(sheet: sheet, isBack: true, placements: placements)]
            }
        }
    }
}
