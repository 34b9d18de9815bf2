// Output is written whole or not at all: a write that fails (here the file size limit, as a full
// disk would) leaves no partial file and the earlier good file unchanged, and each failure is
// told in words; an output path that is a file and names too long for a file system are handled.
import Foundation
import PressroomProduction
import Testing
import TestScratch

private let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
private let invoices = Samples.root + "/Fixtures/records/invoices.jsonl"

private func scratch(_ name: String) throws -> URL {
    let folder = Scratch.url("pressroom-atomic-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// On one core (the batch writes each record into its file as it renders) and on two (workers
/// write temporary files that the coordinator names in order).
@Test(arguments: ["1", "2"])
func aFailedWriteLeavesNoPartialFileAndKeepsTheEarlierOne(jobs: String) throws {
    let folder = try scratch("limit-\(jobs)")
    let out = folder.appendingPathComponent("out").path
    let first = try ExternalTool.run(binary, ["render", "invoice", invoices, "-o", out, "--variant", "plain"], mergeErrors: true)
    #expect(first.status == 0, "\(first.output)")
    let good = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    let before = try good.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }

    // 8 KiB at most per file, as a nearly full disk: every invoice is larger. SIGXFSZ is ignored,
    // so write(2) fails with EFBIG instead of killing the process.
    let limited = try ExternalTool.run("bash", ["-c", "ulimit -f 8; trap '' XFSZ; exec \"$0\" \"$@\"", binary,
                                                "render", "invoice", invoices, "-o", out, "--variant", "plain", "--jobs", jobs],
                                        mergeErrors: true)
    #expect(limited.status == 2, "every record failed: \(limited.output)")
    #expect(limited.output.contains("larger than this process may write"), "\(limited.output)")
    let after = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(after == good, "no partial or temporary files: \(after.filter { !good.contains($0) })")
    for (name, data) in zip(good, before) {
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)) == data, "\(name) was changed")
    }
}

@Test func anOutputThatIsAFileIsToldPlainly() throws {
    let folder = try scratch("file")
    let file = folder.appendingPathComponent("taken").path
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    let run = try ExternalTool.run(binary, ["render", "invoice", invoices, "-o", file, "--variant", "plain"], mergeErrors: true)
    #expect(run.status == 2)
    #expect(run.output.contains("it is a file; the output must be a folder"), "\(run.output)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
}

@Test func namesTooLongForAFileSystemAreCutAndStayApart() throws {
    let long = String(repeating: "Příliš žluťoučký kůň ", count: 20)
    let a = BatchNames.safe(long + "A", fallback: "1"), b = BatchNames.safe(long + "B", fallback: "2")
    #expect(a.utf8.count <= 200 && b.utf8.count <= 200 && a != b, "\(a.utf8.count) \(b.utf8.count)")
    let folder = try scratch("long")
    let run = try ExternalTool.run(binary, ["render", "invoice", invoices, "-o", folder.path, "--variant", "plain",
                                            "--name", String(repeating: "x", count: 300) + "{{ number }}"], mergeErrors: true)
    #expect(run.status == 0, "\(run.output)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.count == 12 && names.allSatisfy { $0.utf8.count <= 255 }, "\(names)")
}

/// Names with a slash or given twice: each record still gets a file of its own, on one core and
/// on two (where workers write under a name before it is made unique).
@Test(arguments: ["1", "2"])
func namesWithSlashesAndRepeatsGetFilesOfTheirOwn(jobs: String) throws {
    let folder = try scratch("slash-\(jobs)")
    let run = try ExternalTool.run(binary, ["render", "invoice", invoices, "-o", folder.path, "--variant", "plain", "--jobs", jobs,
                                            "--name", "Faktura/{{ currency }}"], mergeErrors: true)
    #expect(run.status == 0, "\(run.output)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.count == 12 && names.allSatisfy { $0.hasPrefix("Faktura_") && $0.hasSuffix(".pdf") }, "\(names.sorted())")
}

/// What a process killed in the middle of a write leaves (its temporary file) is removed for the
/// name that is written again, and nothing else in the folder is touched.
@Test func leftoversOfAKilledWriterAreRemovedForThatNameOnly() throws {
    let folder = try scratch("leftovers")
    let path = folder.appendingPathComponent("00042.pdf").path
    for name in [".00042.pdf.4711.123.part", ".00042.pdf.99.7.part", ".00043.pdf.4711.5.part", "00041.pdf"] {
        try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    AtomicFile.removeLeftovers(of: path)
    try AtomicFile.write(Array("%PDF".utf8), to: path)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == [".00043.pdf.4711.5.part", "00041.pdf", "00042.pdf"])
}

@Test func aPathIsSplitIntoItsFolderAndName() {
    #expect(AtomicFile.split("out/a/b.pdf") == ("out/a", "b.pdf"))
    #expect(AtomicFile.split("/b.pdf") == ("/", "b.pdf"))
    #expect(AtomicFile.split("b.pdf") == (".", "b.pdf"))
    #expect(AtomicFile.split("ü/č.pdf") == ("ü", "č.pdf"))
}
