// PDFDocumentWriter's streaming API: page indices, overlays as further content streams in a clean
// graphics state with merged resources, the flat outline, and the mistakes it refuses. Files are
// written without compression or object streams so the tests can read them as text.
import PressroomGraphics
import PressroomImages
import PressroomText
import Testing
@testable import PressroomPDF

private func page(_ text: String, weight: Int = 400, colour: Swatch = .black) throws -> Page {
    var page = Page(size: .a4)
    page.add(try typesetter.typeset([TextSpan(text, style: TextStyle(weight: weight, size: 12))], width: 400),
             at: Point(x: 72, y: 72), colour: { _ in colour })
    return page
}

private func items(_ text: String, weight: Int = 400) throws -> [PageItem] { try page(text, weight: weight).items }

/// The text of indirect object `number` (uncompressed files only).
private func object(_ number: Int, in pdf: String) -> Substring? {
    guard let start = pdf.range(of: "\n\(number) 0 obj\n") else { return nil }
    let end = pdf.range(of: "\nendobj", range: start.upperBound..<pdf.endIndex)!
    return pdf[start.upperBound..<end.lowerBound]
}

/// The page dictionaries of an uncompressed file, in file order.
private func pageDictionaries(_ pdf: String) -> [Substring] {
    pdf.components(separatedBy: " 0 obj\n").dropFirst().map { Substring($0) }.filter { $0.hasPrefix("<</Type/Page/") }
}

/// Object numbers referred to by `key [a 0 R b 0 R]` or `key a 0 R` in `dictionary`.
private func references(_ key: String, in dictionary: Substring) -> [Int] {
    guard let start = dictionary.range(of: "/\(key)") else { return [] }
    var rest = dictionary[start.upperBound...]
    if rest.hasPrefix("[") { rest = rest.dropFirst().prefix { $0 != "]" } } else { rest = rest.prefix(while: { $0 != "/" && $0 != ">" }) }
    let words = rest.split(separator: " ")
    return stride(from: 0, to: words.count - 2, by: 3).compactMap { words[$0 + 2] == "R" ? Int(words[$0]) : nil }
}

private func streamText(_ number: Int, in pdf: String) -> String {
    let text = object(number, in: pdf)!
    let start = text.range(of: "stream\n")!.upperBound, end = text.range(of: "\nendstream")!.lowerBound
    return String(text[start..<end])
}

