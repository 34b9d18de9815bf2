// Tagged PDF end to end: the bundled invoice, statement (its table over several pages) and letter
// rendered tagged, their structure tree read back by Tests/Tools/structure_check.py (pikepdf and
// pdfminer): all painting tagged or an artifact, MCIDs and ParentTree in agreement, TH with
// /Scope, figures with /Alt, headings, /Lang, and the reading order of the structure. pdfcheck
// passes, and the text poppler reads is the untagged document's.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction
import Testing
import TestScratch

private func structureCheck(_ file: String, _ arguments: [String]) throws -> (passed: Bool, output: String) {
    let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/structure_check.py").path
    let result = try ExternalTool.run("python3", [script, file] + arguments, mergeErrors: true)
    return (result.status == 0, result.output)
}

/// The first words of a text (a long description wraps over lines and shares them with other cells).
private func start(_ text: String) -> String {
    text.split(separator: " ").prefix(3).joined(separator: " ")
}

@Test(arguments: [("invoice", "invoices.jsonl", 0), ("statement", "statements.jsonl", 0), ("letter", "letters.jsonl", 1)])
func taggedBundledDocumentsReadBackInOrder(layout: String, file: String, index: Int) throws {
    let renderer = try Samples.renderer(layout)
    let record = try Samples.records(file)[index]
    let plain = try renderer.plainPDF(record)
    renderer.tagged = true
    let tagged = try renderer.plainPDF(record)
    #expect(tagged.pageCount == plain.pageCount)
    let plainPath = try Samples.write(plain, "untagged-\(layout)-\(index)")
    let taggedPath = try Samples.write(tagged, "tagged-\(layout)-\(index)")

    var arguments = ["--headings", "1"]
    let labels = try Samples.library.get().labels
    let language = Samples.string(record["language"])
    switch layout {
    case "invoice":
        let items = record["items"]!.elements
        arguments += ["--tables", "1", "--figures", "1", "--order", Samples.string(record["number"]),
                      start(Samples.string(items.first?["description"])), start(Samples.string(items.last?["description"])),
                      try #require(labels.text("total_due", locale: language))]
    case "statement":
        #expect(tagged.pageCount > 1, "the statement should run over pages")
        let rows = record["transactions"]!.elements
        arguments += ["--tables", "1", "--figures", "1", "--order", Samples.string(record["number"]),
                      Samples.string(rows.first?["reference"]), Samples.string(rows.last?["reference"])]
    default:
        arguments += ["--figures", "1", "--order", Samples.string(record["subject"])]
    }
    let check = try structureCheck(taggedPath, arguments)
    #expect(check.passed, "\(check.output)")
    if layout == "invoice" {
        // A total reads with its label: the label is followed by its amount, not by the next label.
        for key in ["total_net", "total_vat", "total_due"] {
            let label = try #require(labels.text(key, locale: language))
            #expect(check.output.range(of: NSRegularExpression.escapedPattern(for: label) + "[^\\p{L}]{0,3}[0-9]", options: .regularExpression) != nil,
                    "\(label) is not followed by its amount in reading order")
        }
    }
    if layout == "statement" {
        // One table over every page, not one per page.
        #expect(check.output.contains("\"Table\": 1"), "\(check.output.prefix(400))")
    }

    let pdfcheck = try PDFCheck.run(taggedPath)
    #expect(pdfcheck.passed, "\(pdfcheck.output)")
    #expect(try Samples.pages(taggedPath) == Samples.pages(plainPath), "tagging changed the text poppler reads")
}

@Test func aCombinedTaggedBatchKeepsEachRecordsStructureApart() throws {
    let renderer = try Samples.renderer("invoice")
    let combined = CombinedPDF(info: DocumentInfo(title: "batch", language: "cs"), settings: PlainVariant(tagged: true).settings(for: renderer.layout))
    for record in try Samples.records("invoices.jsonl").prefix(2) { try combined.append(record, with: renderer) }
    let path = Scratch.url("pressroom-tagged-combined.pdf").path
    try Data(try combined.finish()).write(to: URL(fileURLWithPath: path))
    let check = try structureCheck(path, ["--tables", "2", "--figures", "2"])
    #expect(check.passed, "\(check.output)")
    // Each record is a Part in its own language.
    #expect(check.output.contains("\"Part\": 2"), "\(check.output.prefix(400))")
}

@Test func aLongTaggedStatementIsWrittenAsItGoesAndReadsWhole() throws {
    // 2,000 rows, about 48 pages: the structure tree writes the rows of the pages done while the
    // table goes on. The file is read back whole: one table, every row in order, MCIDs and
    // ParentTree in agreement, and the same text as untagged.
    guard case .object(var fields) = try Samples.records("statements.jsonl")[0],
          case .array(let sample)? = fields["transactions"] else { Issue.record("no sample statement"); return }
    var rows: [DataValue] = []
    for index in 0..<2_000 {
        guard case .object(var row) = sample[index % sample.count] else { continue }
        row["reference"] = .string(String(9_100_000_000 + index * 7))
        rows.append(.object(row))
    }
    fields["transactions"] = .array(DataList(rows))
    let record = DataValue.object(fields)
    let renderer = try Samples.renderer("statement")
    let plain = try renderer.plainPDF(record)
    renderer.tagged = true
    let tagged = try renderer.plainPDF(record)
    #expect(tagged.pageCount > 40, "\(tagged.pageCount) pages")
    let plainPath = try Samples.write(plain, "untagged-long-statement")
    let taggedPath = try Samples.write(tagged, "tagged-long-statement")
    let references = (0..<2_000).map { String(9_100_000_000 + $0 * 7) }
    let check = try structureCheck(taggedPath, ["--tables", "1", "--order", references[0], references[1], references[999],
                                                references[1_000], references[1_998], references[1_999]])
    #expect(check.passed, "\(check.output.prefix(2_000))")
    #expect(check.output.contains("\"Table\": 1"), "one table over every page: \(check.output.prefix(400))")
    #expect(check.output.contains("\"TR\": 2001"), "every row and the header: \(check.output.prefix(400))")
    #expect(check.output.contains("\"parent_tree_leaves\": 2"), "the ParentTree of \(tagged.pageCount) pages is two leaves of 32 pages")
    #expect(try Samples.pages(taggedPath) == Samples.pages(plainPath), "tagging changed the text poppler reads")
}
