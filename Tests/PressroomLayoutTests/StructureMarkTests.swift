// Tagged output from the layout: `role:` and `alt:` are read, a tagged renderer wraps paragraphs,
// headings, figures and table cells in structure marks (one Table over every page, its repeated
// header and subtotal rows as artifacts), boxes of following pages are artifacts, and an untagged
// renderer emits no marks at all.
import Foundation
import PressroomGraphics
import PressroomText
import Testing
@testable import PressroomLayout
import TestScratch

private let layoutsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Layouts").path

private func renderer(_ name: String) throws -> DocumentRenderer {
    let library = try LayoutLibrary(directory: layoutsFolder)
    let layout = try library.layout(named: name)
    return try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                registry: try FontRegistry.bundled())
}

private func sampleRecord(_ file: String, _ index: Int = 0) throws -> DataValue {
    let path = URL(fileURLWithPath: layoutsFolder).deletingLastPathComponent().appendingPathComponent("Fixtures/records/\(file)").path
    return try Array(RecordReader(path: path))[index].result.get()
}

private func marks(_ page: Page) -> [StructureMark] {
    page.items.compactMap { if case .structure(let mark) = $0 { mark } else { nil } }
}

@Test func rolesAndAltAreRead() throws {
    let library = try LayoutLibrary(directory: layoutsFolder)
    let theme = try library.theme(named: "brand")
    #expect(theme.logoAlt == "Northwind")
    #expect(theme.styles["title"]?.role == .heading(1))
    #expect(theme.styles["heading"]?.role == .heading(2))
    let letter = try library.layout(named: "letter")
    guard case .text(let subject) = letter.flow[0].kind else { Issue.record("the letter starts with its subject"); return }
    #expect(subject.role == .heading(1))
}

@Test func untaggedPagesCarryNoMarks() throws {
    let pages = try renderer("invoice").pages(for: try sampleRecord("invoices.jsonl"))
    #expect(pages.allSatisfy { marks($0).isEmpty })
}

@Test func aTaggedStatementHasOneTableAndFurnitureAsArtifacts() throws {
    let statement = try renderer("statement")
    statement.tagged = true
    let pages = try statement.pages(for: try sampleRecord("statements.jsonl"))
    #expect(pages.count > 1)
    var tables = Set<StructureKey>()
    var roles = Set<StructureRole>()
    for (index, page) in pages.enumerated() {
        var open = false
        var pagination = 0
        for mark in marks(page) {
            switch mark {
            case .content(let path):
                #expect(!open, "page \(index + 1): sequences nest")
                open = true
                roles.formUnion(path.map(\.role))
                if let table = path.first(where: { $0.role == .table }) { tables.insert(table.key) }
                if path.last?.role == .headerCell { #expect(path.last?.scope == .column) }
                if path.last?.role == .figure { #expect(path.last?.alt == "Northwind") }
            case .artifact(let kind):
                #expect(!open, "page \(index + 1): sequences nest")
                open = true
                if kind == .pagination { pagination += 1 }
            case .end:
                #expect(open)
                open = false
            }
        }
        #expect(!open)
        // Page numbers everywhere, and the header, the brought-forward row and the running header later.
        #expect(pagination >= (index == 0 ? 1 : 3), "page \(index + 1): \(pagination) pagination artifacts")
    }
    #expect(tables.count == 1)
    #expect(roles.isSuperset(of: [.h1, .paragraph, .table, .tableRow, .headerCell, .dataCell, .figure]))
}

@Test func anEmptyCellIsStillACell() throws {
    let folder = Scratch.url("pressroom-tagging-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: layoutsFolder, toPath: folder.path)
    try """
    layout: cells
    theme: brand
    page:
      first:
        body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
    flow:
      - table:
          rows: items
          as: item
          columns:
            - { header: "Item", cell: "{{ item.name }}", width: 1fr }
            - { header: "Note", cell: "{{ item.note }}", width: 40mm }
    """.write(to: folder.appendingPathComponent("cells.yaml"), atomically: true, encoding: .utf8)
    let library = try LayoutLibrary(directory: folder.path)
    let layout = try library.layout(named: "cells")
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: "brand"),
                                        registry: try FontRegistry.bundled())
    renderer.tagged = true
    let data = try DataValue.parseJSON(Array(#"{"items": [{"name": "Paper", "note": ""}, {"name": "Ink", "note": "black"}]}"#.utf8))
    let pages = try renderer.pages(for: data)
    let cells = pages.flatMap(marks).compactMap { mark -> StructureRole? in
        if case .content(let path) = mark { return path.last?.role }
        return nil
    }
    #expect(cells == [.headerCell, .headerCell, .dataCell, .dataCell, .dataCell, .dataCell])
}
