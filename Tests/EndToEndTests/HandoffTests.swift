// The postal hand-off through the command line: `send` hands its postal batch to a print shop;
// `handoff` lets that shop (and only that shop) list it, download it with its files checked
// against SHA256SUMS, and acknowledge it received, printed and posted, forward only; every
// acknowledgement lands in the delivery ledger for each record of the batch.
import Foundation
import Testing
import TestScratch

private let pressroom = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

@Test func aPrintShopSeesDownloadsAndAcknowledgesOnlyItsOwnBatches() throws {
    let work = Scratch.url("pressroom-handoff-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let post = work + "/post", ledger = work + "/ledger.jsonl"
    func run(_ arguments: [String]) throws -> ToolOutput { try ExternalTool.run(pressroom, arguments, mergeErrors: true) }

    // Two sends, two shops: records 4 (post by preference) and 12 (no address) for one; a copy
    // of record 4 under another key for the other.
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let first = try run(["send", "invoice", data, "--from", "billing@strojirny.example", "--date", "2026-12-04", "--outbox", work + "/outbox",
                         "--post", "deutsche-post", "--post-dir", post, "--print-shop", "druckerei-nord", "--ledger", ledger])
    #expect(first.output.contains("handed to print shop druckerei-nord"), "\(first.output)")
    let record4 = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")[3]
        .replacingOccurrences(of: "invoice-FV-2026-000004", with: "reprint-FV-2026-000004")
    try (record4 + "\n").write(toFile: work + "/one.jsonl", atomically: true, encoding: .utf8)
    let second = try run(["send", "invoice", work + "/one.jsonl", "--from", "billing@strojirny.example", "--date", "2026-12-04",
                          "--outbox", work + "/outbox", "--post", "deutsche-post", "--post-dir", post, "--print-shop", "copy-centre",
                          "--ledger", work + "/ledger2.jsonl"])
    #expect(second.status == 0, "\(second.output)")
    let batches = try FileManager.default.contentsOfDirectory(atPath: post).sorted()
    #expect(batches.count == 2)

    let nord = try run(["handoff", "list", "--shop", "druckerei-nord", "--post-dir", post])
    let nordBatch = try #require(nord.output.split(separator: " ").first.map(String.init))
    #expect(nord.output.contains("ready") && nord.output.contains("2 pieces"), "\(nord.output)")
    #expect(nord.output.split(separator: "\n").count == 1)
    let otherBatch = try #require(batches.first { $0 != nordBatch })
    let centre = try run(["handoff", "list", "--shop", "copy-centre", "--post-dir", post])
    #expect(centre.output.hasPrefix(otherBatch) && !centre.output.contains(nordBatch), "\(centre.output)")

    // Another shop's batch does not exist for this one.
    let foreign = try run(["handoff", "download", otherBatch, "--shop", "druckerei-nord", "--post-dir", post, "--to", work + "/foreign"])
    #expect(foreign.status == 1 && foreign.output.contains("print shop druckerei-nord has no batch \(otherBatch)"), "\(foreign.output)")
    #expect(!FileManager.default.fileExists(atPath: work + "/foreign"))

    // Download: the very files, SHA256SUMS with them; a changed file is refused.
    let download = try run(["handoff", "download", nordBatch, "--shop", "druckerei-nord", "--post-dir", post, "--to", work + "/got"])
    #expect(download.status == 0, "\(download.output)")
    let pdf = "\(nordBatch).pdf"
    #expect(FileManager.default.contents(atPath: "\(work)/got/\(pdf)") == FileManager.default.contents(atPath: "\(post)/\(nordBatch)/\(pdf)"))
    for name in ["SHA256SUMS", "manifest.csv", "manifest.json", "\(nordBatch).xjdf"] {
        #expect(FileManager.default.fileExists(atPath: "\(work)/got/\(name)"), "\(name) was not downloaded")
    }
    let manifest = "\(post)/\(nordBatch)/manifest.csv"
    let original = try #require(FileManager.default.contents(atPath: manifest))
    try (original + Data("tampered\r\n".utf8)).write(to: URL(fileURLWithPath: manifest))
    let damaged = try run(["handoff", "download", nordBatch, "--shop", "druckerei-nord", "--post-dir", post, "--to", work + "/bad"])
    #expect(damaged.status == 1 && damaged.output.contains("manifest.csv does not match its SHA-256"), "\(damaged.output)")
    try original.write(to: URL(fileURLWithPath: manifest))

    // Acknowledgements: forward only, repeats change nothing, each in the ledger per record.
    func ack(_ stage: String, _ batch: String = nordBatch) throws -> ToolOutput {
        try run(["handoff", "ack", batch, stage, "--shop", "druckerei-nord", "--post-dir", post, "--ledger", ledger, "--note", "bay 3"])
    }
    func acknowledged() throws -> [[String: Any]] {
        try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["kind"] as? String == "acknowledged" }
    }
    let received = try ack("received")
    #expect(received.status == 0 && received.output.contains("2 records"), "\(received.output)")
    #expect(try acknowledged().compactMap { $0["key"] as? String }.sorted() == ["invoice-FV-2026-000004", "invoice-FV-2026-000012"])
    #expect(try acknowledged().allSatisfy { $0["stage"] as? String == "received" && $0["batch"] as? String == nordBatch })
    #expect(try ack("received").output.contains("nothing changed"))
    #expect(try acknowledged().count == 2)
    #expect(try ack("posted").status == 0)
    let back = try ack("printed")
    #expect(back.status == 1 && back.output.contains("cannot go back to printed"), "\(back.output)")
    #expect(try ack("received", otherBatch).status == 1)
    #expect(try acknowledged().count == 4)
    #expect(try run(["handoff", "list", "--shop", "druckerei-nord", "--post-dir", post]).output.contains("No batches"))
    #expect(try run(["handoff", "list", "--shop", "druckerei-nord", "--post-dir", post, "--all"]).output.contains("posted since"))
    #expect(try run(["handoff", "list", "--shop", "copy-centre", "--post-dir", post]).output.contains("ready"))
}
