// The delivery ledger's in-doubt mark, on both job stores: an email whose sender marked its
// content as going and then stopped (no settlement) is claimed again in doubt once its lease runs
// out, and its settlement says so; one whose sender stopped before the mark, or
// whose try was settled, is not in doubt; a sender that lost its lease cannot mark (so sends
// nothing).
import Foundation
import PressroomServer
import Testing
import TestScratch

extension ServiceTests {
    @Test(arguments: StoreKind.allCases) func anEmailWhoseSenderStoppedWhileItsContentWentIsClaimedAgainInDoubt(_ kind: StoreKind) async throws {
        let postgres = kind == .postgres ? try TemporaryPostgres() : nil
        defer { postgres?.stop() }
        let folder = Scratch.url("pressroom-doubt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store: any JobStore = if let postgres { try await PostgresJobStore(url: postgres.url) } else {
            try SQLiteJobStore(path: folder + "/jobs.sqlite")
        }
        defer { store.close() }
        func sql(_ query: String) throws -> String {
            if let postgres { return try postgres.query(query) }
            return try ExternalTool.run("sqlite3", [folder + "/jobs.sqlite", query]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // A delivering job of three records, rendered, each with an email.
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let records = (1...3).map { RecordEntry.readable(number: $0, offset: 0, length: 1, line: $0, column: 1) }
        _ = try await store.createJob(id: "job-doubt", tenant: "acme", spec: JobSpec(layout: "invoice", deliver: true), weight: 1,
                                      idempotencyKey: nil, requestHash: "h", records: records, now: start)
        let claimed = try await store.claim(worker: "renderer", limit: 10, lease: 60, now: start)
        #expect(claimed.map(\.number) == [1, 2, 3])
        try await store.complete(worker: "renderer", job: "job-doubt", outcomes: claimed.map { record in
            (record.number, RecordOutcome.rendered(pages: 1, delivery: PlannedDelivery(email: "r\(record.number)@customer.example", post: false)))
        }, maxAttempts: 3, now: start)

        // Sender A claims all three: it marks record 1's content and stops; it stops before
        // marking record 2; record 3 it marks and settles as deferred (the server answered 451).
        let first = try await store.claimDeliveries(worker: "A", limit: 10, lease: 30, now: start)
        #expect(first.map(\.number).sorted() == [1, 2, 3] && first.allSatisfy { !$0.inDoubt })
        let byNumber = Dictionary(uniqueKeysWithValues: first.map { ($0.number, $0) })
        #expect(try await store.markDeliveryContent(byNumber[1]!, worker: "A", now: start))
        #expect(try await store.markDeliveryContent(byNumber[3]!, worker: "A", now: start))
        try await store.settleDelivery(byNumber[3]!, worker: "A", .deferred("451 try later"), maxAttempts: 8, retryDelay: 1, now: start)
        // Another sender cannot mark an email A holds.
        #expect(try await store.markDeliveryContent(byNumber[2]!, worker: "B", now: start) == false)

        // After A's lease: B claims all three; only record 1 is in doubt.
        let later = start.addingTimeInterval(31)
        let second = try await store.claimDeliveries(worker: "B", limit: 10, lease: 30, now: later)
        #expect(Dictionary(uniqueKeysWithValues: second.map { ($0.number, $0.inDoubt) }) == [1: true, 2: false, 3: false])
        // A, stopped, woke up: it lost the leases, so it cannot mark, and its settlement counts for nothing.
        #expect(try await store.markDeliveryContent(byNumber[2]!, worker: "A", now: later) == false)
        try await store.settleDelivery(byNumber[2]!, worker: "A", .sent("250 late"), maxAttempts: 8, retryDelay: 1, now: later)
        for delivery in second {
            #expect(try await store.markDeliveryContent(delivery, worker: "B", now: later))
            try await store.settleDelivery(delivery, worker: "B", .sent("250 OK"), maxAttempts: 8, retryDelay: 1, now: later)
        }
        let rows = try sql("SELECT number, state, in_doubt, content_at IS NULL, detail FROM deliveries WHERE job = 'job-doubt' ORDER BY number")
            .split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 3, "\(rows)")
        // SQLite prints a true comparison as 1, psql as t.
        #expect(rows.map { [$0[0], $0[1], $0[2], $0[3] == "1" || $0[3] == "t" ? "cleared" : "set"] }
                == [["1", "sent", "1", "cleared"], ["2", "sent", "0", "cleared"], ["3", "sent", "0", "cleared"]], "\(rows)")
        #expect(rows[0][4].hasPrefix("250 OK (in doubt: an earlier try stopped while its content was going"), "\(rows[0])")
        #expect(rows[1][4] == "250 OK" && rows[2][4] == "250 OK", "\(rows)")
        // The job's status lists record 1 as in doubt, sent, and nothing as undelivered.
        let status = try #require(try await store.job("job-doubt", tenant: "acme"))
        #expect(status.inDoubt.map { "\($0.record) \($0.channel) \($0.state)" } == ["1 email sent"], "\(status.inDoubt)")
        #expect(status.inDoubt.first?.detail.hasPrefix("250 OK (in doubt: ") == true && status.undelivered.isEmpty, "\(status.undelivered)")
    }
}
