// Email end to end against a real SMTP server on loopback (../shared/tools/mail/smtp-sink, with
// STARTTLS and AUTH required): the bundled invoices go out through `pressroom send`, each
// message passes mailcheck (MIME, RFC 2047/2231, DKIM RSA and Ed25519 by dkimpy, SpamAssassin
// under 1.0, the HTML without overflow at 375 px and changed by dark mode in Chromium) and
// carries the very PDF `render` writes; a 550 is a hard bounce, a 451 is tried again and goes
// once the server recovers, a record without an address is reported; a server without STARTTLS
// gets nothing; with no server, the messages land in an outbox folder.
import Foundation
import Glibc
import PressroomDelivery
import Testing

enum SMTPSink {
    /// A free port on 127.0.0.1 (bound and released).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts the sink in the background; returns its folder.
    static func start(port: Int, folder: String, extra: [String] = ["--starttls", "--auth", "test:secret", "--auth-required"]) throws {
        let result = try ExternalTool.startServer(try MailTools.tool("smtp-sink"), ["--port", "\(port)", "--dir", folder, "--pidfile", folder + ".pid",
                                                                                  "--log", folder + ".log", "--background"] + extra,
                                                    log: folder + ".start.log")
        guard result.status == 0 else { throw ExternalToolError.failed(command: "smtp-sink", status: result.status, output: result.output) }
    }

    static func stop(folder: String) {
        _ = try? ExternalTool.run(try MailTools.tool("smtp-sink"), ["--stop", "--pidfile", folder + ".pid"], mergeErrors: true)
    }

    /// Ends the sink at once (SIGKILL): a clean stop waits for the client's open connection.
    static func kill(folder: String) {
        guard let text = try? String(contentsOfFile: folder + ".pid", encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        for _ in 0..<50 where Glibc.kill(pid, 0) == 0 { _ = waitpid(pid, &status, WNOHANG); Thread.sleep(forTimeInterval: 0.1) }
        try? FileManager.default.removeItem(atPath: folder + ".pid")
    }

    static func messages(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }.sorted().map { folder + "/" + $0 }
    }
}

private let pressroom = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

/// `pressroom send` with the test's keys; each call has a ledger of its own unless given one.
private func sendArguments(_ arguments: [String], keys: URL, ledger: String? = nil) -> [String] {
    ["send"] + arguments + [
        "--from", "Strojírny Křižík a.s. <billing@strojirny.example>", "--date", "2026-12-04",
        "--dkim-key", keys.appendingPathComponent("rsa.pem").path, "--dkim-selector", "rsa1",
        "--dkim-ed25519-key", keys.appendingPathComponent("ed.pem").path, "--dkim-ed25519-selector", "ed1",
        "--ledger", ledger ?? keys.appendingPathComponent("ledger-\(UUID().uuidString).jsonl").path,
    ]
}

private func send(_ arguments: [String], keys: URL, ledger: String? = nil, password: String = "secret") throws -> ToolOutput {
    try ExternalTool.run(pressroom, sendArguments(arguments, keys: keys, ledger: ledger), mergeErrors: true,
                         environment: ["PRESSROOM_SMTP_PASSWORD": password])
}

