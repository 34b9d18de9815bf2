// The vertical list the paginator cuts into pages: fragments (a line of a paragraph, a table row,
// an image, a rule) stacked one under another, each saying whether a page may break before it.
import Foundation
import PressroomGraphics
import PressroomText

struct Fragment {
    enum Break {
        case allowed
        /// Keep-together, widow/orphan control, keep-with-next, a table's header with its first row.
        case forbidden
    }

    var height: Double
    /// Positioned relative to the fragment: x from the frame's left edge, y from the fragment's top.
    var items: [PageItem]
    var breakBefore: Break = .allowed
    /// Space above the fragment; dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Bookmark titles that point at this fragment (a block's `bookmark`, a table's `bookmark-rows`).
    var bookmarks: [String] = []
    /// Set on the rows of a table that shows subtotals or repeats its header at page breaks.
    var tableRow: TableRowMark?
    /// Where the fragment's block is written, for errors.
    var location: SourceLocation
    /// The record field a text fragment prints, when it prints exactly one (for overflow errors).
    var dataPath: DataPath?
    /// A line of text and how it was set, so a box with the `ellipsis` policy can shorten it.
    var line: SetLine?

    init(height: Double, items: [PageItem], location: SourceLocation) {
        self.height = height
        self.items = items
        self.location = location
    }
}

/// A line of a one-span paragraph in a fixed box, as it was set: its text is cut from the
/// paragraph's only when a box shortens the line or an error quotes it.
struct SetLine {
    var source: SourceText
    var range: Range<Int>
    var span: StyledSpan
    var width: Double
    var alignment: TextAlignment?

    var text: String { source.string(range) }
}

/// What a page break inside a table adds: the carried-forward row at the foot of the page, the
/// header and the brought-forward row at the head of the next.
final class TableContinuation {
    /// Height reserved under every row but the last, so the carried-forward row always fits.
    let footerHeight: Double
    private let makeFooter: (Decimal) throws(LayoutError) -> Fragment?
    private let makeHeader: (Decimal) throws(LayoutError) -> [Fragment]

    init(footerHeight: Double, footer: @escaping (Decimal) throws(LayoutError) -> Fragment?,
         header: @escaping (Decimal) throws(LayoutError) -> [Fragment]) {
        self.footerHeight = footerHeight
        makeFooter = footer
        makeHeader = header
    }

    func footer(subtotal: Decimal) throws(LayoutError) -> Fragment? { try makeFooter(subtotal) }
    func header(subtotal: Decimal) throws(LayoutError) -> [Fragment] { try makeHeader(subtotal) }
}

struct TableRowMark {
    let table: TableContinuation
    /// The running subtotal including this row.
    let subtotal: Decimal
    let isLast: Bool
}

extension Array where Element == PageItem {
    func offsetBy(dx: Double, dy: Double) -> [PageItem] {
        if dx == 0 && dy == 0 { return self }
        return map { $0.offsetBy(dx: dx, dy: dy) }
    }

    /// Appends `items` moved by (dx, dy), without a moved copy of them in between.
    mutating func append(_ items: [PageItem], offsetBy dx: Double, _ dy: Double) {
        if dx == 0 && dy == 0 { return append(contentsOf: items) }
        for item in items { append(item.offsetBy(dx: dx, dy: dy)) }
    }
}
