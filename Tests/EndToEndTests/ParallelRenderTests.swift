// `render --jobs N`: each worker has its own renderer and writer caches, and one coordinator names
// and writes in record order, so several workers write the very files one does: same names (a
// repeated file-name still gets its suffix in record order), same bytes, same failures.
import Foundation
import Testing
import TestScratch

@Test(.timeLimit(.minutes(3))) func severalWorkersWriteWhatOneWrites() throws {
    let folder = Scratch.url("pressroom-jobs-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        + String(contentsOfFile: Samples.root + "/Fixtures/records/invoice-edge-cases.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
    let data = folder.appendingPathComponent("records.jsonl").path
    try (lines + ["{\"number\": ", lines[0]]).joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    var outputs: [String] = []
    for jobs in [1, 3] {
        let out = folder.appendingPathComponent("jobs-\(jobs)").path
        let run = try ExternalTool.run(binary, ["render", "invoice", data, "-o", out, "--jobs", "\(jobs)"], mergeErrors: true)
        #expect(run.status == 1, "one record is broken: \(run.output)")
        #expect(run.output.contains("Rendered \(lines.count + 1) of \(lines.count + 2) records"), "\(run.output)")
        #expect(run.output.contains("record \(lines.count + 1): "), "\(run.output)")
        outputs.append(out)
    }
    let names = try outputs.map { try FileManager.default.contentsOfDirectory(atPath: $0).sorted() }
    #expect(names[0] == names[1] && names[0].count == lines.count + 1)
    #expect(names[0].contains { $0.hasSuffix("-2.pdf") }, "the repeated record got its suffix")
    for name in names[0] {
        let one = try Data(contentsOf: URL(fileURLWithPath: outputs[0] + "/" + name))
        let many = try Data(contentsOf: URL(fileURLWithPath: outputs[1] + "/" + name))
        #expect(one == many, "\(name) differs between one worker and three")
    }
}