@Test func invoicesGoOutSignedThroughSTARTTLSAndPassEveryCheck() throws {
    let keys = try MailTools.keys("send")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder)
    defer { SMTPSink.stop(folder: folder) }
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let run = try send(["invoice", data, "--smtp", "127.0.0.1:\(port)", "--smtp-user", "test", "--smtp-ca", folder + "/.tls/cert.pem",
                        "--smtp-attempts", "2", "--smtp-retry-delay", "0.2"], keys: keys)
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("record 7: bounce@northwind-trading-ltd.example bounced (550 5.1.1"), "\(run.output)")
    #expect(run.output.contains("record 4: it goes by post, and no --post profile was given"), "\(run.output)")
    #expect(run.output.contains("record 10: tempfail-once@prevoz-scepanovic-doo.example not sent after 2 tries: 451"), "\(run.output)")
    #expect(run.output.contains("record 12: the record has no email address"), "\(run.output)")
    // Twelve records: record 4 prefers post, 7 bounces, 10 is deferred, 12 has no address.
    let messages = SMTPSink.messages(folder)
    #expect(messages.count == 8)
    // Every message came over TLS after a login.
    for message in messages {
        let envelope = try String(contentsOfFile: message.replacingOccurrences(of: ".eml", with: ".json"), encoding: .utf8)
        #expect(envelope.contains("\"tls\": true") && envelope.contains("\"auth_user\": \"test\""), "\(envelope)")
    }
    // mailcheck on every message; SpamAssassin and Chromium on the first.
    for (index, message) in messages.enumerated() {
        var arguments = [message, "--dkim-key-dir", keys.appendingPathComponent("public").path, "--expect-attachment-type", "application/pdf"]
        if index == 0 { arguments += ["--spam", "--spam-threshold", "1.0", "--render", keys.appendingPathComponent("shots").path] }
        let check = try ExternalTool.run(try MailTools.tool("mailcheck"), arguments, mergeErrors: true)
        #expect(check.status == 0, "\(message): \(check.output)")
        #expect(check.output.contains("a=rsa-sha256 d=strojirny.example s=rsa1 verifies") && check.output.contains("a=ed25519-sha256 d=strojirny.example s=ed1 verifies"),
                "\(check.output)")
        if index == 0 {
            #expect(check.output.contains("PASS no horizontal overflow at 375 px"), "\(check.output)")
            #expect(check.output.contains("dark mode: rendering changes"), "\(check.output)")
        }
    }
    // The attachment is the PDF `render` writes for the same record, byte for byte.
    let rendered = keys.appendingPathComponent("rendered").path
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let render = try ExternalTool.run(binary, ["render", "invoice", Samples.root + "/Fixtures/records/invoices.jsonl", "-o", rendered], mergeErrors: true)
    #expect(render.status == 0, "\(render.output)")
    let extract = """
    import email, sys
    from email import policy
    m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
    for part in m.iter_attachments():
        open(sys.argv[2], 'wb').write(part.get_content()); print(part.get_filename())
    """
    let attachment = keys.appendingPathComponent("attachment.pdf").path
    let named = try ExternalTool.run("python3", ["-c", extract, messages[0], attachment])
    let name = named.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(name == "FV-2026-000001.pdf", "\(named.output) \(named.errors)")
    #expect(FileManager.default.contents(atPath: attachment) == FileManager.default.contents(atPath: rendered + "/" + name))
}

