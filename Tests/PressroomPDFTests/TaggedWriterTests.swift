// Tagged PDF in the writer: structure marks become BDC/EMC with MCIDs, unmarked items artifacts,
// one element gathers content from several pages (MCR), the ParentTree, catalog and page entries,
// links inside Link elements, and untagged output that ignores the marks byte for byte.
import PressroomGraphics
import PressroomText
import Testing
@testable import PressroomPDF

private func text(_ string: String, y: Double = 72) throws -> [PageItem] {
    var page = Page(size: .a4)
    page.add(try typesetter.typeset([TextSpan(string, style: TextStyle(size: 12))], width: 400), at: Point(x: 72, y: y))
    return page.items
}

private let rule = PageItem.path(.line(from: Point(x: 72, y: 100), to: Point(x: 300, y: 100)), fill: nil,
                                 stroke: Stroke(colour: .black, width: 0.5))

private func element(_ serial: Int, _ role: StructureRole, part: Int = 0, alt: String? = nil,
                     scope: HeaderScope? = nil) -> StructureElement {
    StructureElement(key: StructureKey(part: part, serial: serial), role: role, alt: alt, scope: scope)
}

private func wrapped(_ items: [PageItem], _ path: [StructureElement]) -> [PageItem] {
    [.structure(.content(path))] + items + [.structure(.end)]
}

private func render(_ pages: [[PageItem]], tagged: Bool = true) throws -> String {
    let writer = PDFDocumentWriter(info: DocumentInfo(title: "Tagged", language: "cs-CZ"), options: readable, tagged: tagged)
    for items in pages { try writer.add(Page(size: .a4, items: items)) }
    return String(decoding: try writer.finish(), as: UTF8.self)
}

@Test func markedItemsAreTaggedAndTheRestAreArtifacts() throws {
    let heading = element(1, .h1)
    let pdf = try render([wrapped(try text("Faktura"), [heading]) + [rule]])
    #expect(pdf.contains("/H1 <</MCID 0>> BDC\n"))
    #expect(pdf.contains("/Artifact BMC\n"))
    #expect(pdf.contains("/StructTreeRoot"))
    #expect(pdf.contains("/MarkInfo<</Marked true>>"))
    #expect(pdf.contains("/Lang(cs-CZ)"))
    #expect(pdf.contains("/ViewerPreferences<</DisplayDocTitle true>>"))
    #expect(pdf.contains("/StructParents 0"))
    #expect(pdf.contains("/Tabs/S"))
    #expect(pdf.contains("/S/H1"))
    #expect(pdf.contains("/S/Document"))
    // The heading's sequence sits inside its text object (they nest, §14.6), and the rule's
    // artifact outside any.
    #expect(pdf.contains("BT\n/H1 <</MCID 0>> BDC\n"))
    #expect(pdf.contains("EMC\nET\n/Artifact BMC\n"))
}

@Test func linesOfOneElementShareOneSequence() throws {
    let paragraph = element(1, .paragraph)
    let lines = wrapped(try text("First line"), [paragraph]) + wrapped(try text("Second line", y: 90), [paragraph])
    let pdf = try render([lines])
    #expect(pdf.components(separatedBy: "BDC").count == 2, "one MCID for both lines")
}

@Test func anElementOnTwoPagesUsesMarkedContentReferences() throws {
    let table = element(1, .table)
    let first = element(2, .tableRow), second = element(3, .tableRow)
    let cell1 = element(4, .dataCell), cell2 = element(5, .dataCell)
    let pdf = try render([wrapped(try text("row one"), [table, first, cell1]),
                          wrapped(try text("row two"), [table, second, cell2])])
    // One Table element, two rows, two cells; the second cell's MCID is on page 2, its own /Pg.
    #expect(pdf.components(separatedBy: "/S/Table").count - 1 == 1)
    #expect(pdf.components(separatedBy: "/S/TR").count - 1 == 2)
    #expect(pdf.components(separatedBy: "/S/TD").count - 1 == 2)
    #expect(pdf.contains("/ParentTree"))
    #expect(pdf.contains("/StructParents 1"))
}

@Test func aParagraphOverTwoPagesNamesItsOtherPage() throws {
    let paragraph = element(1, .paragraph)
    let pdf = try render([wrapped(try text("First half"), [paragraph]), wrapped(try text("second half"), [paragraph])])
    // /Pg is page 1; the MCID on page 2 is a marked-content reference (§14.7.4.2).
    #expect(pdf.contains("/Type/MCR"))
    #expect(pdf.components(separatedBy: "/S/P/").count - 1 == 1)
}

@Test func headerCellsCarryTheirScopeAndFiguresTheirAlt() throws {
    let table = element(1, .table), row = element(2, .tableRow)
    let pdf = try render([wrapped(try text("Popis"), [table, row, element(3, .headerCell, scope: .column)])
                          + wrapped([.image(ImageSource(bytes: try fixtureBytes("images", "gray8.png"), name: "logo"), frame: Rect(x: 0, y: 0, width: 20, height: 20))],
                                    [element(4, .figure, alt: "Northwind")])])
    #expect(pdf.contains("/A<</O/Table/Scope/Column>>"))
    #expect(pdf.contains("/Alt(Northwind)"))
    #expect(pdf.contains("/Figure <</MCID 1>> BDC"))
}

@Test func siblingsAreReadInKeyOrder() throws {
    // The address box (part 0) is painted after the flow (part 1) but read before it.
    let flow = element(1, .paragraph, part: 1), address = element(2, .paragraph, part: 0)
    let pdf = try render([wrapped(try text("Flow"), [flow]) + wrapped(try text("Address", y: 20), [address])])
    guard let document = pdf.range(of: "/S/Document") else {
        Issue.record("no Document element"); return
    }
    let kids = pdf[document.upperBound...].prefix(200)
    let numbers = kids.split(separator: "[").dropFirst().first?.split(separator: " ").compactMap { Int($0) } ?? []
    #expect(numbers.count >= 2)
    if numbers.count >= 2 {
        // Elements are allocated in order of appearance: flow, then address; the Document lists the address first.
        #expect(numbers[0] > numbers[1])
    }
}

@Test func linksSitInLinkElementsWithTheirAnnotation() throws {
    let paragraph = element(1, .paragraph)
    let items = wrapped(try text("pressroom.example") + [.link(Rect(x: 72, y: 60, width: 100, height: 14), uri: "https://pressroom.example")],
                        [paragraph])
    let pdf = try render([items])
    #expect(pdf.contains("/S/Link"))
    #expect(pdf.contains("/Type/OBJR"))
    #expect(pdf.contains("/StructParent 1"))
    #expect(pdf.contains("/Contents(https://pressroom.example)"))
}

@Test func untaggedOutputIgnoresTheMarks() throws {
    let paragraph = element(1, .paragraph)
    let items = try text("Same bytes") + [rule]
    let plain = try render([items], tagged: false)
    let marked = try render([wrapped(items, [paragraph])], tagged: false)
    #expect(plain == marked)
    #expect(!plain.contains("BDC") && !plain.contains("StructTreeRoot") && !plain.contains("MarkInfo"))
}
