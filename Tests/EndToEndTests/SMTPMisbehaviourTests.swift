// `pressroom send` against servers that misbehave, and against a bad template: a server that
// cuts the connection mid-DATA (the message goes on a new connection, once), one that cuts every
// connection (each record reported, a rerun delivers them all once), a slow server watched for
// how many messages are in flight (at most --smtp-connections, at most --smtp-per-domain to one
// domain), and an email template naming a variable the composer does not fill (an error at its
// file and line before anything is sent). The server is Tests/Tools/misbehaving_smtp.py.
import Foundation
import Testing
import TestScratch

private let pressroom = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

/// Tests/Tools/misbehaving_smtp.py in the background; stopped with `stop()`.
private struct MisbehavingServer {
    let folder: String
    let port = SMTPSink.freePort()

    init(_ name: String, options: [String]) throws {
        folder = Scratch.url("pressroom-smtp-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/misbehaving_smtp.py").path
        let started = try ExternalTool.startServer("/usr/bin/python3", [script, "--port", "\(port)", "--dir", folder + "/mails",
                                                                        "--pidfile", folder + "/mails.pid", "--stats", folder + "/stats.json",
                                                                        "--background"] + options, log: folder + "/start.log")
        guard started.status == 0 else { throw ExternalToolError.failed(command: "misbehaving_smtp.py", status: started.status, output: started.output) }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: folder + "/stats.json") { Thread.sleep(forTimeInterval: 0.05) }
    }

    var stats: [String: Any] {
        (FileManager.default.contents(atPath: folder + "/stats.json")).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
    }

    var messages: [String] {
        SMTPSink.messages(folder + "/mails").compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    func stop() { SMTPSink.kill(folder: folder + "/mails") }
}

private func send(_ data: String, server: MisbehavingServer, ledger: String, extra: [String]) throws -> ToolOutput {
    try ExternalTool.run(pressroom, ["send", "invoice", data, "--from", "billing@strojirny.example", "--date", "2026-12-04",
                                     "--smtp", "127.0.0.1:\(server.port)", "--smtp-security", "none", "--ledger", ledger,
                                     "--post", "deutsche-post", "--post-dir", server.folder + "/post"] + extra, mergeErrors: true)
}

private func messageIDs(_ messages: [String]) -> [String] {
    messages.compactMap { $0.firstMatch(of: /(?m)^Message-ID: (<[^>]+>)/).map { String($0.1) } }
}

@Test func aConnectionCutMidDataIsRetriedAndEveryMessageArrivesOnce() throws {
    let server = try MisbehavingServer("cut", options: ["--drop-after-bytes", "20000", "--drop-connections", "2"])
    defer { server.stop() }
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let run = try send(data, server: server, ledger: server.folder + "/ledger.jsonl",
                       extra: ["--smtp-attempts", "3", "--smtp-retry-delay", "0.1", "--smtp-connections", "1"])
    #expect(run.status == 0, "\(run.output)")
    #expect(server.stats["dropped"] as? Int == 2)
    let ids = messageIDs(server.messages)
    #expect(ids.count == 10 && Set(ids).count == 10, "10 emails, each once: \(ids)")
}

@Test func aServerThatCutsEveryConnectionLosesNothing() throws {
    let down = try MisbehavingServer("down", options: ["--drop-after-bytes", "1000", "--drop-connections", "1000"])
    let ledger = down.folder + "/ledger.jsonl"
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let first = try send(data, server: down, ledger: ledger, extra: ["--smtp-attempts", "2", "--smtp-retry-delay", "0.1"])
    down.stop()
    #expect(first.status == 1, "the two postal records went; no email did\n\(first.output)")
    for record in [1, 2, 3, 5, 6, 7, 8, 9, 10, 11] {
        #expect(first.output.contains("record \(record): "), "record \(record) is not reported\n\(first.output)")
    }
    #expect(first.output.contains("not sent after 2 tries") && first.output.contains("a rerun tries again"), "\(first.output)")
    #expect(down.messages.isEmpty)

    // The server back (on a port of its own): the rerun sends every email once and batches nothing again.
    let up = try MisbehavingServer("up", options: [])
    defer { up.stop() }
    let second = try send(data, server: up, ledger: ledger, extra: [])
    #expect(second.status == 0, "\(second.output)")
    let ids = messageIDs(up.messages)
    #expect(ids.count == 10 && Set(ids).count == 10, "\(ids)")
    #expect(!second.output.contains("Postal batch"), "the postal records were batched in the first run\n\(second.output)")
}

@Test func messagesOverlapButNeverMoreThanAllowedPerDomain() throws {
    let server = try MisbehavingServer("slow", options: ["--delay", "0.4"])
    defer { server.stop() }
    // Twelve invoices: eight to one domain, four to another, interleaved.
    let template = try #require(String(contentsOfFile: Samples.root + "/Fixtures/records/invoices-delivery.jsonl", encoding: .utf8)
        .split(separator: "\n").first.map(String.init))
    let lines = (1...12).map { index -> String in
        let domain = index % 3 == 0 ? "beta.example" : "alpha.example"
        return template.replacingOccurrences(of: "accounts@pekarna-u-stastnych-sro.example", with: "customer\(index)@\(domain)")
            .replacingOccurrences(of: "invoice-FV-2026-000001", with: "parallel-\(index)")
    }
    let data = server.folder + "/twelve.jsonl"
    try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let run = try send(data, server: server, ledger: server.folder + "/ledger.jsonl",
                       extra: ["--smtp-connections", "4", "--smtp-per-domain", "2"])
    #expect(run.status == 0, "\(run.output)")
    let stats = server.stats
    let perDomain = stats["peak_per_domain"] as? [String: Int] ?? [:]
    #expect(stats["stored"] as? Int == 12)
    #expect(perDomain["alpha.example"] == 2, "two at once to alpha.example, never more: \(stats)")
    #expect((perDomain["beta.example"] ?? 0) <= 2, "\(stats)")
    #expect((stats["peak"] as? Int ?? 0) >= 3 && (stats["peak"] as? Int ?? 0) <= 4, "messages overlap, at most four: \(stats)")
}

@Test func aTemplateWithAnUnknownVariableStopsBeforeAnythingIsSent() throws {
    let scratch = try ScratchLayouts("email-unknown-variable")
    let path = scratch.folder.appendingPathComponent("email/message.txt.mustache").path
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "{{/paragraphs}}", with: "{{/paragraphs}}\nYour customer number: {{customer_nmber}}")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let work = scratch.folder.appendingPathComponent("work").path
    let run = try ExternalTool.run(pressroom, ["send", "invoice", Samples.root + "/Fixtures/records/invoices-delivery.jsonl",
                                               "--layouts", scratch.folder.path, "--from", "billing@strojirny.example",
                                               "--outbox", work + "/outbox", "--ledger", work + "/ledger.jsonl"], mergeErrors: true)
    #expect(run.status == 2, "\(run.output)")
    #expect(run.output.contains("message.txt.mustache:") && run.output.contains("customer_nmber"), "the file, its line and the name\n\(run.output)")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: work + "/outbox")) ?? []).isEmpty, "nothing was written")
}
