// RecordReader: JSON Lines with bad and blank lines, pretty-printed records, a JSON list of
// records, errors with record numbers and file positions, and records across read chunks.
import Foundation
import Testing
@testable import PressroomLayout
import TestScratch

/// Writes `text` to a fresh temporary file and returns its path.
private func dataFile(_ text: String, name: String = "records.jsonl") throws -> String {
    let directory = Scratch.url("binding-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

private func read(_ text: String) throws -> [(number: Int, result: Result<DataValue, LayoutError>)] {
    Array(try RecordReader(path: try dataFile(text)))
}

@Test func jsonLinesWithABadLineInTheMiddle() throws {
    let path = try dataFile("""
        {"number": "A-1", "total": 10.50}
        {"number": "A-2", "total": 
        {"number": "A-3", "total": 30}

        """)
    let records = Array(try RecordReader(path: path))
    #expect(records.map(\.number) == [1, 2, 3])
    #expect(try records[0].result.get() == .object(["number": .string("A-1"), "total": .number(Decimal(string: "10.5")!)]))
    #expect(try records[2].result.get()["number"] == .string("A-3"))
    guard case .failure(let error) = records[1].result else { Issue.record("record 2 should fail"); return }
    #expect(error.kind == .data)
    #expect(error.record == 2)
    #expect(error.location == SourceLocation(file: path, line: 2, column: 28))
    #expect(error.description == "record 2: \(path):2:28: invalid JSON: unexpected end of input: expected a value")
}

@Test func blankLinesAreSkippedAndDoNotCount() throws {
    let records = try read("\n{\"a\": 1}\r\n\n   \n{\"a\": 2}\r\n{\"a\": x}\n\n")
    #expect(records.map(\.number) == [1, 2, 3])
    #expect(try records[1].result.get() == .object(["a": .number(2)]))
    guard case .failure(let error) = records[2].result else { Issue.record("record 3 should fail"); return }
    #expect(error.location?.line == 6)
    #expect(error.location?.column == 7)
}

@Test func aLineThatEndsInsideTextIsABrokenLineNotAPrettyRecord() throws {
    let records = try read("{\"a\": \"unclosed\n{\"a\": 2}\n")
    #expect(records.count == 2)
    #expect(throws: LayoutError.self) { try records[0].result.get() }
    #expect(try records[1].result.get() == .object(["a": .number(2)]))
}

@Test func onePrettyPrintedRecord() throws {
    let records = try read("""
        {
          "number": "2026-0042",
          "customer": {
            "name": "Ann"
          },
          "items": [
            {"net": "100.00"}
          ]
        }

        """)
    #expect(records.count == 1)
    #expect(records[0].number == 1)
    #expect(try records[0].result.get()["customer"]?["name"] == .string("Ann"))
}

@Test func prettyPrintedRecordsOneAfterAnother() throws {
    let records = try read("{\n  \"a\": 1\n}\n{\n  \"a\": \"}\"\n}\n{\n  \"a\": oops\n}\n{\n  \"a\": 4\n}\n")
    #expect(records.map(\.number) == [1, 2, 3, 4])
    #expect(try records[1].result.get() == .object(["a": .string("}")]))
    guard case .failure(let error) = records[2].result else { Issue.record("record 3 should fail"); return }
    #expect(error.location?.line == 8)
    #expect(error.location?.column == 8)
    #expect(try records[3].result.get() == .object(["a": .number(4)]))
}

@Test func aPrettyRecordCutShort() throws {
    let records = try read("{\n  \"a\": [1,\n")
    #expect(records.count == 1)
    guard case .failure(let error) = records[0].result else { Issue.record("should fail"); return }
    #expect(error.message.contains("not closed before the end of the file"))
}

@Test func aListOfRecords() throws {
    let records = try read("""
        [
          {"a": 1},
          {"a": [1, 2, {"b": "],"}]},
          {"a": bad},
          {"a": 4}
        ]

        """)
    #expect(records.map(\.number) == [1, 2, 3, 4])
    #expect(try records[0].result.get() == .object(["a": .number(1)]))
    #expect(try records[1].result.get()["a"] == .array([.number(1), .number(2), .object(["b": .string("],")])]))
    guard case .failure(let error) = records[2].result else { Issue.record("record 3 should fail"); return }
    #expect(error.location?.line == 4)
    #expect(error.location?.column == 9)
    #expect(try records[3].result.get() == .object(["a": .number(4)]))
}

@Test func emptyListsAndFiles() throws {
    #expect(try read("[]").isEmpty)
    #expect(try read("  [ \n ] \n").isEmpty)
    #expect(try read("").isEmpty)
    #expect(try read("\n\n  \n").isEmpty)
}

@Test func aListCutShort() throws {
    let records = try read("[{\"a\": 1}, {\"a\": 2}")
    #expect(records.count == 3)
    #expect(try records[1].result.get() == .object(["a": .number(2)]))
    guard case .failure(let error) = records[2].result else { Issue.record("should fail"); return }
    #expect(error.message.contains("before the list of records is closed"))
}

@Test func aRecordIsAnObject() throws {
    let records = try read("{\"a\": 1}\n[1, 2]\n\"text\"\n")
    #expect(records.count == 3)
    for record in records.dropFirst() {
        guard case .failure(let error) = record.result else { Issue.record("should fail"); continue }
        #expect(error.message.hasPrefix("a record is a JSON object"))
    }
}

@Test func aMissingFileIsAResourceError() throws {
    let error = try #require(throws: LayoutError.self) { try RecordReader(path: "/nonexistent/records.jsonl") }
    #expect(error.kind == .resource)
    #expect(error.message.contains("/nonexistent/records.jsonl"))
}

@Test func recordsAcrossReadChunksAndRepeatedReading() throws {
    // Lines of varying length so that records straddle the 64 KiB read boundaries.
    var text = ""
    for index in 1...3000 {
        text += #"{"n": \#(index), "pad": "\#(String(repeating: "ž", count: index % 97))"}"# + "\n"
    }
    let reader = try RecordReader(path: try dataFile(text))
    for _ in 0..<2 {
        var count = 0
        for (number, result) in reader {
            count += 1
            #expect(number == count)
            #expect(try result.get()["n"] == .number(Decimal(count)))
        }
        #expect(count == 3000)
    }
}

/// Warnings a reading reported, in order.
private final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [LayoutError] = []
    var all: [LayoutError] { lock.withLock { list } }
    func add(_ warning: LayoutError) { lock.withLock { list.append(warning) } }
}

@Test func aKeyGivenTwiceIsAWarningWithBothPlacesAndTheSecondWins() throws {
    let path = try dataFile("""
        {"number": "A-1", "total": 1}
        {"number": "A-2", "customer": {"name": "Old", "vat": "X", "name": "New"}, "total": 2, "total": 3}

        """)
    let warnings = Warnings()
    let records = Array(try RecordReader(path: path, warn: { warnings.add($0) }))
    #expect(try records[1].result.get()["customer"]?["name"] == .string("New"))
    #expect(try records[1].result.get()["total"] == .number(3))
    let found = warnings.all
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.record == 2 && $0.kind == .data })
    #expect(found[0].description == "record 2: \(path):2:59: the key \"name\" is given twice in one object, at line 2, column 32 and at line 2, column 59; the second is used")
    #expect(found[1].description.contains("\"total\" is given twice in one object, at line 2, column 75 and at line 2, column 87"))
    // Without a listener the records read the same.
    #expect(Array(try RecordReader(path: path)).count == 2)
}