@Test func aDeferredMessageGoesOnceTheServerRecovers() throws {
    let keys = try MailTools.keys("retry")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder)
    let data = keys.appendingPathComponent("one.jsonl").path
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices-delivery.jsonl", encoding: .utf8).split(separator: "\n")
    try String(lines[9] + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    // The server defers the first try; a moment later it is restarted without the fault.
    let restart = Thread {
        Thread.sleep(forTimeInterval: 1.0)
        SMTPSink.kill(folder: folder)
        // The port may take a moment to be free again (the client's connection is closing).
        for _ in 0..<20 {
            if (try? SMTPSink.start(port: port, folder: folder,
                                    extra: ["--starttls", "--auth", "test:secret", "--auth-required", "--tempfail", "no-such-text"])) != nil { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
    }
    restart.start()
    let run = try send(["invoice", data, "--smtp", "127.0.0.1:\(port)", "--smtp-user", "test", "--smtp-ca", folder + "/.tls/cert.pem",
                        "--smtp-attempts", "4", "--smtp-retry-delay", "1.5"], keys: keys)
    defer { SMTPSink.stop(folder: folder) }
    #expect(run.status == 0, "\(run.output)")
    #expect(SMTPSink.messages(folder).count == 1)
}

@Test func aServerWithoutSTARTTLSGetsNothingAndTheOutboxIsTheDefault() throws {
    let keys = try MailTools.keys("plain")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder, extra: [])
    defer { SMTPSink.stop(folder: folder) }
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let refused = try send(["invoice", data, "--smtp", "127.0.0.1:\(port)"], keys: keys)
    #expect(refused.status == 2, "\(refused.output)")
    #expect(refused.output.contains("does not offer STARTTLS"), "\(refused.output)")
    #expect(SMTPSink.messages(folder).isEmpty)

    let outbox = keys.appendingPathComponent("outbox").path
    let written = try send(["invoice", data, "--outbox", outbox], keys: keys)
    #expect(written.status == 1, "the record without an address: \(written.output)")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).filter { $0.hasSuffix(".eml") }
    // Not record 4 (it prefers post) nor record 12 (no address): both are listed as wanting --post.
    #expect(files.count == 10)
    #expect(written.output.contains("record 4: it goes by post, and no --post profile was given"), "\(written.output)")
    #expect(files.contains { $0.hasPrefix("00001-") })
}

@Test func aBounceGoesByPostAndAKilledRunRerunDeliversEveryRecordOnce() throws {
    let keys = try MailTools.keys("ledger")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    // bounce@ gets 550 5.1.1; tempfail-once@ is let through here (the retry test defers it).
    try SMTPSink.start(port: port, folder: folder, extra: ["--starttls", "--auth", "test:secret", "--auth-required", "--tempfail", "no-such-text"])
    defer { SMTPSink.stop(folder: folder) }
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let ledger = keys.appendingPathComponent("ledger.jsonl").path
    let post = keys.appendingPathComponent("post").path
    let arguments = sendArguments(["invoice", data, "--smtp", "127.0.0.1:\(port)", "--smtp-user", "test", "--smtp-ca", folder + "/.tls/cert.pem",
                                   "--post", "deutsche-post", "--post-dir", post], keys: keys, ledger: ledger)

    // The first run is killed (SIGKILL) once three messages are in the ledger as sent.
    let first = Process()
    first.executableURL = URL(fileURLWithPath: pressroom)
    first.arguments = arguments
    first.environment = ProcessInfo.processInfo.environment.merging(["PRESSROOM_SMTP_PASSWORD": "secret"]) { $1 }
    first.standardOutput = FileHandle.nullDevice
    first.standardError = FileHandle.nullDevice
    try first.run()
    let deadline = Date().addingTimeInterval(120)
    while first.isRunning, Date() < deadline {
        let text = (try? String(contentsOfFile: ledger, encoding: .utf8)) ?? ""
        if text.components(separatedBy: "\"kind\":\"sent\"").count - 1 >= 3 { break }
        Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(first.isRunning, "the first run ended before it could be killed mid-batch")
    Glibc.kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    let sentBeforeTheCrash = SMTPSink.messages(folder).count
    #expect(sentBeforeTheCrash >= 3 && sentBeforeTheCrash < 9, "\(sentBeforeTheCrash) messages before the kill")
    // The messages the kill caught between handing their content over and the server's reply:
    // those whose last ledger event is `sending`. Only these may arrive twice (SMTP cannot say).
    let inDoubt = try lastEmailEvents(ledger).filter { $0.value["kind"] as? String == "sending" }
    let doubtfulIDs = Set(inDoubt.values.compactMap { $0["message_id"] as? String })
    #expect(doubtfulIDs.count == inDoubt.count, "every sending event names its Message-ID: \(inDoubt)")

    let rerun = try ExternalTool.run(pressroom, arguments, mergeErrors: true, environment: ["PRESSROOM_SMTP_PASSWORD": "secret"])
    #expect(rerun.status == 0, "\(rerun.output)")
    #expect(rerun.output.contains("bounce@northwind-trading-ltd.example bounced (550 5.1.1"), "\(rerun.output)")
    for (_, event) in inDoubt {
        #expect(rerun.output.contains("record \(event["record"] as? Int ?? 0): an earlier run stopped after handing its message to the server"), "\(rerun.output)")
    }
    // Nine records have a working address; each arrived, under its own Message-ID, once, or
    // twice only if the kill left it in doubt.
    let messages = SMTPSink.messages(folder)
    let ids = try messages.map { path in
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }
            .map { String($0.drop { $0 != "<" }) } ?? path
    }
    #expect(Set(ids).count == 9, "\(ids)")
    let repeated = Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }
    #expect(repeated.allSatisfy { doubtfulIDs.contains($0.key) && $0.value.count == 2 }, "sent twice: \(repeated.keys), in doubt: \(doubtfulIDs)")
    #expect(messages.count == 9 + repeated.count)
    // Record 4 (prefers post), 7 (hard bounce) and 12 (no email) are in one postal batch, once.
    let batches = try FileManager.default.contentsOfDirectory(atPath: post)
    #expect(batches.count == 1, "\(batches)")
    let manifest = try String(contentsOfFile: "\(post)/\(batches[0])/manifest.csv", encoding: .utf8)
    let records = manifest.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[1] }
    #expect(records.sorted() == ["12", "4", "7"], "\(manifest)")

    // A third run has nothing left to do.
    let third = try ExternalTool.run(pressroom, arguments, mergeErrors: true, environment: ["PRESSROOM_SMTP_PASSWORD": "secret"])
    #expect(third.status == 0, "\(third.output)")
    #expect(third.output.contains("Sent 0 messages"), "\(third.output)")
    #expect(SMTPSink.messages(folder).count == messages.count)
    #expect(try FileManager.default.contentsOfDirectory(atPath: post).count == 1)
}