@Suite struct DocumentWriterTests {
    /// Walks the page tree from the catalog: pages in reading order; checks every node's size,
    /// Count and each kid's Parent on the way.
    private func walkPageTree(_ pdf: String, fanOut: Int) throws -> [Int] {
        let catalog = try #require(pdf.components(separatedBy: " 0 obj\n").dropFirst().first { $0.hasPrefix("<</Type/Catalog") })
        let root = try #require(references("Pages", in: Substring(catalog)).first)
        func walk(_ node: Int, parent: Int?) -> (pages: [Int], count: Int) {
            let dictionary = object(node, in: pdf)!
            if let parent { #expect(references("Parent", in: dictionary) == [parent], "object \(node)") }
            if dictionary.hasPrefix("<</Type/Page/") { return ([node], 1) }
            let kids = references("Kids", in: dictionary)
            #expect(kids.count <= fanOut, "node \(node) has \(kids.count) kids")
            var pages: [Int] = []
            for kid in kids { pages += walk(kid, parent: node).pages }
            let count = Int(dictionary.firstMatch(of: /\/Count (\d+)/)!.1)!
            #expect(count == pages.count, "node \(node)")
            return (pages, pages.count)
        }
        return walk(root, parent: nil).pages
    }

    @Test func aLongDocumentHasABalancedPageTreeAndAShortOneAFlatOne() throws {
        for pageCount in [3, PageTree.fanOut, 1_100] {
            let writer = PDFDocumentWriter(options: readable)
            let text = try page("page")
            for _ in 0..<pageCount { try writer.add(text) }
            let pdf = String(decoding: try writer.finish(), as: UTF8.self)
            // Page objects in file order (the order they were added): each follows "\nN 0 obj\n".
            let parts = pdf.components(separatedBy: " 0 obj\n")
            let inFileOrder = (1..<parts.count).filter { parts[$0].hasPrefix("<</Type/Page/") }
                .map { Int(parts[$0 - 1].split(separator: "\n").last!)! }
            let walked = try walkPageTree(pdf, fanOut: PageTree.fanOut)
            #expect(walked.count == pageCount)
            #expect(walked == inFileOrder, "the tree reads the pages in the order they were added")
            let nodes = pdf.components(separatedBy: "<</Type/Pages").count - 1
            // 1,100 pages: 35 leaves of 32 (the last of 12), two nodes above them, the root.
            #expect(nodes == (pageCount <= PageTree.fanOut ? 1 : 38), "\(pageCount) pages in \(nodes) nodes")
        }
    }

    @Test func addReturnsPageIndices() throws {
        let writer = PDFDocumentWriter()
        #expect(try writer.add(try page("one")) == 0)
        #expect(try writer.add(try page("two")) == 1)
        #expect(try writer.add(try page("three")) == 2)
        #expect(writer.pageCount == 3)
    }

    @Test func overlayIsASecondContentStreamInACleanState() throws {
        let writer = PDFDocumentWriter(options: readable)
        try writer.add(try page("Body in red", colour: .rgb(1, 0, 0)))
        try writer.overlay(try items("Page 1 of 1", weight: 700), onPage: 0)
        var link = Page(size: .a4)
        link.add(.link(Rect(x: 72, y: 700, width: 100, height: 20), uri: "https://example.com/"))
        try writer.overlay(link.items, onPage: 0)
        let pdf = String(decoding: try writer.finish(), as: UTF8.self)

        let dictionary = try #require(pageDictionaries(pdf).first)
        let contents = references("Contents", in: dictionary)
        #expect(contents.count == 3, "body, text overlay, link overlay: \(dictionary)")
        let body = streamText(contents[0], in: pdf)
        #expect(body.hasPrefix("q\n") && body.hasSuffix("Q\n"), "the body's red fill and font cannot leak:\n\(body)")
        #expect(body.contains("1 0 0 rg"))
        let overlay = streamText(contents[1], in: pdf)
        #expect(overlay.contains("0 g"), "the overlay sets its own colour")
        #expect(overlay.contains("/F2 12 Tf"), "the bold face gets the next font name")
        #expect(streamText(contents[2], in: pdf).isEmpty, "a link draws nothing")
        #expect(dictionary.contains("/Font<</F1 ") && dictionary.contains("/F2 "), "fonts merge: \(dictionary)")
        let annotations = references("Annots", in: dictionary)
        #expect(annotations.count == 1)
        #expect(object(annotations[0], in: pdf)?.contains("/URI(https://example.com/)") == true)
    }

    @Test func overlayImagesAndSpotsJoinThePageResources() throws {
        let writer = PDFDocumentWriter(options: readable)
        try writer.add(try page("Body"))
        let ink = SpotColour(name: "PANTONE 186 C", cyan: 0, magenta: 1, yellow: 0.8, black: 0.05)
        try writer.overlay([.path(.rectangle(Rect(x: 10, y: 10, width: 50, height: 20)), fill: .spot(ink, tint: 1), stroke: nil),
                            .image(ImageSource(bytes: try fixtureBytes("images", "rgba8.png"), name: "rgba8.png"),
                                   frame: Rect(x: 100, y: 100, width: 40, height: 40))], onPage: 0)
        let pdf = String(decoding: try writer.finish(), as: UTF8.self)
        let dictionary = try #require(pageDictionaries(pdf).first)
        #expect(dictionary.contains("/Font<</F1 "))
        #expect(dictionary.contains("/XObject<</Im1 "))
        #expect(dictionary.contains("/ColorSpace<</CS1 "))
        #expect(dictionary.contains("/Group<</Type/Group/S/Transparency"), "an overlay's soft mask makes the page a group")
    }

    @Test func rectangularSubpathsAreWrittenAsRe() throws {
        let writer = PDFDocumentWriter(options: readable)
        var path = Path.rectangle(Rect(x: 10, y: 20, width: 50, height: 30))  // across first: re
        path.move(to: Point(x: 100, y: 100))  // down first: the other winding, kept as lines
        path.line(to: Point(x: 100, y: 140))
        path.line(to: Point(x: 130, y: 140))
        path.line(to: Point(x: 130, y: 100))
        path.close()
        path.move(to: Point(x: 0, y: 0))  // not closed back to its start: lines
        path.line(to: Point(x: 5, y: 0))
        path.line(to: Point(x: 5, y: 5))
        path.line(to: Point(x: 1, y: 5))
        path.close()
        try writer.add(Page(size: Size(width: 200, height: 200), items: [.path(path, fill: .black, stroke: nil)]))
        let pdf = String(decoding: try writer.finish(), as: UTF8.self)
        let content = try #require(pdf.components(separatedBy: "stream\n").first { $0.contains(" re\n") })
        // y flips: the top edge at y 20 is 180 up, and the height goes down, -30.
        #expect(content.contains("10 180 50 -30 re\n"), "\(content)")
        #expect(content.contains("100 100 m\n100 60 l\n130 60 l\n130 100 l\nh\n"), "\(content)")
        #expect(content.contains("0 200 m\n5 200 l\n5 195 l\n1 195 l\nh\n"), "\(content)")
        #expect(content.components(separatedBy: " re\n").count == 2, "one rectangle only")
    }

    /// A path moved (as stacking moves a fragment, level by level) keeps its elements and adds up
    /// the offset; it equals the path built in place, grows from where it is drawn, and is painted there.
    @Test func aMovedPathIsDrawnWhereItWasMoved() throws {
        var built = Path.rectangle(Rect(x: 10, y: 20, width: 50, height: 30))
        built.move(to: Point(x: 0, y: 0))
        built.curve(to: Point(x: 8, y: 0), control1: Point(x: 2, y: 4), control2: Point(x: 6, y: 4))
        var moved = built.offsetBy(dx: 5, dy: 0).offsetBy(dx: 0, dy: 40)
        var inPlace = Path.rectangle(Rect(x: 15, y: 60, width: 50, height: 30))
        inPlace.move(to: Point(x: 5, y: 40))
        inPlace.curve(to: Point(x: 13, y: 40), control1: Point(x: 7, y: 44), control2: Point(x: 11, y: 44))
        #expect(moved == inPlace)
        #expect(moved.elements == inPlace.elements)
        #expect(moved.start == Point(x: 15, y: 60))
        #expect(moved.builtElements == built.builtElements, "moving copies no element")
        // Points added after a move are where they are drawn.
        moved.line(to: Point(x: 100, y: 100))
        #expect(moved.elements.last == .line(Point(x: 100, y: 100)))

        let writer = PDFDocumentWriter(options: readable)
        try writer.add(Page(size: Size(width: 200, height: 200), items: [.path(moved, fill: .black, stroke: nil)]))
        let pdf = String(decoding: try writer.finish(), as: UTF8.self)
        let content = try #require(pdf.components(separatedBy: "stream\n").first { $0.contains(" re\n") })
        #expect(content.contains("15 140 50 -30 re\n"), "\(content)")
        #expect(content.contains("5 160 m\n7 156 11 156 13 160 c\n100 100 l\n"), "\(content)")
    }

    @Test func aBodyThatChangesNoStateIsNotWrapped() throws {
        var content = ContentStream()
        content.save(); content.fillGray(0.5); content.rectangle(0, 0, 1, 1); content.fill(); content.restore()
        #expect(!content.leavesStateChanged)
        #expect(content.isolatedBytes == content.bytes)
        content.fillGray(0.2)
        #expect(String(decoding: content.isolatedBytes, as: UTF8.self).hasPrefix("q\nq\n0.5 g"))
        var open = ContentStream()
        open.save(); open.transform(2, 0, 0, 2, 0, 0)
        #expect(String(decoding: open.isolatedBytes, as: UTF8.self) == "q\nq\n2 0 0 2 0 0 cm\nQ\nQ\n", "an open q is closed")
    }

    @Test func outlineIsFlatWithUnicodeTitles() throws {
        let writer = PDFDocumentWriter(options: readable)
        for index in 0..<3 { try writer.add(try page("Record \(index)")) }
        writer.addOutlineItem(title: "Invoice 1", page: 0)
        writer.addOutlineItem(title: "Faktura č. 2", page: 2)
        let pdf = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(pdf.contains("/PageMode/UseOutlines"))
        let catalog = try #require(pdf.components(separatedBy: " 0 obj\n").first { $0.hasPrefix("<</Type/Catalog") })
        let root = try #require(references("Outlines", in: Substring(catalog)).first)
        let outline = try #require(object(root, in: pdf))
        #expect(outline.contains("/Type/Outlines") && outline.contains("/Count 2"))
        let first = try #require(references("First", in: outline).first), last = try #require(references("Last", in: outline).first)
        let firstItem = try #require(object(first, in: pdf)), lastItem = try #require(object(last, in: pdf))
        #expect(firstItem.contains("/Title(Invoice 1)"))
        #expect(references("Next", in: firstItem) == [last] && references("Prev", in: lastItem) == [first])
        #expect(lastItem.contains("/Title<FEFF0046"), "a non-ASCII title is UTF-16BE with a byte-order mark")
        let tree = try #require(pdf.components(separatedBy: " 0 obj\n").first { $0.hasPrefix("<</Type/Pages") })
        let kids = references("Kids", in: Substring(tree))
        #expect(references("Dest", in: lastItem) == [kids[2]], "the second bookmark opens page 3")
        #expect(lastItem.contains("/XYZ 0 841.8898 null"))
    }

    @Test func withoutBookmarksThereIsNoOutline() throws {
        let pdf = String(decoding: try PDFDocumentWriter.render([try page("x")], options: readable), as: UTF8.self)
        #expect(!pdf.contains("/Outlines") && !pdf.contains("/PageMode"))
    }

    @Test func mistakesAreRefusedWithTheirIndex() throws {
        let writer = PDFDocumentWriter()
        try writer.add(try page("only"))
        #expect(throws: PDFDocumentError.noSuchPage(index: 1, pageCount: 1)) { try writer.overlay([], onPage: 1) }
        #expect(throws: PDFDocumentError.noSuchPage(index: -1, pageCount: 1)) { try writer.overlay([], onPage: -1) }
        writer.addOutlineItem(title: "Later", page: 1)
        #expect(throws: PDFDocumentError.outlinePageMissing(title: "Later", index: 1, pageCount: 1)) { try writer.finish() }
        try writer.add(try page("second"))
        _ = try writer.finish()
        #expect(throws: PDFDocumentError.alreadyFinished) { try writer.add(try page("third")) }
        #expect(throws: PDFDocumentError.alreadyFinished) { try writer.overlay([], onPage: 0) }
        #expect("\(PDFDocumentError.noSuchPage(index: 4, pageCount: 3))".contains("page 4"))
    }

    @Test func aRefusedImageLeavesTheDocumentWritable() throws {
        let writer = PDFDocumentWriter()
        try writer.add(try page("fine"))
        var broken = Page(size: .a4)
        broken.add(.image(ImageSource(bytes: [1, 2, 3], name: "junk.bin"), frame: Rect(x: 0, y: 0, width: 10, height: 10)))
        #expect(throws: ImageError.self) { try writer.add(broken) }
        #expect(throws: ImageError.self) { try writer.overlay(broken.items, onPage: 0) }
        #expect(writer.pageCount == 1)
        _ = try writer.finish()
    }
}
