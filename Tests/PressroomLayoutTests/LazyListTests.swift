// Long lists in records read from a file stay in the record's bytes (DataList) and are parsed
// element by element when read: they read and compare as parsed lists do, nested long lists too,
// a record's limits and warnings still cover every element, and a record of several MiB is read
// without being copied, with the records after it in their places.
import Foundation
import Testing
@testable import PressroomLayout
import TestScratch

private func dataFile(_ text: String) throws -> String {
    let url = Scratch.url("lazy-\(UUID().uuidString).jsonl")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A statement-like record: `count` transactions, each with a list of `tags`.
private func statement(rows count: Int, tags: Int = 2) -> String {
    let rows = (0..<count).map { index in
        let tagList = (0..<tags).map { "\"t\(index)-\($0)\"" }.joined(separator: ",")
        return #"{"n": \#(index), "text": "Zahlung \#(index) – č\u00e9", "amount": "\#(index).50", "tags": [\#(tagList)]}"#
    }
    return #"{"number": "S-1", "transactions": [\#(rows.joined(separator: ", "))]}"#
}

@Test func aLongListFromAFileIsReadLazilyAndReadsAsParsed() throws {
    let text = statement(rows: 3_000)
    let lazy = try #require(try Array(RecordReader(path: try dataFile(text + "\n"))).first?.result.get())
    let eager = try DataValue.parseJSON(Array(text.utf8))
    guard case .array(let rows)? = lazy["transactions"], case .array(let parsedRows)? = eager["transactions"] else {
        Issue.record("no transactions")
        return
    }
    #expect(rows.isLazy, "3,000 rows are kept as offsets")
    #expect(!parsedRows.isLazy, "bytes parsed without a source are parsed whole")
    #expect(rows.count == 3_000)
    #expect(rows[2_999]["text"] == .string("Zahlung 2999 – čé"))
    #expect(rows[17]["amount"] == .string("17.50"))
    #expect(rows[17]["tags"] == .array([.string("t17-0"), .string("t17-1")]))
    #expect(lazy == eager)
    #expect(rows.last == parsedRows.last)
}

@Test func shortListsStayParsedAndNestedLongListsAreLazyToo() throws {
    let text = #"{"short": [1, 2, 3], "outer": [{"inner": [\#((0..<2_000).map(String.init).joined(separator: ","))]}]}"#
    let record = try #require(try Array(RecordReader(path: try dataFile(text + "\n"))).first?.result.get())
    guard case .array(let short)? = record["short"], case .array(let outer)? = record["outer"],
          case .array(let inner)? = outer.first?["inner"] else {
        Issue.record("unexpected shape: \(record)")
        return
    }
    #expect(!short.isLazy && !outer.isLazy)
    #expect(inner.isLazy && inner.count == 2_000 && inner[1_999] == .number(1_999))
}

@Test func limitsAndWarningsCoverEveryElementOfALazyList() throws {
    // A text over the field limit in row 2,500 is found, with its path.
    var rows = (0..<3_000).map { #"{"text": "row \#($0)"}"# }
    rows[2_500] = #"{"text": "\#(String(repeating: "x", count: 300))"}"#
    let oversize = #"{"rows": [\#(rows.joined(separator: ","))]}"#
    let reader = try RecordReader(path: try dataFile(oversize + "\n"), limits: DataLimits(fieldBytes: 256))
    let failure = try #require(Array(reader).first?.result)
    guard case .failure(let error) = failure else { Issue.record("the long text is refused"); return }
    #expect(error.dataPath == "$.rows[2500].text", "\(error)")

    // A key given twice in row 2,900 is reported once, when the record is read.
    rows[2_500] = #"{"text": "row 2500"}"#
    rows[2_900] = #"{"text": "a", "text": "b"}"#
    let warnings = WarningList()
    let record = try #require(try Array(RecordReader(path: try dataFile(#"{"rows": [\#(rows.joined(separator: ","))]}"# + "\n"),
                                                     warn: { warnings.add($0) })).first?.result.get())
    guard case .array(let list)? = record["rows"] else { Issue.record("no rows"); return }
    #expect(list.isLazy)
    #expect(list[2_900]["text"] == .string("b"))
    _ = list.map { $0 }  // reading every element again warns no more
    #expect(warnings.all.count == 1)
    #expect(warnings.all.first?.description.contains("\"text\" is given twice") == true)
}

@Test func aRecordOfSeveralMiBIsReadWholeAndTheNextRecordsFollowIt() throws {
    let big = statement(rows: 40_000, tags: 1)
    #expect(big.utf8.count > 2 << 20)
    let path = try dataFile(#"{"n": 1}"# + "\n" + big + "\n" + #"{"n": 3}"# + "\n" + #"{"n": 4, "broken": }"# + "\n")
    let records = Array(try RecordReader(path: path, limits: DataLimits(recordBytes: 64 << 20)))
    #expect(records.count == 4)
    #expect(try records[0].result.get()["n"] == .number(1))
    #expect(try records[1].result.get() == DataValue.parseJSON(Array(big.utf8)))
    #expect(try records[2].result.get()["n"] == .number(3))
    guard case .failure(let error) = records[3].result else { Issue.record("record 4 is broken"); return }
    #expect(error.location?.line == 4 && error.location?.column == 20, "\(error)")
}

/// Warnings a reading reported, in order.
private final class WarningList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [LayoutError] = []
    var all: [LayoutError] { lock.withLock { list } }
    func add(_ warning: LayoutError) { lock.withLock { list.append(warning) } }
}