@Test func aMessageLeftInDoubtGoesAgainUnderItsMessageIDAndIsNamed() throws {
    let keys = try MailTools.keys("doubt")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder, extra: ["--starttls"])
    defer { SMTPSink.stop(folder: folder) }
    let data = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let single = keys.appendingPathComponent("record-2.jsonl").path
    try String(try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")[1] + "\n").write(toFile: single, atomically: true, encoding: .utf8)
    let ledger = keys.appendingPathComponent("ledger.jsonl").path
    let arguments = ["invoice", single, "--smtp", "127.0.0.1:\(port)", "--smtp-ca", folder + "/.tls/cert.pem"]
    let first = try send(arguments, keys: keys, ledger: ledger)
    #expect(first.status == 0, "\(first.output)")
    // The ledger marks the message `sending` before its content goes, then `sent` with the reply,
    // both with the Message-ID the message carries.
    let events = try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(events.map { $0["kind"] as? String } == ["rendered", "sending", "sent"])
    let messageID = try #require(events[2]["message_id"] as? String)
    #expect(events[1]["message_id"] as? String == messageID)
    let sent = try String(contentsOfFile: try #require(SMTPSink.messages(folder).first), encoding: .utf8)
    #expect(sent.contains("\r\nMessage-ID: \(messageID)\r\n"))
    // A run stopped before the reply leaves `sending` last: the rerun sends the message again,
    // under the same Message-ID, and names the record. A `sent` one it leaves alone.
    try String(decoding: try JSONSerialization.data(withJSONObject: events[0], options: [.sortedKeys]), as: UTF8.self).appending("\n")
        .appending(String(decoding: try JSONSerialization.data(withJSONObject: events[1], options: [.sortedKeys]), as: UTF8.self)).appending("\n")
        .write(toFile: ledger, atomically: true, encoding: .utf8)
    let rerun = try send(arguments, keys: keys, ledger: ledger)
    #expect(rerun.status == 0, "\(rerun.output)")
    #expect(rerun.output.contains("Sent 1 message through"), "\(rerun.output)")
    #expect(rerun.output.contains("record 1: an earlier run stopped after handing its message to the server and before the server's reply; "
                                  + "it went again under the same Message-ID \(messageID), so it may arrive twice"), "\(rerun.output)")
    let messages = SMTPSink.messages(folder)
    #expect(messages.count == 2)
    #expect(try messages.allSatisfy { try String(contentsOfFile: $0, encoding: .utf8).contains("\r\nMessage-ID: \(messageID)\r\n") })
    let again = try send(arguments, keys: keys, ledger: ledger)
    #expect(again.output.contains("Sent 0 messages"), "\(again.output)")
    #expect(!again.output.contains("an earlier run stopped"), "\(again.output)")
    #expect(SMTPSink.messages(folder).count == 2)
}

