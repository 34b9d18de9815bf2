// How finished pages are put on press sheets, as a scheme file (`Layouts/imposition/*.yaml`)
// says: the sheet, a grid of cells of one size with margins and gaps, the kind of imposition
// (which page goes in which cell on which side), creep for booklets, and whether to draw marks.
import PressroomGraphics

public struct ImpositionScheme: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Pages in reading order, cell after cell, sheet after sheet.
        case nUp = "n-up"
        /// Every cell of a sheet carries the same page (business cards, labels).
        case stepAndRepeat = "step-and-repeat"
        /// Cutting the sheets' stack and piling the piles in cell order gives the pages in order.
        case cutAndStack = "cut-and-stack"
        /// Saddle-stitched: pairs of pages on each side of folded sheets nested in one another.
        case booklet
        /// Front and back of each page on one plate, side by side; the sheet is turned over
        /// left to right and printed again with the same plate.
        case workAndTurn = "work-and-turn"
        /// The same, one above the other; the sheet is turned over head to foot.
        case workAndTumble = "work-and-tumble"
    }

    public var name: String
    public var kind: Kind
    public var sheet: Size
    /// The size of each cell; a page is centred in its cell (and must fit).
    public var cell: Size
    public var columns: Int
    public var rows: Int
    /// Sheet margins: top, right, bottom, left.
    public var margins: (top: Double, right: Double, bottom: Double, left: Double)
    public var gap: (horizontal: Double, vertical: Double)
    /// Printed on both sides (n-up): odd pages on the front, even pages on the back, columns mirrored.
    public var duplex: Bool
    /// Booklets: how far each sheet further in is pushed towards the spine.
    public var creep: Double
    /// Crop marks at every cell and a label naming the sheet and side.
    public var marks: Bool
    public var location: SourceLocation

    public init(name: String, kind: Kind, sheet: Size, cell: Size, columns: Int, rows: Int,
                margins: (top: Double, right: Double, bottom: Double, left: Double) = (0, 0, 0, 0),
                gap: (horizontal: Double, vertical: Double) = (0, 0), duplex: Bool = false, creep: Double = 0, marks: Bool = true,
                location: SourceLocation = SourceLocation(file: "(code)", line: 1)) {
        self.name = name
        self.kind = kind
        self.sheet = sheet
        self.cell = cell
        self.columns = columns
        self.rows = rows
        self.margins = margins
        self.gap = gap
        self.duplex = duplex
        self.creep = creep
        self.marks = marks
        self.location = location
    }

    /// The grid's cells on the sheet, row by row, left to right (y down), centred between the margins.
    public var cells: [Rect] {
        let gridWidth = Double(columns) * cell.width + Double(columns - 1) * gap.horizontal
        let gridHeight = Double(rows) * cell.height + Double(rows - 1) * gap.vertical
        let left = margins.left + (sheet.width - margins.left - margins.right - gridWidth) / 2
        let top = margins.top + (sheet.height - margins.top - margins.bottom - gridHeight) / 2
        var cells: [Rect] = []
        for row in 0..<rows {
            for column in 0..<columns {
                cells.append(Rect(x: left + Double(column) * (cell.width + gap.horizontal),
                                  y: top + Double(row) * (cell.height + gap.vertical), width: cell.width, height: cell.height))
            }
        }
        return cells
    }
}
