// Turns a table block into fragments: a header row kept with the first row, one fragment per row
// (so pages break between rows), stripes and rules, and the running subtotal that the paginator
// prints as "carried forward" / "brought forward" when the table crosses a page.
import Foundation
import PressroomGraphics
import PressroomText

struct TableBuilder {
    let flow: FlowBuilder
    let table: TableBlock
    let width: Double
    let location: SourceLocation

    private var environment: RenderEnvironment { flow.environment }

    private struct Cell {
        var span: StyledSpan
        var alignment: HorizontalAlignment
    }

    /// A cell as set in its row, in its span's colour and link, `left` points from the row's left
    /// edge (nil: an empty cell).
    private struct SetCell {
        var paragraph: TypesetParagraph?
        var colour: Swatch?
        var link: String?
        var left: Double
    }

    func build(context: BindingContext) throws(LayoutError) {
        let rows = try context.list(table.rows, at: location)
        let padding = table.cellPadding * flow.scale
        let widths = try columnWidths(rows: rows, context: context, padding: padding)
        let ruleColour = try table.rule.map { name throws(LayoutError) in try environment.styles.colour(name, at: location) }
        let stripe = try table.stripe.map { name throws(LayoutError) in try environment.styles.colour(name, at: location) }
        let headerFill = try table.headerFill.map { name throws(LayoutError) in try environment.styles.colour(name, at: location) }
        let headerStyle = try style(table.headerStyle, at: location)

        let headerCells = try table.columns.map { column throws(LayoutError) in
            Cell(span: StyledSpan(text: try context.render(column.header), style: headerStyle), alignment: column.alignment)
        }
        let hasHeader = headerCells.contains { !$0.span.text.isEmpty }
        // Tagged PDF: one Table element however many pages it runs over; rows of TH or TD cells.
        let tableElement = environment.recordsStructure ? StructureElement(key: flow.newStructureKey(), role: .table) : nil
        let header = hasHeader ? try row(headerCells, widths: widths, padding: padding, fill: headerFill, rule: ruleColour, ruleWidth: 0.8,
                                         structure: structure(tableElement, cells: .headerCell)) : nil

        // Carried-forward and brought-forward rows: the label across the columns before the amount.
        var continuation: TableContinuation?
        if let carry = table.carry {
            func subtotalRow(_ label: Template, _ subtotal: Decimal) throws(LayoutError) -> Fragment {
                let scope = context.with("subtotal", BoundValue(.number(subtotal), path: nil))
                let labelWidth = widths[..<carry.column].reduce(0, +)
                let labelStyle = try style(table.cellStyle, at: carry.location)
                let amountStyle = try style(table.columns[carry.column].style ?? table.cellStyle, at: carry.location)
                let cells = [
                    Cell(span: StyledSpan(text: try scope.render(label), style: labelStyle), alignment: .left),
                    Cell(span: StyledSpan(text: try scope.render(carry.amount), style: amountStyle), alignment: .right),
                ]
                var subtotalRow = try row(cells, widths: [labelWidth, widths[carry.column]], padding: padding, fill: nil,
                                          rule: nil, ruleWidth: 0, topRule: ruleColour)
                subtotalRow.items = flow.repeated(subtotalRow.items)
                return subtotalRow
            }
            let footerHeight = try subtotalRow(carry.carriedLabel, 0).height
            continuation = TableContinuation(footerHeight: footerHeight, footer: { subtotal throws(LayoutError) in
                try subtotalRow(carry.carriedLabel, subtotal)
            }, header: { subtotal throws(LayoutError) in
                var head: [Fragment] = []
                if table.repeatHeader, var header {
                    header.items = flow.repeated(header.items)
                    head.append(header)
                }
                head.append(try subtotalRow(carry.broughtLabel, subtotal))
                return head
            })
        } else if table.repeatHeader, let header {
            var repeatedHeader = header
            repeatedHeader.items = flow.repeated(header.items)
            continuation = TableContinuation(footerHeight: 0, footer: { _ in nil }, header: { [repeatedHeader] _ in [repeatedHeader] })
        }

        if let header { try flow.emit(header) }
        var subtotal = try table.carry?.initial.map { e throws(LayoutError) in try context.decimal(e, at: location) } ?? 0
        let cellStyle = try style(table.cellStyle, at: location)
        let columnStyles = try table.columns.map { column throws(LayoutError) in
            try column.style.map { name throws(LayoutError) in try style(name, at: column.location) } ?? cellStyle
        }
        // What a row needs of each column, taken out once: a Column copied per cell was a dozen
        // reference counts (its header, cell, style name and location) for one template.
        let cellTemplates = table.columns.map(\.cell), alignments = table.columns.map(\.alignment)
        var previousBookmark: String?
        let readsRow = table.readsRowNumber
        for (index, element) in rows.enumerated() {
            let scope = readsRow ? Self.scope(context, table.elementName, element, number: index + 1) : context.with(table.elementName, element)
            var cells: [Cell] = []
            cells.reserveCapacity(cellTemplates.count)
            for column in cellTemplates.indices {
                cells.append(Cell(span: StyledSpan(text: try scope.render(cellTemplates[column]), style: columnStyles[column]),
                                  alignment: alignments[column]))
            }
            if let carry = table.carry { subtotal += try scope.decimal(carry.value, at: carry.location) }
            var fragment = try row(cells, widths: widths, padding: padding,
                                   fill: index % 2 == 1 ? stripe : nil, rule: ruleColour, ruleWidth: 0.3,
                                   structure: structure(tableElement, cells: .dataCell))
            if index == 0 && header != nil { fragment.breakBefore = .forbidden }
            if let rowBookmarks = table.rowBookmarks {
                let title = try scope.render(rowBookmarks)
                if !title.isEmpty && title != previousBookmark { fragment.bookmarks.append(title) }
                previousBookmark = title
            }
            if let continuation {
                fragment.tableRow = TableRowMark(table: continuation, subtotal: subtotal, isLast: index == rows.count - 1)
            }
            try flow.emit(fragment)
        }
    }