@Test func aMarkThatCannotBeWrittenSendsNothingAndHoldsNoConnection() async throws {
    let folder = try MailTools.keys("mark").appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder, extra: [])
    defer { SMTPSink.stop(folder: folder) }
    let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, attempts: 1)
    let message = Array("From: a@strojirny.example\r\nTo: b@customer.example\r\nSubject: x\r\n\r\nbody\r\n".utf8)
    let full = DeliveryError.configuration("cannot write the delivery ledger: No space left on device")
    // The ledger cannot take the `sending` mark (a full disk): the server, waiting in DATA, gets no
    // content, and the connection is closed at once (a QUIT would be read as content, and its
    // reply waited for until the timeout).
    // Opening is not what this test is about: on a loaded CI machine the first open once failed
    // with "the connection to the server is closed", so it is tried again (the sink's log is
    // kept in the failure if every try fails).
    var opened: SMTPConnection?
    for attempt in 1...3 where opened == nil {
        do { opened = try await SMTPConnection.open(configuration) } catch {
            if attempt == 3 {
                let log = (try? String(contentsOfFile: folder + ".log", encoding: .utf8)) ?? "no sink log"
                Issue.record("cannot open a connection to the sink: \(error)\n\(log)")
                return
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
    let connection = try #require(opened)
    await #expect(throws: DeliveryError.self) {
        _ = try await connection.send(message, from: "a@strojirny.example", to: ["b@customer.example"]) { throw full }
    }
    #expect(!connection.isOpen)
    // Through the mailer: the ledger's error is the result, nothing arrives, and the next message
    // goes on a new connection.
    let mailer = Mailer(configuration)
    let refused = await mailer.send(message, from: "a@strojirny.example", to: "b@customer.example") { throw full }
    #expect(refused == .gaveUp(reason: full.description, attempts: 1), "\(refused)")
    #expect(SMTPSink.messages(folder).isEmpty)
    let sent = await mailer.send(message, from: "a@strojirny.example", to: "b@customer.example") {}
    guard case .sent = sent else { Issue.record("\(sent)"); return }
    await mailer.close()
    #expect(SMTPSink.messages(folder).count == 1)
}

/// The last email event of each key in a ledger file, as JSON objects.
private func lastEmailEvents(_ ledger: String) throws -> [String: [String: Any]] {
    var last: [String: [String: Any]] = [:]
    for line in try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n") {
        guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              event["channel"] as? String == "email", let key = event["key"] as? String else { continue }
        last[key] = event
    }
    return last
}

