// The `table:` block from YAML: rows, the element's name, styles and palette colours, the header
// that repeats, the carried subtotal, and the columns with their header and cell templates.

enum TableLoader {
    static let keys = ["rows", "as", "header-style", "cell-style", "header-fill", "stripe", "rule", "repeat-header",
                       "cell-padding", "carry", "columns", "bookmark-rows"]
    static let columnKeys = ["header", "cell", "width", "align", "style"]
    static let carryKeys = ["value", "initial", "column", "amount", "carried-label", "brought-label"]

    static func table(_ value: YAMLValue) throws(LayoutError) -> TableBlock {
        let table = try value.mapping("a table", allowed: keys)
        let columnList = try table.required("columns", in: "a table", example: "columns: [ { header: \"#\", cell: \"{{ row.number }}\" } ]")
        let columns = try columnList.list().map { item throws(LayoutError) in try column(item) }
        guard !columns.isEmpty else { throw columnList.error(.invalidValue, "a table needs at least one column") }
        var loaded = TableBlock(rows: try table.required("rows", in: "a table", example: "rows: items").expression(),
                          elementName: try table["as"]?.identifier() ?? "item",
                          columns: columns,
                          headerStyle: try table["header-style"]?.text(),
                          cellStyle: try table["cell-style"]?.text(),
                          repeatHeader: try table["repeat-header"]?.bool() ?? true,
                          stripe: try table["stripe"]?.text(),
                          headerFill: try table["header-fill"]?.text(),
                          rule: try table["rule"]?.text(),
                          cellPadding: try table["cell-padding"]?.length() ?? 3,
                          carry: try table.optional("carry") { v throws(LayoutError) in try carry(v, columnCount: columns.count) })
        loaded.rowBookmarks = try table["bookmark-rows"]?.template()
        return loaded
    }

    private static func column(_ value: YAMLValue) throws(LayoutError) -> TableBlock.Column {
        let column = try value.mapping("a table column", allowed: columnKeys)
        return TableBlock.Column(header: try column.template("header", default: ""),
                                 cell: try column.required("cell", in: "a table column", example: "cell: \"{{ item.description }}\"").template(),
                                 width: try column["width"]?.trackWidth() ?? .fraction(1),
                                 alignment: try column["align"]?.choice(BlockLoader.horizontalAlignments) ?? .left,
                                 style: try column["style"]?.text(),
                                 location: value.location)
    }

    /// `column` counts from 0, as the model's index does: `column: 6` is the seventh column.
    private static func carry(_ value: YAMLValue, columnCount: Int) throws(LayoutError) -> TableBlock.Carry {
        let carry = try value.mapping("`carry`", allowed: carryKeys)
        let columnValue = try carry.required("column", in: "`carry`", example: "column: \(columnCount - 1)")
        guard let text = columnValue.scalarText, let column = Int(text), column >= 0 else {
            throw columnValue.wrongShape("a column number (counting from 0)")
        }
        guard column < columnCount else {
            throw columnValue.error(.invalidValue, "`column: \(column)` is past the table's last column; columns count from 0, so the last is \(columnCount - 1)")
        }
        return TableBlock.Carry(value: try carry.required("value", in: "`carry`", example: "value: item.net").expression(),
                                initial: try carry.optional("initial") { v throws(LayoutError) in try v.expression() },
                                column: column,
                                amount: try carry.template("amount", default: "{{ subtotal | amount }}"),
                                carriedLabel: try carry.template("carried-label", default: "{{ label.carried_forward }}"),
                                broughtLabel: try carry.template("brought-label", default: "{{ label.brought_forward }}"),
                                location: value.location)
    }
}
