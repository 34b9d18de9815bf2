// What a laid-out document must satisfy to go in an envelope and through an inserter: the
// recipient's address (the profile's address component) printed on the first page wholly inside
// the envelope's window, and no ink of the layout's under the inserter's marks. Failures are
// located at the layout block that drew the offending ink.
import Foundation
import PressroomGraphics
import PressroomLayout

enum MailPieceChecks {
    /// Throws unless the ink of `component`'s text on `page` lies inside `window`.
    static func checkAddress(on page: Page, component: String, window: Rect, envelope: String) throws(Unmailable) {
        let blocks = sourceMarks(in: page.items).filter { $0.mark.component == component }
        guard let mark = blocks.first?.mark else {
            throw Unmailable("the first page prints no address: no block of the component `\(component)` (the post profile's address-component) is on it")
        }
        let ink = Rect.union(page.items.compactMap { item -> Rect? in
            guard case .text(_, let origin, _) = item, blocks.contains(where: { $0.area.holds(Rect(x: origin.x, y: origin.y, width: 0, height: 0), tolerance: 0.5) })
            else { return nil }
            return item.inkBounds
        })
        guard let ink else { throw Unmailable("the address block prints no text on the first page", mark: mark) }
        if !window.holds(ink, tolerance: 0.3) {
            throw Unmailable("the address reaches outside the \(envelope) envelope's window: its text spans \(describe(ink)) and the window \(describe(window)) on the sheet", mark: mark)
        }
    }

    /// Throws if any ink of `page` enters one of `areas` (the inserter's marks and their clear zones).
    static func checkKeepOut(on page: Page, areas: [(name: String, area: Rect)], pageNumber: Int) throws(Unmailable) {
        let marks = sourceMarks(in: page.items)
        for item in page.items {
            guard let ink = item.inkBounds else { continue }
            for (name, area) in areas where ink.overlaps(area) {
                let mark = marks.filter { $0.area.holds(ink, tolerance: 0.5) }.min { $0.area.width * $0.area.height < $1.area.width * $1.area.height }?.mark
                throw Unmailable("page \(pageNumber) has ink at \(describe(ink)) inside \(name) (\(describe(area))), which must stay clear for the inserter", mark: mark)
            }
        }
    }

    private static func sourceMarks(in items: [PageItem]) -> [(area: Rect, mark: SourceMark)] {
        items.compactMap { item in
            if case .source(let area, let mark) = item { return (area, mark) }
            return nil
        }
    }

    static func describe(_ rect: Rect) -> String {
        "\(mm(rect.minX))–\(mm(rect.maxX)) across, \(mm(rect.minY))–\(mm(rect.maxY)) down"
    }

    static func mm(_ points: Double) -> String { String(format: "%.1f mm", Length(points: points).millimetres) }
}
