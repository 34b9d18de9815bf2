// The bundled layouts over the sample records, end to end: every document renders, passes
// pdfcheck (with renderers compared), and its text read back by poppler holds every line item
// and transaction in order, exactly once, with the table header and "Page X of Y" on every page.
import Foundation
import PressroomLayout
import PressroomProduction
import PressroomText
import Testing
import TestScratch

enum Samples {
    static let root = ExternalTool.repositoryRoot.path
    static let library = Result { try LayoutLibrary(directory: root + "/Layouts") }
    static let registry = Result { try FontRegistry.bundled() }

    static func renderer(_ layout: String, theme: String? = nil) throws -> DocumentRenderer {
        let library = try library.get()
        let layout = try library.layout(named: layout)
        return try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: theme ?? layout.theme),
                                    registry: try registry.get())
    }

    static func records(_ file: String) throws -> [DataValue] {
        try RecordReader(path: root + "/Fixtures/records/" + file).map { try $0.result.get() }
    }

    static func string(_ value: DataValue?) -> String {
        if case .string(let text)? = value { return text }
        if case .number(let number)? = value { return "\(number)" }
        return ""
    }

    /// Writes the document to a temporary file and returns its path.
    static func write(_ document: RenderedDocument, _ name: String) throws -> String {
        let folder = Scratch.url("pressroom-layout-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name + ".pdf")
        try Data(document.bytes).write(to: url)
        return url.path
    }

    /// The text of each page in physical layout (rows stay rows), as pdftotext -layout reads it;
    /// pages are separated by form feeds.
    static func pages(_ file: String) throws -> [String] {
        let result = try ExternalTool.run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
        guard result.status == 0 else { throw ExternalToolError.failed(command: "pdftotext -layout \(file)", status: result.status, output: result.errors) }
        var pages = result.output.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages.map(normalise)
    }
}

extension DataValue {
    subscript(_ key: String) -> DataValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
    var elements: [DataValue] {
        if case .array(let elements) = self { return Array(elements) }
        return []
    }
}

/// Positions of `needle` in `text`, in order.
private func occurrences(of needle: String, in text: String) -> [String.Index] {
    var found: [String.Index] = []
    var start = text.startIndex
    while let range = text.range(of: needle, range: start..<text.endIndex) {
        found.append(range.lowerBound)
        start = range.upperBound
    }
    return found
}

@Test(arguments: ["invoices.jsonl", "invoice-edge-cases.jsonl"])
func invoicesShowEveryItemInOrderOnce(file: String) throws {
    let renderer = try Samples.renderer("invoice")
    for (index, record) in try Samples.records(file).enumerated() {
        let document = try renderer.plainPDF(record)
        let path = try Samples.write(document, "invoice-\(file)-\(index)")
        let pages = try Samples.pages(path)
        #expect(pages.count == document.pageCount)
        let text = pages.joined(separator: " ")
        let readingOrder = try pdftotext(path).filter { !$0.isWhitespace && $0 != "\u{AD}" }
        // Every item's description, in order.
        var cursor = text.startIndex
        for (number, item) in record["items"]!.elements.enumerated() {
            // A description wrapped over several lines shares its lines with the other cells of the
            // row, so only its start is looked for in order; the whole text is checked below.
            let full = normalise(Samples.string(item["description"]))
            let words = full.split(separator: " ")
            let description = words.count > 6 ? words.prefix(3).joined(separator: " ") : full
            #expect(readingOrder.contains(full.filter { !$0.isWhitespace }), "\(file) record \(index + 1): item \(number + 1) text is not whole")
            guard let range = text.range(of: description, range: cursor..<text.endIndex) else {
                Issue.record("\(file) record \(index + 1): item \(number + 1) “\(description)” is missing or out of order")
                break
            }
            cursor = range.upperBound
        }
        for (page, content) in pages.enumerated() {
            #expect(content.contains("\(page + 1) ") && content.contains(" \(pages.count)"), "\(file) record \(index + 1): no page number on page \(page + 1)")
        }
    }
}

