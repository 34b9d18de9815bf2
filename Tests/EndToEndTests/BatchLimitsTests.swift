// One record with a ten-megabyte text no longer takes the batch down: it is refused by the data
// limits with its record number and JSON path, the records around it render, and the summary is
// printed; the limits are the caller's to raise.
import Foundation
import Testing
import TestScratch

@Test(.timeLimit(.minutes(2))) func aHugeFieldCostsItsRecordOnly() throws {
    let folder = Scratch.url("pressroom-limits-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
    let name = try #require(lines[1].range(of: "\"customer\":{\"name\":\"")).upperBound
    var huge = lines[1]
    huge.insert(contentsOf: String(repeating: "x", count: 10 << 20), at: name)
    let data = folder.appendingPathComponent("records.jsonl").path
    try [lines[0], huge, lines[2]].joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let out = folder.appendingPathComponent("out").path
    let run = try ExternalTool.run(binary, ["render", "invoice", data, "-o", out, "--variant", "plain"], mergeErrors: true)
    #expect(run.status == 1, "some records failed: \(run.output)")
    #expect(run.output.contains("Rendered 2 of 3 records"), "\(run.output)")
    #expect(run.output.contains("record 2") && run.output.contains("$.customer.name") && run.output.contains("--max-field-size"), "\(run.output)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 2)
}
