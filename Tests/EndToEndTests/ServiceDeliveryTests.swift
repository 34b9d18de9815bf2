// Delivery from the service, on both job stores: a job created with `deliver=true` emails each
// record that goes by email (the tenant's sender, DKIM-signed, through a real SMTP server on
// loopback), and puts in its postal batch the records that prefer post, have no address, bounce
// (550) or are still deferred (451) after their tries; every record's deliveries are in the
// ledger once, and the job finishes only when its emails are settled. Two worker processes
// share a delivering job while one is killed with SIGKILL: every record is emailed, and a
// message goes twice only in SMTP's own window, under the same Message-ID, and only when the
// ledger marked it in doubt.
import Foundation
import Testing

extension ServiceTests {
    @Test(arguments: StoreKind.allCases) func deliveringJobsEmailEachRecordOnceAndFallBackToPost(_ store: StoreKind) async throws {
        let keys = try MailTools.keys("service-\(store.rawValue)")
        let folder = keys.appendingPathComponent("mails").path
        let port = SMTPSink.freePort()
        try SMTPSink.start(port: port, folder: folder, extra: [])
        defer { SMTPSink.stop(folder: folder) }
        let service = try await Service.start(store, config: """
            smtp: "127.0.0.1:\(port)"
            smtp-security: none
            email-attempts: 2
            email-retry-delay: 0.2

            """)
        defer { service.stop() }
        let records = try Data(contentsOf: URL(fileURLWithPath: Self.records + "/invoices-delivery.jsonl"))
        let create = "/v1/jobs?layout=invoice&deliver=true&post=deutsche-post&shop=in-house"

        // No sender yet: the job is refused. Only an admin sets one, with an address and a key that signs.
        let (refused, refusedStatus) = try await service.json("POST", create, key: service.admin, body: records)
        #expect(refusedStatus == 409 && (refused["detail"] as? String)?.contains("PUT /v1/email") == true, "\(refused)")
        let submitter = try service.addKey(tenant: "demo", role: "submitter")
        let key = try String(contentsOf: keys.appendingPathComponent("rsa.pem"), encoding: .utf8)
        func setting(_ from: String, _ pem: String) throws -> Data {
            try JSONSerialization.data(withJSONObject: ["from": from, "dkimSelector": "rsa1", "dkimKey": pem])
        }
        #expect(try await service.call("PUT", "/v1/email", key: submitter, body: try setting("billing@strojirny.example", key)).1 == 403)
        let (badFrom, badFromStatus) = try await service.json("PUT", "/v1/email", key: service.admin, body: try setting("billing", key))
        #expect(badFromStatus == 400 && (badFrom["detail"] as? String)?.contains("not an address") == true, "\(badFrom)")
        let (badKey, badKeyStatus) = try await service.json("PUT", "/v1/email", key: service.admin,
                                                            body: try setting("billing@strojirny.example", "-----BEGIN PRIVATE KEY-----\nAAAA\n"))
        #expect(badKeyStatus == 400 && (badKey["detail"] as? String)?.contains("not an RSA or Ed25519 private key") == true, "\(badKey)")
        let (set, setStatus) = try await service.json("PUT", "/v1/email", key: service.admin,
                                                      body: try setting("Strojírny Křižík a.s. <billing@strojirny.example>", key))
        #expect(setStatus == 201, "\(set)")
        #expect((set["dns"] as? String)?.hasPrefix("rsa1._domainkey.strojirny.example TXT \"v=DKIM1; k=rsa; p=") == true, "\(set)")
        let keyFile = try FileManager.default.attributesOfItem(atPath: "\(service.data)/tenants/demo/dkim.pem")
        #expect((keyFile[.posixPermissions] as? Int) == 0o600)

        let (created, status) = try await service.json("POST", create, key: submitter, body: records)
        #expect(status == 202, "\(created)")
        let id = try #require(created["id"] as? String)
        let job = try await service.waitForJob(id, key: submitter)
        #expect(job["state"] as? String == "finished", "\(job)")

        // Twelve records: 4 prefers post, 7 bounces (550), 10 is deferred (451) on both tries,
        // 12 has no address; the other eight were emailed, once each.
        let messages = SMTPSink.messages(folder)
        #expect(messages.count == 8, "\(messages)")
        let deliveries = try #require(job["deliveries"] as? [String: Int], "\(job)")
        #expect(deliveries == ["email.sent": 8, "email.bounced": 1, "email.failed": 1, "post.batched": 4], "\(deliveries)")
        let undelivered = (job["undelivered"] as? [[String: Any]]) ?? []
        #expect(undelivered.map { "\($0["record"] ?? 0) \($0["state"] ?? "")" } == ["7 bounced", "10 failed"], "\(undelivered)")
        #expect((undelivered.first?["detail"] as? String)?.hasPrefix("550 5.1.1") == true, "\(undelivered)")
        #expect(try service.sql("SELECT attempts FROM deliveries WHERE job = '\(id)' AND number = 10 AND channel = 'email'") == "2")
        #expect(try service.sql("SELECT COUNT(*) FROM deliveries WHERE job = '\(id)'") == "14")
        #expect(try service.sql("SELECT COUNT(DISTINCT number) FROM deliveries WHERE job = '\(id)' AND channel = 'email' AND state = 'sent'") == "8")

        // The postal batch holds the four that go by post, and the print shop sees it.
        let batch = try #require(job["postalBatch"] as? String, "\(job)")
        let manifest = try String(contentsOfFile: "\(service.data)/post/\(batch)/manifest.csv", encoding: .utf8)
        let batched = manifest.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[1]) }
        #expect(batched.sorted() == ["10", "12", "4", "7"], "\(manifest)")
        let (pulls, _) = try await service.json("GET", "/v1/print/batches", key: service.shop)
        #expect(((pulls["batches"] as? [[String: Any]]) ?? []).contains { $0["job"] as? String == batch && $0["pieces"] as? Int == 4 }, "\(pulls)")

        // Each message is signed by the tenant's key, carries the record's PDF and passes the checks.
        let check = try ExternalTool.run(try MailTools.tool("mailcheck"), [messages[0], "--dkim-key-dir", keys.appendingPathComponent("public").path,
                                                                         "--expect-attachment-type", "application/pdf"], mergeErrors: true)
        #expect(check.status == 0 && check.output.contains("a=rsa-sha256 d=strojirny.example s=rsa1 verifies"), "\(check.output)")
        let envelope = try String(contentsOfFile: messages[0].replacingOccurrences(of: ".eml", with: ".json"), encoding: .utf8)
        #expect(envelope.contains("billing@strojirny.example"), "the envelope sender is the tenant's: \(envelope)")
        let metrics = String(decoding: try await service.call("GET", "/metrics", key: nil).0, as: UTF8.self)
        #expect(metrics.contains("pressroom_emails_sent_total 8") && metrics.contains("pressroom_emails_bounced_total 1"), "\(metrics)")

        // The same records again in a new job: each record's idempotency key was delivered once,
        // so nothing is emailed or batched again; only the bounced and failed emails are tried anew.
        let (again, _) = try await service.json("POST", create, key: submitter, body: records)
        let second = try await service.waitForJob(try #require(again["id"] as? String), key: submitter)
        #expect(second["deliveries"] as? [String: Int] == ["email.skipped": 8, "email.bounced": 1, "email.failed": 1, "post.skipped": 4],
                "\(second)")
        #expect(second["postalBatch"] == nil || second["postalBatch"] is NSNull, "\(second)")
        #expect(SMTPSink.messages(folder).count == 8)

        // Without a post profile, the records that go by post are listed as undelivered, with why.
        let unkeyed = try String(decoding: records, as: UTF8.self).split(separator: "\n").map { line in
            var record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            record["meta"] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        }.joined(separator: "\n")
        let (third, _) = try await service.json("POST", "/v1/jobs?layout=invoice&deliver=true", key: submitter, body: Data(unkeyed.utf8))
        let noPost = try await service.waitForJob(try #require(third["id"] as? String), key: submitter)
        #expect(noPost["deliveries"] as? [String: Int] == ["email.sent": 8, "email.bounced": 1, "email.failed": 1, "post.failed": 2], "\(noPost)")
        let unposted = ((noPost["undelivered"] as? [[String: Any]]) ?? []).filter { $0["channel"] as? String == "post" }
        #expect(unposted.map { $0["record"] as? Int } == [4, 12], "\(unposted)")
        #expect(unposted.allSatisfy { ($0["detail"] as? String)?.contains("without a post profile") == true }, "\(unposted)")
        #expect(SMTPSink.messages(folder).count == 16)
    }

    @Test(arguments: StoreKind.allCases) func aWorkerKilledWhileSendingLosesNoEmail(_ store: StoreKind) async throws {
        let keys = try MailTools.keys("service-kill-\(store.rawValue)")
        let folder = keys.appendingPathComponent("mails").path
        let port = SMTPSink.freePort()
        try SMTPSink.start(port: port, folder: folder, extra: [])
        defer { SMTPSink.stop(folder: folder) }
        let service = try await Service.start(store, workers: 0, config: """
            lease: 3
            smtp: "127.0.0.1:\(port)"
            smtp-security: none
            smtp-connections: 4

            """)
        defer { service.stop() }
        let sender = try JSONSerialization.data(withJSONObject: ["from": "billing@strojirny.example", "dkimSelector": "rsa1",
                                                                 "dkimKey": try String(contentsOf: keys.appendingPathComponent("rsa.pem"), encoding: .utf8)])
        #expect(try await service.call("PUT", "/v1/email", key: service.admin, body: sender).1 == 201)
        // 400 invoices, each to an address of its own.
        let count = 400
        let invoice = try #require(try JSONSerialization.jsonObject(with: Data(String(decoding: try Self.invoices(), as: UTF8.self)
            .split(separator: "\n")[0].utf8)) as? [String: Any])
        let body = try (1...count).map { number in
            var record = invoice
            record["number"] = "FV-KILL-\(number)"
            record["delivery"] = ["email": "accounts-\(number)@customer.example", "preference": "email"]
            return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        }.joined(separator: "\n")
        let arguments = ["worker", "--data", service.data, "--workers", "1", "--config", service.data + "/config.yaml"]
        let first = try Spawned(arguments, log: service.data + "-worker-1.log")
        let second = try Spawned(arguments, log: service.data + "-worker-2.log")
        defer { second.kill() }
        let (created, _) = try await service.json("POST", "/v1/jobs?layout=invoice&deliver=true", key: service.admin, body: Data(body.utf8))
        let id = try #require(created["id"] as? String, "\(created)")
        // Kill the first worker once a quarter of the emails have gone.
        for _ in 0..<1200 {
            let (job, _) = try await service.json("GET", "/v1/jobs/\(id)", key: service.admin)
            if let sent = (job["deliveries"] as? [String: Int])?["email.sent"], sent >= count / 4 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        first.kill()
        let restarted = try Spawned(arguments, log: service.data + "-worker-1.log")
        defer { restarted.kill() }
        let job = try await service.waitForJob(id, key: service.admin, seconds: 600)
        #expect(job["deliveries"] as? [String: Int] == ["email.sent": count], "\(job)")
        #expect(try service.sql("SELECT COUNT(*), COUNT(DISTINCT number) FROM deliveries WHERE job = '\(id)'") == "\(count)|\(count)")
        #expect(try service.sql("SELECT COUNT(*) FROM render_ledger WHERE job = '\(id)'") == "\(count)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(service.data)/jobs/\(id)/documents")
        #expect(files.filter { $0.hasSuffix(".pdf") }.count == count && files.filter { $0.hasSuffix(".eml") }.count == count && files.count == 2 * count)
        // Every record arrived; a repeat only for a message the server took just before the kill.
        let messages = SMTPSink.messages(folder)
        let recipients = try messages.map { path in
            try String(contentsOfFile: path.replacingOccurrences(of: ".eml", with: ".json"), encoding: .utf8)
                .components(separatedBy: "accounts-").dropFirst().first?.prefix { $0 != "@" }.description ?? path
        }
        #expect(Set(recipients).count == count, "\(Set(recipients).count) of \(count) recipients got their email")
        #expect(messages.count - count <= 4, "\(messages.count - count) repeats: at most the messages in flight at the kill")
        // A repeat only for a record the ledger had in doubt: its content had begun to go when the sender was killed.
        let repeated = Set(Dictionary(grouping: recipients, by: { $0 }).filter { $0.value.count > 1 }.keys)
        let inDoubt = Set(try service.sql("SELECT address FROM deliveries WHERE job = '\(id)' AND in_doubt = 1")
            .split(separator: "\n").map { $0.dropFirst("accounts-".count).prefix { $0 != "@" }.description })
        #expect(repeated.isSubset(of: inDoubt), "repeated \(repeated.sorted()), in doubt \(inDoubt.sorted())")
        #expect(inDoubt.count <= 8, "\(inDoubt.sorted()) in doubt: at most the emails the killed sender held (twice its connections)")
        // The job's status lists the same records as in doubt, each saying so.
        let listed = (job["inDoubt"] as? [[String: Any]]) ?? []
        let ledgerDoubt = try service.sql("SELECT number FROM deliveries WHERE job = '\(id)' AND in_doubt = 1 ORDER BY number")
            .split(separator: "\n").compactMap { Int($0) }
        #expect(listed.compactMap { $0["record"] as? Int } == ledgerDoubt, "\(listed)")
        #expect(listed.allSatisfy { ($0["detail"] as? String)?.contains("(in doubt: ") == true && $0["state"] as? String == "sent" }, "\(listed)")
        let workers = try service.sql("SELECT COUNT(DISTINCT worker) FROM render_ledger WHERE job = '\(id)'")
        #expect((Int(workers) ?? 0) >= 2, "both workers took part")
    }
}
