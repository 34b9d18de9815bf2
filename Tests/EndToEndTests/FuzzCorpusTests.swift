// The fuzz corpus as regression tests: every saved input in Fixtures/fuzz/NAME (the seeds, the
// inputs fuzzing found interesting, and every crash it ever found, once fixed) goes through its
// target again, built without libFuzzer. A crash fails the test.
import Foundation
import Testing

@Test(arguments: ["records", "layout", "expressions", "images", "fonts", "text"])
func fuzzCorpusReplaysWithoutACrash(_ target: String) throws {
    let root = ExternalTool.repositoryRoot
    let corpus = root.appendingPathComponent("Fixtures/fuzz/\(target)").path
    let inputs = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { !$0.hasPrefix(".") }
    #expect(!inputs.isEmpty, "Fixtures/fuzz/\(target) has seeds")
    let result = try ExternalTool.run(root.appendingPathComponent(".build/debug/fuzz-\(target)").path, [corpus], mergeErrors: true)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("\(inputs.count) input(s) replayed, none crashed"), "\(result.output)")
}
