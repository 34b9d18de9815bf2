// The embedded job store: one SQLite file in WAL mode through GRDB, shared by the API and any
// number of worker processes on the same machine. Writes are IMMEDIATE transactions (one writer
// at a time, waiting up to the busy timeout for another process), committed with a full sync, so
// a job is on the disk before the API acknowledges it. Leases are times in the rows: a worker
// that dies leaves leases that run out, and any worker puts them back.
import Foundation
import GRDB
import PressroomProduction

public final class SQLiteJobStore: JobStore {
    public let path: String
    let pool: DatabasePool

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "pressroom-jobs"
        configuration.prepareDatabase { db in
            // WAL with a full sync at each commit: a committed job survives a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    public func close() {
        try? pool.close()
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    // MARK: Keys

    public func addKey(_ key: StoredKey) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO api_keys (hash, prefix, tenant, role, shop, label, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [key.hash, key.prefix, key.tenant, key.role.rawValue, key.shop, key.label,
                                       key.created.timeIntervalSince1970])
        }
    }

    public func key(hash: String) async throws -> StoredKey? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE hash = ?", arguments: [hash]).flatMap(Self.storedKey)
        }
    }

    public func keys(tenant: String?) async throws -> [StoredKey] {
        try await pool.read { db in
            let rows = if let tenant {
                try Row.fetchAll(db, sql: "SELECT * FROM api_keys WHERE tenant = ? ORDER BY created", arguments: [tenant])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY tenant, created")
            }
            return rows.compactMap(Self.storedKey)
        }
    }

    public func removeKey(prefix: String) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM api_keys WHERE prefix = ?", arguments: [prefix])
            return db.changesCount
        }
    }

    private static func storedKey(_ row: Row) -> StoredKey? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return StoredKey(hash: row["hash"], prefix: row["prefix"], tenant: row["tenant"], role: role, shop: row["shop"],
                         label: row["label"], created: Date(timeIntervalSince1970: row["created"]))
    }

    // MARK: Jobs

    public func createJob(id: String, tenant: String, spec: JobSpec, weight: Double, idempotencyKey: String?,
                          requestHash: String, records: [RecordEntry], now: Date) async throws -> JobCreation {
        let specJSON = try StoreCoding.encode(spec)
        let failures: [(Int, Int, String)] = try records.compactMap { entry in
            guard case .unreadable(let number, let line, let failure) = entry else { return nil }
            return (number, line, try StoreCoding.encode(failure))
        }
        let created: JobCreation? = try await pool.write { db in
            if let idempotencyKey,
               let row = try Row.fetchOne(db, sql: "SELECT id, request_hash FROM jobs WHERE tenant = ? AND idempotency_key = ?",
                                          arguments: [tenant, idempotencyKey]) {
                let existing: String = row["id"]
                return row["request_hash"] == requestHash ? nil : .conflict(existing: existing)
            }
            // A new job starts at the least virtual time of the jobs with work, so it takes
            // turns with them at once instead of catching up on the turns they had.
            let start = try Double.fetchOne(db, sql: "SELECT MIN(vtime) FROM jobs WHERE state IN ('queued', 'running')") ?? 0
            let failed = failures.count
            // A job none of whose records can be read has failed already; nothing is left to finish.
            let state: JobState = failed == records.count ? .failed : .queued
            try db.execute(sql: """
                INSERT INTO jobs (id, tenant, spec, doc_type, weight, vtime, idempotency_key, request_hash, total, failed, state, created, finished)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, tenant, specJSON, spec.type, weight, start, idempotencyKey, requestHash, records.count, failed,
                                 state.rawValue, now.timeIntervalSince1970, state == .failed ? now.timeIntervalSince1970 : nil])
            let insert = try db.makeStatement(sql: """
                INSERT INTO job_records (job, number, byte_offset, length, line, col, state, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in records {
                switch entry {
                case .readable(let number, let offset, let length, let line, let column):
                    try insert.execute(arguments: [id, number, offset, length, line, column, RecordState.queued.rawValue, nil])
                case .unreadable(let number, let line, _):
                    let error = failures.first { $0.0 == number }?.2
                    try insert.execute(arguments: [id, number, nil, nil, line, nil, RecordState.failed.rawValue, error])
                }
            }
            return nil
        }
        if case .conflict = created { return created! }
        guard let status = try await job(id, tenant: tenant) else {
            // The key's earlier job, for the same request.
            let existing = try await pool.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM jobs WHERE tenant = ? AND idempotency_key = ?", arguments: [tenant, idempotencyKey])
            }
            guard let existing, let status = try await job(existing, tenant: tenant) else { throw StoreError.missing("job \(id)") }
            return .existing(status)
        }
        if created == nil, status.id == id { return .created(status) }
        return .existing(status)
    }

    public func job(_ id: String, tenant: String) async throws -> JobStatus? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ? AND tenant = ?", arguments: [id, tenant]) else { return nil }
            return try Self.status(row, db: db, withFailures: true)
        }
    }

    public func jobs(tenant: String, limit: Int) async throws -> [JobStatus] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM jobs WHERE tenant = ? ORDER BY created DESC, id LIMIT ?", arguments: [tenant, limit])
                .map { try Self.status($0, db: db, withFailures: false) }
        }
    }

    public func recordState(job: String, tenant: String, number: Int) async throws -> RecordState? {
        try await pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT r.state FROM job_records r JOIN jobs j ON j.id = r.job WHERE r.job = ? AND j.tenant = ? AND r.number = ?
                """, arguments: [job, tenant, number]).flatMap(RecordState.init(rawValue:))
        }
    }

    public func pendingRecords() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_records WHERE state IN ('queued', 'leased')") ?? 0
        }
    }

    static func status(_ row: Row, db: Database, withFailures: Bool) throws -> JobStatus {
        let id: String = row["id"]
        var counts: [String: Int] = [:]
        for count in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM job_records WHERE job = ? GROUP BY state", arguments: [id]) {
            counts[count["state"]] = count["n"]
        }
        var failures: [(record: Int, line: Int, failure: RecordFailure)] = []
        if withFailures {
            for failure in try Row.fetchAll(db, sql: """
                SELECT number, line, error FROM job_records WHERE job = ? AND state IN ('failed', 'dead') ORDER BY number
                """, arguments: [id]) {
                failures.append((failure["number"], failure["line"] ?? 0, StoreCoding.failure(failure["error"])))
            }
        }
        let finished: Double? = row["finished"]
        let spec = try StoreCoding.decode(JobSpec.self, row["spec"])
        // Only a delivering job has deliveries to count.
        let deliveries = spec.deliver ? try deliveries(of: id, db: db, withProblems: withFailures) : JobDeliveries()
        var status = JobStatus(id: id, tenant: row["tenant"], spec: spec,
                         idempotencyKey: row["idempotency_key"], state: JobState(rawValue: row["state"]) ?? .queued,
                         created: Date(timeIntervalSince1970: row["created"]), finished: finished.map(Date.init(timeIntervalSince1970:)),
                         total: row["total"], counts: counts, pages: row["pages"], postalBatch: row["postal_batch"], failures: failures)
        status.deliveries = deliveries.counts
        status.undelivered = deliveries.problems
        status.inDoubt = deliveries.inDoubt
        return status
    }

    // MARK: Work

    public func claim(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedRecord] {
        let time = now.timeIntervalSince1970
        // An idle worker polls: a read, which takes no lock and writes nothing, finds no work.
        let waiting = try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM job_records WHERE state = 'queued' AND available_at <= ?)", arguments: [time])
        }
        guard waiting == true else { return [] }
        return try await pool.write { db in
            // Weighted fair turns: the job with work whose virtual time is least goes next, and
            // each record claimed moves it on by 1/weight.
            guard let job = try Row.fetchOne(db, sql: """
                SELECT j.id, j.tenant, j.spec, j.weight, j.created FROM jobs j
                WHERE j.state IN ('queued', 'running')
                  AND EXISTS (SELECT 1 FROM job_records r WHERE r.job = j.id AND r.state = 'queued' AND r.available_at <= ?)
                ORDER BY j.vtime, j.created, j.id LIMIT 1
                """, arguments: [time]) else { return [] }
            let id: String = job["id"]
            let spec = try StoreCoding.decode(JobSpec.self, job["spec"])
            let rows = try Row.fetchAll(db, sql: """
                UPDATE job_records SET state = 'leased', lease_owner = ?, lease_until = ?, attempts = attempts + 1
                WHERE job = ? AND number IN (
                    SELECT number FROM job_records INDEXED BY job_records_queue
                    WHERE job = ? AND state = 'queued' AND available_at <= ? ORDER BY number LIMIT ?)
                RETURNING number, byte_offset, length, line, col, attempts
                """, arguments: [worker, time + lease, id, id, time, limit])
            let weight: Double = job["weight"]
            try db.execute(sql: "UPDATE jobs SET vtime = vtime + ?, state = 'running' WHERE id = ?",
                           arguments: [Double(rows.count) / max(weight, 0.001), id])
            return rows.map { row in
                ClaimedRecord(job: id, tenant: job["tenant"], spec: spec, created: Date(timeIntervalSince1970: job["created"]),
                              number: row["number"], offset: row["byte_offset"],
                              length: row["length"], line: row["line"], column: row["col"], attempts: row["attempts"])
            }.sorted { $0.number < $1.number }
        }
    }

    public func heartbeat(worker: String, lease: TimeInterval, now: Date) async throws {
        let until = now.timeIntervalSince1970 + lease
        try await pool.write { db in
            try db.execute(sql: "UPDATE job_records SET lease_until = ? WHERE state = 'leased' AND lease_owner = ?", arguments: [until, worker])
            try db.execute(sql: "UPDATE jobs SET finishing_until = ? WHERE finishing = 'running' AND finishing_owner = ?",
                           arguments: [until, worker])
        }
    }

    @discardableResult
    public func complete(worker: String, job: String, outcomes: [(number: Int, outcome: RecordOutcome)],
                         maxAttempts: Int, now: Date) async throws -> [Int] {
        let time = now.timeIntervalSince1970
        let prepared: [(Int, RecordOutcome, String?)] = try outcomes.map { number, outcome in
            switch outcome {
            case .rendered: (number, outcome, nil)
            case .failed(let failure), .retry(let failure): (number, outcome, try StoreCoding.encode(failure))
            }
        }
        return try await pool.write { db in
            var counted: [Int] = []
            var pages = 0
            for (number, outcome, error) in prepared {
                // Whether the worker still held the record's lease.
                let took: Bool
                switch outcome {
                case .rendered(let count, let delivery):
                    try db.execute(sql: """
                        UPDATE job_records SET state = 'rendered', pages = ?, error = NULL, lease_owner = NULL, lease_until = NULL
                        WHERE job = ? AND number = ? AND state = 'leased' AND lease_owner = ?
                        """, arguments: [count, job, number, worker])
                    took = db.changesCount == 1
                    if took { pages += count }
                    if took, let delivery { try Self.plan(delivery, job: job, number: number, db: db, time: time) }
                case .failed:
                    try db.execute(sql: """
                        UPDATE job_records SET state = 'failed', error = ?, lease_owner = NULL, lease_until = NULL
                        WHERE job = ? AND number = ? AND state = 'leased' AND lease_owner = ?
                        """, arguments: [error, job, number, worker])
                    took = db.changesCount == 1
                case .retry:
                    // Backoff doubles with each attempt: 2, 4, 8 … seconds, at most 5 minutes.
                    try db.execute(sql: """
                        UPDATE job_records SET state = CASE WHEN attempts >= ? THEN 'dead' ELSE 'queued' END, error = ?,
                            lease_owner = NULL, lease_until = NULL, available_at = ? + MIN(300, 1 << attempts)
                        WHERE job = ? AND number = ? AND state = 'leased' AND lease_owner = ?
                        """, arguments: [maxAttempts, error, time, job, number, worker])
                    took = db.changesCount == 1
                }
                guard took else { continue }
                counted.append(number)
                if case .retry = outcome { continue }
                try db.execute(sql: "INSERT INTO render_ledger (job, number, outcome, worker, at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [job, number, { if case .rendered = outcome { "rendered" } else { "failed" } }(), worker, time])
            }
            if pages > 0 { try db.execute(sql: "UPDATE jobs SET pages = pages + ? WHERE id = ?", arguments: [pages, job]) }
            try Self.settle(job, db: db, time: time)
            return counted
        }
    }

    /// Marks the job done when no record is left to render: finished (or failed, when none
    /// rendered), or waiting for its finishing step.
    private static func settle(_ job: String, db: Database, time: Double) throws {
        let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_records WHERE job = ? AND state IN ('queued', 'leased')",
                                    arguments: [job]) ?? 0
        guard open == 0, let row = try Row.fetchOne(db, sql: "SELECT spec, state, finishing FROM jobs WHERE id = ?", arguments: [job]),
              row["state"] as String == JobState.running.rawValue || row["state"] as String == JobState.queued.rawValue,
              row["finishing"] as String? == nil else { return }
        let rendered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_records WHERE job = ? AND state = 'rendered'", arguments: [job]) ?? 0
        let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_records WHERE job = ? AND state IN ('failed', 'dead')", arguments: [job]) ?? 0
        let spec = try StoreCoding.decode(JobSpec.self, row["spec"])
        if rendered > 0 && spec.needsFinishing {
            try db.execute(sql: "UPDATE jobs SET state = 'running', failed = ?, finishing = 'pending' WHERE id = ?", arguments: [failed, job])
        } else {
            try db.execute(sql: "UPDATE jobs SET state = ?, failed = ?, finished = ? WHERE id = ?",
                           arguments: [rendered > 0 ? JobState.finished.rawValue : JobState.failed.rawValue, failed, time, job])
        }
    }

    public func rescueExpiredLeases(maxAttempts: Int, now: Date) async throws -> Int {
        let time = now.timeIntervalSince1970
        return try await pool.write { db in
            let jobs = try String.fetchAll(db, sql: "SELECT DISTINCT job FROM job_records WHERE state = 'leased' AND lease_until < ?",
                                           arguments: [time])
            guard !jobs.isEmpty else {
                try db.execute(sql: """
                    UPDATE jobs SET finishing = 'pending', finishing_owner = NULL WHERE finishing = 'running' AND finishing_until < ?
                    """, arguments: [time])
                return 0
            }
            let lost = try RecordFailure.output(path: "", reason: "the worker rendering it stopped (its lease ran out)")
            try db.execute(sql: """
                UPDATE job_records SET state = CASE WHEN attempts >= ? THEN 'dead' ELSE 'queued' END,
                    error = CASE WHEN attempts >= ? THEN ? ELSE error END,
                    lease_owner = NULL, lease_until = NULL, available_at = ? + MIN(300, 1 << attempts)
                WHERE state = 'leased' AND lease_until < ?
                """, arguments: [maxAttempts, maxAttempts, StoreCoding.encode(lost), time, time])
            let rescued = db.changesCount
            for job in jobs { try Self.settle(job, db: db, time: time) }
            try db.execute(sql: """
                UPDATE jobs SET finishing = 'pending', finishing_owner = NULL WHERE finishing = 'running' AND finishing_until < ?
                """, arguments: [time])
            return rescued
        }
    }

    public func claimFinishing(worker: String, lease: TimeInterval, now: Date) async throws -> FinishingClaim? {
        let time = now.timeIntervalSince1970
        return try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                UPDATE jobs SET finishing = 'running', finishing_owner = ?, finishing_until = ?
                WHERE id = (SELECT id FROM jobs j WHERE finishing = 'pending'
                    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.job = j.id AND d.state IN ('pending', 'sending'))
                    ORDER BY created LIMIT 1)
                RETURNING id, tenant, spec, created
                """, arguments: [worker, time + lease]) else { return nil }
            let id: String = row["id"]
            let spec = try StoreCoding.decode(JobSpec.self, row["spec"])
            let rendered = try Int.fetchAll(db, sql: "SELECT number FROM job_records WHERE job = ? AND state = 'rendered' ORDER BY number",
                                            arguments: [id])
            return FinishingClaim(job: id, tenant: row["tenant"], spec: spec, created: Date(timeIntervalSince1970: row["created"]),
                                  rendered: rendered, forPost: try Self.forPost(job: id, spec: spec, rendered: rendered, db: db))
        }
    }

    public func completeFinishing(worker: String, job: String, postalBatch: String?, failure: String?, postFailures: [Int: String],
                                  now: Date) async throws {
        let time = now.timeIntervalSince1970
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE jobs SET finishing = 'done', finishing_owner = NULL, state = 'finished', finished = ?, postal_batch = ?,
                    finishing_error = ?
                WHERE id = ? AND finishing = 'running' AND finishing_owner = ?
                """, arguments: [time, postalBatch, failure, job, worker])
            guard db.changesCount == 1 else { return }
            try Self.settlePost(job: job, batch: postalBatch, failures: postFailures, db: db, time: time)
        }
    }

    // MARK: On-line results

    public func onlineResult(tenant: String, key: String) async throws -> OnlineResult? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM online_results WHERE tenant = ? AND idempotency_key = ?", arguments: [tenant, key])
                .map { OnlineResult(requestHash: $0["request_hash"], file: $0["file"], pages: $0["pages"]) }
        }
    }

    public func keepOnlineResult(tenant: String, key: String, result: OnlineResult, now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO online_results (tenant, idempotency_key, request_hash, file, pages, created) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant, idempotency_key) DO NOTHING
                """, arguments: [tenant, key, result.requestHash, result.file, result.pages, now.timeIntervalSince1970])
        }
    }

    public func ledgerCounts(job: String) async throws -> [Int: Int] {
        try await pool.read { db in
            var counts: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT number, COUNT(*) AS n FROM render_ledger WHERE job = ? GROUP BY number", arguments: [job]) {
                counts[row["number"]] = row["n"]
            }
            return counts
        }
    }

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