@Test func aLongStatementLosesAndRepeatsNoRowAndRepeatsItsHeader() throws {
    let renderer = try Samples.renderer("statement")
    let record = try Samples.records("statement-2000-rows.jsonl")[0]
    let document = try renderer.plainPDF(record)
    #expect(document.pageCount > 30)
    let path = try Samples.write(document, "statement-2000")
    let pages = try Samples.pages(path)
    #expect(pages.count == document.pageCount)
    let text = pages.joined(separator: " ")
    // References are unique ten-digit numbers: each exactly once, in order.
    var previous = text.startIndex
    let references = record["transactions"]!.elements.map { Samples.string($0["reference"]) }
    #expect(references.count == 2000)
    var lost = 0, repeated = 0, disordered = 0
    for reference in references {
        let found = occurrences(of: reference, in: text)
        if found.isEmpty { lost += 1; continue }
        if found.count > 1 { repeated += 1 }
        if found[0] < previous { disordered += 1 }
        previous = found[0]
    }
    #expect(lost == 0 && repeated == 0 && disordered == 0, "lost \(lost), repeated \(repeated), out of order \(disordered)")
    // The header row and the page number on every page; carried forward at every foot but the last.
    let labels = try Samples.library.get().labels
    let language = Samples.string(record["language"])
    let header = String(try #require(labels.text("reference", locale: language)).split(separator: " ")[0])
    let carried = try #require(labels.text("carried_forward", locale: language))
    let brought = try #require(labels.text("brought_forward", locale: language))
    for (index, page) in pages.enumerated() {
        #expect(page.contains(header), "page \(index + 1) has no table header")
        #expect(page.contains("\(index + 1)") && page.contains(" \(pages.count)"), "page \(index + 1) has no page number")
        if index < pages.count - 1 { #expect(page.contains(carried), "page \(index + 1) has no carried-forward row") }
        if index > 0 { #expect(page.contains(brought), "page \(index + 1) has no brought-forward row") }
    }
}

@Test(arguments: [("invoice", "invoices.jsonl", 0), ("invoice", "invoices.jsonl", 5), ("invoice", "invoice-edge-cases.jsonl", 0),
                  ("invoice", "invoice-edge-cases.jsonl", 1), ("invoice", "invoice-edge-cases.jsonl", 2),
                  ("invoice", "invoice-edge-cases.jsonl", 3), ("statement", "statements.jsonl", 0), ("letter", "letters.jsonl", 1)])
func bundledDocumentsPassPDFCheck(layout: String, file: String, index: Int) throws {
    let renderer = try Samples.renderer(layout)
    let document = try renderer.plainPDF(try Samples.records(file)[index])
    let path = try Samples.write(document, "check-\(layout)-\(file)-\(index)")
    let result = try PDFCheck.run(path)
    #expect(result.passed, "\(result.output)")
}

@Test func theSecondThemeRestylesEveryLayout() throws {
    // Records that make as many pages under both themes: the page furniture (running headers,
    // page numbers) is text too, so another page break would change the words. Invoice 1 (25
    // items) fits one page in brand and takes two in harbour's roomier spacing.
    for (layout, file, index) in [("invoice", "invoices.jsonl", 6), ("statement", "statements.jsonl", 0), ("letter", "letters.jsonl", 0)] {
        let record = try Samples.records(file)[index]
        let brand = try Samples.renderer(layout).plainPDF(record)
        let harbour = try Samples.renderer(layout, theme: "harbour").plainPDF(record)
        #expect(brand.bytes != harbour.bytes)
        let a = try Samples.pages(try Samples.write(brand, "theme-brand-\(layout)")).joined()
        let b = try Samples.pages(try Samples.write(harbour, "theme-harbour-\(layout)")).joined()
        // Same words, other look: the text is unchanged by the theme.
        func letters(_ text: String) -> [Character] { text.filter { !$0.isWhitespace && $0 != "\u{AD}" }.sorted() }
        #expect(letters(a) == letters(b), "\(layout): the theme changed the text")
    }
}

@Test func aBatchWithBadRecordsRendersTheGoodOnesAndNamesTheBad() throws {
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let folder = Scratch.url("pressroom-bad-batch-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices.jsonl", encoding: .utf8).split(separator: "\n")
    let noName = lines[2].replacingOccurrences(of: "\"customer\":{\"name\":", with: "\"customer\":{\"nome\":")
    let wrongType = lines[3].replacingOccurrences(of: "\"items\":[", with: "\"items\":{\"x\":[").replacingOccurrences(of: "],\"totals\"", with: "]},\"totals\"")
    let batch = [String(lines[0]), "{\"kind\": \"invoice\", broken", noName, wrongType, String(lines[4])].joined(separator: "\n")
    let input = folder.appendingPathComponent("batch.jsonl")
    try batch.write(to: input, atomically: true, encoding: .utf8)
    let result = try ExternalTool.run(binary, ["render", "invoice", input.path, "-o", folder.appendingPathComponent("out").path,
                                               "--layouts", Samples.root + "/Layouts"])
    #expect(result.status == 1, "\(result.errors)")
    let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).filter { $0.hasSuffix(".pdf") }
    #expect(written.count == 2)
    #expect(result.errors.contains("Rendered 2 of 5 records"))
    #expect(result.errors.contains("record 2:"), "\(result.errors)")
    #expect(result.errors.contains("record 3:") && result.errors.contains("$.customer.name"), "\(result.errors)")
    #expect(result.errors.contains("record 4:") && result.errors.contains("$.items"), "\(result.errors)")
}

@Test func everyLayoutProblemIsListedBeforeAnyRecordIsRendered() throws {
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let folder = Scratch.url("pressroom-problems-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(atPath: Samples.root + "/Layouts", toPath: folder.path)
    let layout = folder.appendingPathComponent("invoice.yaml")
    let original = try String(contentsOf: layout, encoding: .utf8)
    // The first `style: body-bold` belongs to the text block on the line above it; the error
    // points at that block (its `text:` key, in the same column as `style:`).
    let lines = original.components(separatedBy: "\n")
    let styleIndex = try #require(lines.firstIndex { $0.contains("style: body-bold") })
    let blockColumn = lines[styleIndex].distance(from: lines[styleIndex].startIndex,
                                                 to: lines[styleIndex].range(of: "style:")!.lowerBound) + 1
    let text = original
        .replacingOccurrences(of: "style: body-bold", with: "style: body-blod")
        .replacingOccurrences(of: "colour: muted", with: "colour: mutd")
    try text.write(to: layout, atomically: true, encoding: .utf8)
    let result = try ExternalTool.run(binary, ["render", layout.path, Samples.root + "/Fixtures/records/invoices.jsonl",
                                               "-o", folder.appendingPathComponent("out").path])
    #expect(result.status == 2)
    #expect(result.errors.contains("invoice.yaml:\(styleIndex):\(blockColumn)") && result.errors.contains("body-bold"), "\(result.errors)")
    #expect(result.errors.contains("mutd") && result.errors.contains("did you mean `muted`"), "\(result.errors)")
    #expect(result.errors.contains("nothing was rendered"))
    let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
    #expect(written.isEmpty)
}
