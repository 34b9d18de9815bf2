// Puts finished pages on press sheets by a scheme's plan: each page becomes a form once and is
// placed in its cell (centred, pushed by creep, turned when the scheme says), never re-rendered;
// every sheet side gets crop marks at the cells' cut lines and a label naming the sheet and side.
// Works on display-list pages and on pages of any PDF read with qpdf.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomText

public struct Imposer: Sendable {
    public let scheme: ImpositionScheme
    private let typesetter: Typesetter?

    /// `typesetter`: sets the sheet labels (nil: no labels).
    public init(scheme: ImpositionScheme, typesetter: Typesetter?) {
        self.scheme = scheme
        self.typesetter = typesetter
    }

    /// The sheet sides for `pages`, as display lists that place them.
    public func sides(for pages: [PageForm], source: String) throws(LayoutError) -> [Page] {
        let plan = ImpositionPlan(scheme: scheme, pageCount: pages.count)
        let cells = scheme.cells
        for (index, page) in pages.enumerated() where page.size.width > scheme.cell.width + 0.5 || page.size.height > scheme.cell.height + 0.5 {
            throw LayoutError(.invalidValue, "page \(index + 1) of \(source) is \(Self.mm(page.size.width)) × \(Self.mm(page.size.height)), larger than the scheme's cells (\(Self.mm(scheme.cell.width)) × \(Self.mm(scheme.cell.height)))",
                              at: scheme.location)
        }
        return plan.sides.map { side in
            var sheet = Page(size: scheme.sheet)
            for placement in side.placements {
                guard let index = placement.page else { continue }
                let form = pages[index]
                let cell = cells[placement.cell]
                let x = cell.minX + (cell.width - form.size.width) / 2 + placement.shift
                let y = cell.minY + (cell.height - form.size.height) / 2
                let transform = placement.upsideDown
                    ? Transform.rotation(degrees: 180).then(.translation(x: x + form.size.width, y: y + form.size.height))
                    : .translation(x: x, y: y)
                sheet.add(.form(form, transform: transform))
            }
            if scheme.marks { sheet.items += marks(side: side, cells: cells, source: source) }
            return sheet
        }
    }

    /// `source` imposed into a PDF file.
    public func impose(_ source: PDFSource) throws -> [UInt8] {
        let forms = try (0..<source.pageCount).map { index throws in PageForm(external: try source.page(index)) }
        let name = (source.path as NSString).lastPathComponent
        let sides = try sides(for: forms, source: name)
        let writer = PDFDocumentWriter(info: DocumentInfo(title: "\(name) imposed \(scheme.name)", creator: "Pressroom impose"))
        for side in sides { try writer.add(side) }
        return try writer.finish()
    }

    /// Crop marks on every cut line, outside the grid, and the sheet's label in the bottom margin.
    private func marks(side: ImpositionPlan.Side, cells: [Rect], source: String) -> [PageItem] {
        let colour = PrinterMarks.registration
        let stroke = Stroke(colour: colour, width: PrinterMarks.hairline)
        let offset = Length.mm(2).points, length = Length.mm(5).points
        let left = cells.map(\.minX).min() ?? 0, right = cells.map(\.maxX).max() ?? 0
        let top = cells.map(\.minY).min() ?? 0, bottom = cells.map(\.maxY).max() ?? 0
        var page = Page(size: scheme.sheet)
        for x in Set(cells.flatMap { [$0.minX, $0.maxX] }).sorted() {
            page.add(.path(.line(from: Point(x: x, y: top - offset - length), to: Point(x: x, y: top - offset)), fill: nil, stroke: stroke))
            page.add(.path(.line(from: Point(x: x, y: bottom + offset), to: Point(x: x, y: bottom + offset + length)), fill: nil, stroke: stroke))
        }
        for y in Set(cells.flatMap { [$0.minY, $0.maxY] }).sorted() {
            page.add(.path(.line(from: Point(x: left - offset - length, y: y), to: Point(x: left - offset, y: y)), fill: nil, stroke: stroke))
            page.add(.path(.line(from: Point(x: right + offset, y: y), to: Point(x: right + offset + length, y: y)), fill: nil, stroke: stroke))
        }
        if let typesetter {
            let pages = side.placements.compactMap(\.page).map { String($0 + 1) }
            let label = "\(source) · \(scheme.name) · sheet \(side.sheet + 1) \(side.isBack ? "back" : "front") · pages \(pages.joined(separator: " "))"
            if let set = try? typesetter.typeset([TextSpan(label, style: TextStyle(size: 5))], width: 10_000) {
                page.add(set, at: Point(x: left, y: min(bottom + offset + length + 1, scheme.sheet.height - 8)), colour: { _ in colour })
            }
        }
        return page.items
    }

    private static func mm(_ points: Double) -> String { "\(Int((points * 25.4 / 72).rounded())) mm" }
}