    /// The scope of row `number` (from 1): its element, and `row.number`.
    private static func scope(_ context: BindingContext, _ name: String, _ element: BoundValue, number: Int) -> BindingContext {
        context.with(name, element).with("row", BoundValue(.object(["number": .number(Decimal(number))]), path: nil))
    }

    /// A new row element of the table, and the role of its cells.
    private func structure(_ table: StructureElement?, cells: StructureRole) -> (table: StructureElement, row: StructureElement, cells: StructureRole)? {
        guard let table else { return nil }
        return (table, StructureElement(key: flow.newStructureKey(), role: .tableRow), cells)
    }

    private func style(_ name: String?, at location: SourceLocation) throws(LayoutError) -> ResolvedStyle {
        try environment.styles.style(name, language: flow.language, scale: flow.scale, at: location)
    }

    private func columnWidths(rows: BoundList, context: BindingContext, padding: Double) throws(LayoutError) -> [Double] {
        let tracks = table.columns.map(\.width)
        guard tracks.contains(.auto) else { return try TrackSizer.resolve(tracks, total: width, gap: 0, what: "the table", at: location) { _ in 0 } }
        let headerStyle = try style(table.headerStyle, at: location)
        let cellStyle = try style(table.cellStyle, at: location)
        return try TrackSizer.resolve(tracks, total: width, gap: 0, what: "the table", at: location) { index throws(LayoutError) in
            let column = table.columns[index]
            let columnStyle = try column.style.map { name throws(LayoutError) in try style(name, at: column.location) } ?? cellStyle
            var widest = try measure(try context.render(column.header), headerStyle)
            for (number, element) in rows.enumerated() {
                let scope = Self.scope(context, table.elementName, element, number: number + 1)
                widest = max(widest, try measure(try scope.render(column.cell), columnStyle))
            }
            return widest + 2 * padding + 0.5
        }
    }

    private func measure(_ text: String, _ style: ResolvedStyle) throws(LayoutError) -> Double {
        try environment.text.measure([StyledSpan(text: text, style: style)], at: location)
    }

    /// One row: every cell set in its column, the row as tall as its tallest cell.
    private func row(_ cells: [Cell], widths: [Double], padding: Double, fill: Swatch?, rule: Swatch?, ruleWidth: Double,
                     topRule: Swatch? = nil,
                     structure: (table: StructureElement, row: StructureElement, cells: StructureRole)? = nil) throws(LayoutError) -> Fragment {
        var items: [PageItem] = []
        items.reserveCapacity(3 * cells.count + 4)
        var height = 0.0
        var x = 0.0
        var texts: [SetCell] = []
        texts.reserveCapacity(cells.count)
        for (cell, columnWidth) in zip(cells, widths) {
            defer { x += columnWidth }
            guard !cell.span.text.isEmpty else {
                // Tagged, an empty cell is still a cell: PDF/UA §7.2 wants every row to have them all.
                if structure != nil { texts.append(SetCell(paragraph: nil, colour: nil, link: nil, left: x)) }
                continue
            }
            let alignment: TextAlignment = cell.alignment == .right ? .right : cell.alignment == .center ? .center : .left
            let paragraph = try environment.text.set(cell.span, width: max(1, columnWidth - 2 * padding),
                                                     alignment: alignment, at: location)
            height = max(height, paragraph.height)
            texts.append(SetCell(paragraph: paragraph, colour: cell.span.style.colour, link: cell.span.link, left: x + padding))
        }
        height += 2 * padding
        if let fill { items.append(.path(.rectangle(Rect(x: 0, y: 0, width: width, height: height)), fill: fill, stroke: nil)) }
        if let topRule {
            items.append(.path(.line(from: Point(x: 0, y: 0), to: Point(x: width, y: 0)), fill: nil, stroke: Stroke(colour: topRule, width: 0.8)))
        }
        for text in texts {
            guard environment.recordsStructure else {
                // Untagged, a cell's runs go straight into the row.
                for line in text.paragraph?.lines ?? [] {
                    TextSetter.append(line, colour: text.colour!, link: text.link, dx: text.left, dy: padding, to: &items)
                }
                continue
            }
            var cellItems: [PageItem] = []
            for line in text.paragraph?.lines ?? [] {
                TextSetter.append(line, colour: text.colour!, link: text.link, dx: text.left, dy: padding, to: &cellItems)
            }
            let cell = structure.map { s in
                [s.table, s.row, StructureElement(key: flow.newStructureKey(), role: s.cells, scope: s.cells == .headerCell ? .column : nil)]
            }
            if cellItems.isEmpty, let cell, flow.artifact == nil {
                items += [.structure(.content(flow.structurePath + cell)), .structure(.end)]  // an empty sequence
            } else {
                items.append(contentsOf: flow.tagged(cellItems, as: cell))
            }
        }
        if let rule, ruleWidth > 0 {
            items.append(.path(.line(from: Point(x: 0, y: height), to: Point(x: width, y: height)), fill: nil,
                               stroke: Stroke(colour: rule, width: ruleWidth)))
        }
        return Fragment(height: height, items: items, location: location)
    }
}

extension TableBlock {
    /// Whether a cell, a row's bookmark or the carried value reads `row` (`row.number`): rows of
    /// other tables are bound without it.
    var readsRowNumber: Bool {
        columns.contains { $0.cell.reads("row") } || (rowBookmarks?.reads("row") ?? false)
            || (carry?.value.references.contains { $0.root == .name("row") } ?? false)
    }
}