@Test func theRecordsDNSPrintsAreTheOnesTheMessagesVerifyAgainst() throws {
    let folder = try MailTools.keys("dns")
    let rsa = folder.appendingPathComponent("new-rsa.pem").path, ed = folder.appendingPathComponent("new-ed.pem").path
    let zone = try ExternalTool.run(pressroom, ["dns", "strojirny.example", "--selector", "s2026", "--dkim-key", rsa,
                                                "--ed25519-selector", "e2026", "--dkim-ed25519-key", ed, "--generate", "--reports", "dmarc@strojirny.example"])
    #expect(zone.status == 0, "\(zone.errors)")
    #expect(zone.output.contains("strojirny.example. 3600 IN TXT \"v=spf1 mx ~all\""), "\(zone.output)")
    #expect(zone.output.contains("_dmarc.strojirny.example. 3600 IN TXT \"v=DMARC1; p=quarantine; adkim=r; aspf=r; rua=mailto:dmarc@strojirny.example\""))
    #expect(try FileManager.default.attributesOfItem(atPath: rsa)[.posixPermissions] as? Int == 0o600)
    let zoneFile = folder.appendingPathComponent("zone.txt").path
    try zone.output.write(toFile: zoneFile, atomically: true, encoding: .utf8)

    let outbox = folder.appendingPathComponent("outbox").path
    let data = folder.appendingPathComponent("one.jsonl").path
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices-delivery.jsonl", encoding: .utf8).split(separator: "\n")
    try String(lines[0] + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let sent = try ExternalTool.run(pressroom, ["send", "invoice", data, "--outbox", outbox, "--from", "billing@strojirny.example",
                                                "--dkim-key", rsa, "--dkim-selector", "s2026", "--dkim-ed25519-key", ed, "--dkim-ed25519-selector", "e2026",
                                                "--ledger", folder.appendingPathComponent("ledger.jsonl").path], mergeErrors: true)
    #expect(sent.status == 0, "\(sent.output)")
    let message = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox).first { $0.hasSuffix(".eml") })
    let check = try ExternalTool.run(try MailTools.tool("mailcheck"), [outbox + "/" + message, "--dkim-dns-file", zoneFile], mergeErrors: true)
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("s2026") && check.output.contains("e2026"), "\(check.output)")
}

@Test func statusWebhooksAreSignedRetriedAndRefusedWhenReplayedOrTampered() throws {
    let keys = try MailTools.keys("webhooks")
    let folder = keys.appendingPathComponent("mails").path
    let port = SMTPSink.freePort()
    try SMTPSink.start(port: port, folder: folder, extra: ["--starttls", "--auth", "test:secret", "--auth-required", "--tempfail", "no-such-text"])
    defer { SMTPSink.stop(folder: folder) }
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    // The endpoint answers 500 to each request's first try.
    let receiver = try WebhookReceiver(secret: secret, log: keys.appendingPathComponent("webhooks.jsonl").path, failFirst: true)
    defer { receiver.stop() }
    let ledger = keys.appendingPathComponent("ledger.jsonl").path
    let documents = keys.appendingPathComponent("documents").path
    let run = try ExternalTool.run(pressroom, sendArguments([
        "invoice", Samples.root + "/Fixtures/records/invoices-delivery.jsonl", "--smtp", "127.0.0.1:\(port)", "--smtp-user", "test",
        "--smtp-ca", folder + "/.tls/cert.pem", "--post", "deutsche-post", "--post-dir", keys.appendingPathComponent("post").path,
        "--webhook", "http://127.0.0.1:\(receiver.port)/events", "--webhook-retry-delay", "0.1", "--documents", documents,
    ], keys: keys, ledger: ledger), mergeErrors: true, environment: ["PRESSROOM_SMTP_PASSWORD": "secret", "PRESSROOM_WEBHOOK_SECRET": secret])
    #expect(run.status == 0, "\(run.output)")

    let requests = receiver.requests
    #expect(!requests.isEmpty && requests.allSatisfy { $0["verified"] as? Bool == true }, "every request verifies")
    // Every event went twice: refused with 500, then accepted; one accepted request per ledger
    // line, but for the `sending` marks, which stay in the ledger (one per message that went).
    let accepted = requests.filter { $0["status"] as? Int == 204 }
    let lines = try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n")
    let events = lines.filter { !$0.contains("\"kind\":\"sending\"") }
    #expect(lines.count - events.count == 9, "one for each message the server took (the bounce is refused before its content)")
    #expect(accepted.count == events.count)
    #expect(requests.filter { $0["status"] as? Int == 500 }.count == accepted.count)
    #expect(Set(accepted.compactMap { $0["id"] as? String }).count == accepted.count)
    let types = Set(accepted.compactMap { $0["type"] as? String })
    #expect(types == ["document.rendered", "document.sent", "document.bounced", "document.fallen_back_to_post", "document.queued", "document.batched"],
            "\(types)")
    // A sent event carries the record's data and a link to its PDF, which is the rendered file.
    let sent = try #require(accepted.first { $0["type"] as? String == "document.sent" })
    let body = try #require(try JSONSerialization.jsonObject(with: Data((sent["body"] as? String ?? "").utf8)) as? [String: Any])
    let data = try #require(body["data"] as? [String: Any])
    #expect((data["data"] as? [String: Any])?["number"] as? String == "FV-2026-000001")
    let document = try #require(data["document"] as? [String: Any])
    let url = try #require(document["url"] as? String)
    #expect(url.hasPrefix("file:///") && url.hasSuffix("FV-2026-000001.pdf"))
    #expect(FileManager.default.fileExists(atPath: URL(string: url)!.path))

    // The same request again is a replay; a changed body no longer matches its signature.
    let probe = try ExternalTool.run("python3", [WebhookReceiver.script, "probe", "--port", "\(receiver.port)", "--log", receiver.log])
    #expect(probe.output.contains("replayed 409") && probe.output.contains("tampered 401"), "\(probe.output) \(probe.errors)")
}

