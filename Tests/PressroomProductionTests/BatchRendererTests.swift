// The batch loop as the command line and the service use it: records numbered from 1, named by
// the layout's file-name (made unique and safe), rendered by the variant into a folder; a record
// that is not JSON or that the variant refuses is a typed failure with its record number and
// location, the others render, and the summary survives a JSON round trip as the service stores it.
import Foundation
import PressroomLayout
import PressroomPDF
import PressroomProduction
import PressroomText
import Testing
import TestScratch

private let registry = Result { try FontRegistry.bundled() }

private func producer(_ layout: String, variant: any OutputVariant) throws -> DocumentProducer {
    let library = try LayoutLibrary(directory: InvoiceFixtures.repository.appendingPathComponent("Layouts").path)
    let model = try library.layout(named: layout)
    let renderer = try DocumentRenderer(library: library, layout: model, theme: try library.theme(named: model.theme),
                                        registry: try registry.get())
    return DocumentProducer(renderer: renderer, variant: variant)
}

private func scratchFolder(_ name: String) -> String {
    let path = Scratch.url("pressroom-batch-\(name)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: path)
    return path
}

@Test func aBatchRendersTheGoodRecordsAndReportsEachBadOneTyped() throws {
    let lines = try String(contentsOf: InvoiceFixtures.repository.appendingPathComponent("Fixtures/records/invoices.jsonl"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
    let damaged = try #require(lines[1].range(of: "\"total_gross\":\"")).upperBound
    var spoiled = lines[1]
    spoiled.insert("9", at: damaged)  // the amount due grows a leading 9
    let folder = scratchFolder("mixed")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let input = folder + "/records.jsonl"
    try [lines[0], "{\"number\": ", spoiled, lines[2], lines[0]].joined(separator: "\n")
        .write(toFile: input, atomically: true, encoding: .utf8)

    let batch = BatchRenderer(producer: try producer("invoice", variant: try DigitalVariant.standard()))
    var steps: [Int] = []
    let summary = try batch.run(try RecordReader(path: input), into: try PDFFolderOutput(folder: folder + "/out")) { steps.append($0.done) }
    #expect(steps == [1, 2, 3, 4, 5])
    #expect(summary.rendered == 3 && summary.total == 5 && summary.pages >= 3)
    #expect(summary.failures.map(\.record) == [2, 3])

    guard case .layout(let unreadable) = summary.failures[0].failure else { Issue.record("record 2: \(summary.failures[0])"); return }
    #expect(unreadable.kind == .data)
    guard case .layout(let refused) = summary.failures[1].failure else { Issue.record("record 3: \(summary.failures[1])"); return }
    #expect(refused.dataPath == "$.total_gross", "\(refused)")
    #expect(summary.failures[1].description.hasPrefix("record 3: "), "\(summary.failures[1])")

    // Named by the layout's file-name; the second copy of record 1 gets a suffix (the failed
    // records took no names).
    let first = try #require(DataValue.parseJSON(Array(lines[0].utf8))["number"]).stringValue
    let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
    #expect(written.count == 3 && written.contains("\(first).pdf") && written.contains("\(first)-2.pdf"), "\(written)")

    // The service stores failures as JSON and reads them back unchanged.
    let decoded = try JSONDecoder().decode(BatchSummary.self, from: try JSONEncoder().encode(summary))
    #expect(decoded.failures == summary.failures && decoded.rendered == 3)
}

@Test func aRefusalStaysARefusalWithItsViolations() throws {
    let refusal = ConformanceRefusal(profiles: ["PDF/UA-1"], violations: [Violation(.missingTitle, "the document has no title")])
    let failure = RecordFailure(refusal)
    #expect(failure == .refused(refusal))
    let decoded = try JSONDecoder().decode(RecordFailure.self, from: try JSONEncoder().encode(failure))
    #expect(decoded == failure)
}

@Test func namesAreSafeAndUniqueWhateverTheirCase() {
    var names = BatchNames()
    names.take(names.unique("Invoice 7", fallback: "00001"))
    #expect(names.unique("Invoice 7", fallback: "00002") == "Invoice 7-2")
    #expect(names.unique("INVOICE 7", fallback: "00002") == "INVOICE 7-2", "file systems that ignore case would overwrite it")
    #expect(names.unique("../etc/passwd", fallback: "00003") == "00003")
    #expect(names.unique("a/b:c\td", fallback: "00004") == "a_b_c_d")
    #expect(names.unique("   ", fallback: "00005") == "00005")
    #expect(names.unique("Invoice 8", fallback: "00006") == "Invoice 8", "asking is not taking")
}

@Test func aCombinedFileKeepsEachRecordsBookmarksUnderItsEntry() throws {
    let folder = scratchFolder("combined")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/statements.pdf"
    let output = CombinedPDFOutput(path: path, info: .init(title: "statements", creator: "test"))
    let batch = BatchRenderer(producer: try producer("statement", variant: PlainVariant()))
    let input = InvoiceFixtures.repository.appendingPathComponent("Fixtures/records/statements.jsonl").path
    let summary = try batch.run(try RecordReader(path: input), into: output)
    #expect(summary.failures.isEmpty && summary.rendered == 3)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
    // Outline items are in object streams; qpdf expands them.
    let qdf = folder + "/qdf.pdf"
    let qpdf = Process()
    qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
    qpdf.arguments = ["--qdf", "--object-streams=disable", path, qdf]
    try qpdf.run()
    qpdf.waitUntilExit()
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
    // Three records, each closed over its own sections and months (a negative /Count).
    let closed = text.matches(of: try Regex(#"/Count -[0-9]+"#)).count
    #expect(closed == 3, "closed record entries: \(closed)")
}

extension DataValue {
    fileprivate subscript(_ key: String) -> DataValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    fileprivate var stringValue: String {
        if case .string(let text) = self { return text }
        return ""
    }
}
