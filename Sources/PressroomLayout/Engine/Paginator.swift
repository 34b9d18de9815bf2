// Cuts the vertical list into pages as it arrives: fragments are placed while they fit; when one
// does not, the page ends at the last place a break is allowed (keep-together, widows and orphans,
// keep-with-next decide where that is) and what follows moves on. Breaks inside a table add the
// carried-forward row and repeat the header. Each finished page goes to the sink at once, so a
// document of any length is laid out in the memory of one page.
import Foundation
import PressroomGraphics

final class Paginator {
    /// Receives each finished page body: its 0-based index and its display list.
    typealias Sink = (Int, Page) throws(LayoutError) -> Void

    private let layout: Layout
    private let sink: Sink
    /// A fragment on the current page, `y` below the frame's top.
    private struct Placed {
        var fragment: Fragment
        var y: Double
    }
    /// (A struct, not a tuple: arrays of tuples are copied and freed through the runtime's generic
    /// tuple witnesses.)
    private var placed: [Placed] = []
    private var cursor = 0.0
    /// Fragments repeated at the head of the page (a table's header) do not make it "non-empty"
    /// for the purpose of forcing the next fragment onto it.
    private var repeatedOnly = true
    private(set) var pageIndex = 0
    /// Where the placed fragments' bookmarks ended up, in document order.
    private(set) var bookmarks: [Bookmark] = []

    init(layout: Layout, sink: @escaping Sink) {
        self.layout = layout
        self.sink = sink
    }

    private var template: PageTemplate { pageIndex == 0 ? layout.first : layout.following }

    /// The body frame of the current page.
    var frame: Rect {
        let insets = template.body
        let size = layout.page.size
        return Rect(x: insets.left, y: insets.top, width: size.width - insets.left - insets.right,
                    height: size.height - insets.top - insets.bottom)
    }

    /// The width of the flow (the renderer refuses following pages narrower than the first).
    var flowWidth: Double { frame.width }

    func append(_ fragment: Fragment) throws(LayoutError) {
        let height = frame.height
        let isEmpty = placed.isEmpty || repeatedOnly
        let space = placed.isEmpty ? 0 : fragment.spaceBefore
        var needed = cursor + space + fragment.height
        if let mark = fragment.tableRow, !mark.isLast { needed += mark.table.footerHeight }
        if needed <= height + 0.001 || isEmpty {
            if isEmpty && cursor + space + fragment.height > height + 0.001 && placed.isEmpty {
                throw LayoutError(.overflow, "this block is \(Self.mm(fragment.height)) tall and the page body is only \(Self.mm(height)); make it smaller",
                                  at: fragment.location)
            }
            place(fragment, space: space)
            return
        }
        // Find the last allowed break on this page; fragments after it move on with this one.
        var breakIndex = placed.count
        if fragment.breakBefore == .forbidden {
            var candidate = placed.count - 1
            while candidate > 0 && placed[candidate].fragment.breakBefore == .forbidden { candidate -= 1 }
            if candidate > headCount { breakIndex = candidate }
        }
        let moving = placed[breakIndex...].map(\.fragment) + [fragment]
        placed.removeLast(placed.count - breakIndex)
        cursor = placed.last.map { $0.y + $0.fragment.height } ?? 0
        try endPage(continuingTableWith: moving.first)
        for next in moving { try append(next) }
    }

    /// Forces a new page (`page-break`); nothing happens at the top of an empty page.
    func pageBreak() throws(LayoutError) {
        if !placed.isEmpty { try endPage(continuingTableWith: nil) }
    }

    /// Ends the last page and returns the number of pages.
    func finish() throws(LayoutError) -> Int {
        if !placed.isEmpty || pageIndex == 0 { try endPage(continuingTableWith: nil) }
        return pageIndex
    }

    // MARK: -

    /// How many fragments at the head of the current page repeat a table's header.
    private var headCount = 0

    private func place(_ fragment: Fragment, space: Double) {
        let y = cursor + space
        placed.append(Placed(fragment: fragment, y: y))
        cursor = y + fragment.height
        repeatedOnly = false
    }

    private func endPage(continuingTableWith next: Fragment?) throws(LayoutError) {
        if pageIndex >= layout.page.maxPages {
            throw LayoutError(.pageLimit, "the document needs more than \(layout.page.maxPages) pages, the layout's `max-pages`; raise it if this record really is that long",
                              at: layout.location)
        }
        // A break between two rows of one table: subtotal at the foot, header at the next head.
        var head: [Fragment] = []
        if let last = placed.last?.fragment.tableRow, !last.isLast, let next, let nextMark = next.tableRow,
           nextMark.table === last.table {
            if let footer = try last.table.footer(subtotal: last.subtotal) { place(footer, space: 0) }
            head = try last.table.header(subtotal: last.subtotal)
        }
        let frame = self.frame
        var page = Page(size: layout.page.size)
        page.items.reserveCapacity(placed.reduce(0) { $0 + $1.fragment.items.count })
        for entry in placed {
            let fragment = entry.fragment, y = entry.y
            page.items.append(fragment.items, offsetBy: frame.minX, frame.minY + y)
            for title in fragment.bookmarks {
                bookmarks.append(Bookmark(title: title, page: pageIndex, top: frame.minY + y))
            }
        }
        try sink(pageIndex, page)
        pageIndex += 1
        placed.removeAll(keepingCapacity: true)
        cursor = 0
        for fragment in head { place(fragment, space: 0) }
        headCount = head.count
        repeatedOnly = true
    }

    static func mm(_ points: Double) -> String {
        String(format: "%.1f mm", points * 25.4 / 72)
    }
}