@Test func webhooksThatNeverGoThroughAreKeptAsDeadLetters() throws {
    let keys = try MailTools.keys("dead-letters")
    let data = keys.appendingPathComponent("one.jsonl").path
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices-delivery.jsonl", encoding: .utf8).split(separator: "\n")
    try String(lines[0] + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let dead = keys.appendingPathComponent("dead.jsonl").path
    let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
    // Nothing listens on the port.
    let run = try ExternalTool.run(pressroom, sendArguments(["invoice", data, "--outbox", keys.appendingPathComponent("outbox").path,
                                                            "--webhook", "http://127.0.0.1:\(SMTPSink.freePort())/events", "--webhook-attempts", "2",
                                                            "--webhook-retry-delay", "0.05", "--webhook-dead-letters", dead], keys: keys),
                                   mergeErrors: true, environment: ["PRESSROOM_WEBHOOK_SECRET": secret])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("Webhooks: 0 delivered"), "\(run.output)")
    let letters = try String(contentsOfFile: dead, encoding: .utf8).split(separator: "\n")
    #expect(letters.count == 2, "rendered and sent: \(letters)")
    #expect(letters.allSatisfy { $0.contains("\"attempts\":2") && $0.contains("\"id\":\"msg_") })

    // The endpoint up: `webhooks resend` sends both again, signed anew, with their ids; the file empties.
    let receiver = try WebhookReceiver(secret: secret, log: keys.appendingPathComponent("resent.jsonl").path, failFirst: false)
    defer { receiver.stop() }
    let resend = try ExternalTool.run(pressroom, ["webhooks", "resend", "--webhook", "http://127.0.0.1:\(receiver.port)/events",
                                                  "--webhook-dead-letters", dead], mergeErrors: true,
                                      environment: ["PRESSROOM_WEBHOOK_SECRET": secret])
    #expect(resend.status == 0 && resend.output.contains("2 delivered"), "\(resend.output)")
    let requests = receiver.requests
    #expect(requests.count == 2 && requests.allSatisfy { $0["verified"] as? Bool == true && $0["status"] as? Int == 204 }, "\(requests)")
    let ids = letters.compactMap { $0.firstMatch(of: /"id":"(msg_[^"]+)"/).map { String($0.1) } }
    #expect(Set(requests.compactMap { $0["id"] as? String }) == Set(ids))
    #expect(!FileManager.default.fileExists(atPath: dead))
    let again = try ExternalTool.run(pressroom, ["webhooks", "resend", "--webhook-dead-letters", dead], mergeErrors: true)
    #expect(again.status == 0 && again.output.contains("No dead letters"), "\(again.output)")
}
