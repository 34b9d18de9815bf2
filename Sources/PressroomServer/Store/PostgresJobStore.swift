// The job store for many workers on many machines: PostgreSQL through postgres-nio, with the
// same tables as the SQLite store. Workers claim records with `FOR UPDATE SKIP LOCKED` (two
// workers never wait on each other's records, never take the same one), a job's row is locked
// while its outcomes are recorded (so exactly one completion sees the job's last record), and
// a new job or a job ready to finish is announced with NOTIFY, which wakes idle workers at once
// instead of at their next poll. A deadlock or serialization failure is retried.
import Foundation
import Logging
import PostgresNIO
import PressroomProduction

public final class PostgresJobStore: JobStore {
    public let url: String
    private let client: PostgresClient
    private let logger: Logger
    private let signal = WorkSignal()
    /// The client's connection pool and the NOTIFY listener, until `close()`.
    private let running: Task<Void, Never>
    private let listening: Task<Void, Never>
    private static let channel = "pressroom_work"

    /// Connects to `url` (`postgres://user:password@host:port/database`, `?sslmode=disable|prefer|require`)
    /// and brings the tables up to date. A server that cannot be reached or refuses the user is
    /// an error at once, with the server's own reason, not a pool retrying in the background.
    public init(url: String, logger: Logger = Logger(label: "pressroom.store")) async throws {
        self.url = url
        self.logger = logger
        let address = try PostgresAddress(url)
        try await address.probe(logger: logger)
        client = PostgresClient(configuration: address.clientConfiguration, backgroundLogger: logger)
        let client = client
        running = Task { await client.run() }
        listening = Task { [signal, logger] in await Self.listen(client: client, signal: signal, logger: logger) }
        do {
            // Let the client's run loop start before the first query asks it for a connection.
            try await Task.sleep(for: .milliseconds(20))
            try await migrate()
        } catch {
            close()
            throw error
        }
    }

    /// Stops listening and closes the connections; the store answers nothing after this. (The
    /// listener, left running after its server stopped, would warn every second for ever.)
    public func close() {
        listening.cancel()
        running.cancel()
    }

    /// The tables, each migration made once: the first process to start takes an advisory lock, the others wait.
    private func migrate() async throws {
        try await write { db in
            try await db.query("SELECT pg_advisory_xact_lock(7240013)", logger: self.logger)
            try await db.query("CREATE TABLE IF NOT EXISTS pressroom_migrations (name TEXT PRIMARY KEY)", logger: self.logger)
            let done = Set(try await Self.rows(db.query("SELECT name FROM pressroom_migrations", logger: self.logger))
                .map { try $0["name"].decode(String.self) })
            for migration in StoreSchema.migrations where !done.contains(migration.name) {
                for statement in migration.statements {
                    try await db.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
                try await db.query("INSERT INTO pressroom_migrations (name) VALUES (\(migration.name))", logger: self.logger)
            }
        }
    }

    /// Wakes idle workers on NOTIFY, on a connection of its own, until the store is closed.
    private static func listen(client: PostgresClient, signal: WorkSignal, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: channel) { notifications in
                        for try await _ in notifications { await signal.wakeAll() }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("job store notifications: \(error); listening again in 1 s")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    public func waitForWork(upTo limit: Duration) async {
        await signal.wait(upTo: limit)
    }

    // MARK: Queries

    static func rows(_ sequence: PostgresRowSequence) async throws -> [PostgresRandomAccessRow] {
        try await sequence.collect().map { $0.makeRandomAccess() }
    }

    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await retrying { try await Self.rows(self.client.query(query, logger: self.logger)) }
    }

    func rows(_ query: PostgresQuery, on db: PostgresConnection) async throws -> [PostgresRandomAccessRow] {
        try await Self.rows(db.query(query, logger: logger))
    }

    /// One transaction, tried again (up to five times) when PostgreSQL broke a deadlock or a
    /// serialization conflict by aborting it.
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await retrying { try await self.client.withTransaction(logger: self.logger) { db in try await body(db) } }
    }

    private func retrying<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do { return try await body() } catch {
                attempt += 1
                guard attempt < 5, let state = Self.sqlState(error), state == "40P01" || state == "40001" else { throw error }
                try await Task.sleep(for: .milliseconds(5 * attempt))
            }
        }
    }

    private static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if let error = error as? PostgresTransactionError {
            return (error.closureError ?? error.commitError).flatMap(sqlState)
        }
        return nil
    }

    // MARK: Keys

    public func addKey(_ key: StoredKey) async throws {
        _ = try await rows("""
            INSERT INTO api_keys (hash, prefix, tenant, role, shop, label, created)
            VALUES (\(key.hash), \(key.prefix), \(key.tenant), \(key.role.rawValue), \(key.shop), \(key.label), \(key.created.timeIntervalSince1970))
            """)
    }

    public func key(hash: String) async throws -> StoredKey? {
        try await rows("SELECT * FROM api_keys WHERE hash = \(hash)").first.flatMap(Self.storedKey)
    }

    public func keys(tenant: String?) async throws -> [StoredKey] {
        let found = if let tenant {
            try await rows("SELECT * FROM api_keys WHERE tenant = \(tenant) ORDER BY created")
        } else {
            try await rows("SELECT * FROM api_keys ORDER BY tenant, created")
        }
        return try found.compactMap(Self.storedKey)
    }

    public func removeKey(prefix: String) async throws -> Int {
        try await rows("DELETE FROM api_keys WHERE prefix = \(prefix) RETURNING hash").count
    }

    private static func storedKey(_ row: PostgresRandomAccessRow) throws -> StoredKey? {
        guard let role = Role(rawValue: try row["role"].decode(String.self)) else { return nil }
        return StoredKey(hash: try row["hash"].decode(String.self), prefix: try row["prefix"].decode(String.self),
                         tenant: try row["tenant"].decode(String.self), role: role, shop: try row["shop"].decode(String?.self),
                         label: try row["label"].decode(String?.self), created: Date(timeIntervalSince1970: try row["created"].decode(Double.self)))
    }

    // MARK: Jobs

    public func createJob(id: String, tenant: String, spec: JobSpec, weight: Double, idempotencyKey: String?,
                          requestHash: String, records: [RecordEntry], now: Date) async throws -> JobCreation {
        let specJSON = try StoreCoding.encode(spec)
        var readable: (numbers: [Int], offsets: [Int], lengths: [Int], lines: [Int], columns: [Int]) = ([], [], [], [], [])
        var unreadable: (numbers: [Int], lines: [Int], errors: [String]) = ([], [], [])
        for entry in records {
            switch entry {
            case .readable(let number, let offset, let length, let line, let column):
                readable.numbers.append(number); readable.offsets.append(offset); readable.lengths.append(length)
                readable.lines.append(line); readable.columns.append(column)
            case .unreadable(let number, let line, let failure):
                unreadable.numbers.append(number); unreadable.lines.append(line); unreadable.errors.append(try StoreCoding.encode(failure))
            }
        }
        let state: JobState = unreadable.numbers.count == records.count ? .failed : .queued
        let time = now.timeIntervalSince1970
        let finished: Double? = state == .failed ? time : nil
        let readableRows = readable, unreadableRows = unreadable
        let existing: (id: String, sameRequest: Bool)? = try await write { db in
            // A new job starts at the least virtual time of the jobs with work (see the SQLite store).
            let inserted = try await self.rows("""
                INSERT INTO jobs (id, tenant, spec, doc_type, weight, vtime, idempotency_key, request_hash, total, failed, state, created, finished)
                SELECT \(id), \(tenant), \(specJSON), \(spec.type), \(weight),
                       COALESCE((SELECT MIN(vtime) FROM jobs WHERE state IN ('queued', 'running')), 0),
                       \(idempotencyKey), \(requestHash), \(records.count), \(unreadableRows.numbers.count), \(state.rawValue), \(time), \(finished)
                ON CONFLICT (tenant, idempotency_key) DO NOTHING
                RETURNING id
                """, on: db)
            if inserted.isEmpty {
                // The key was used before (perhaps by a request that committed a moment ago).
                let earlier = try await self.rows("""
                    SELECT id, request_hash FROM jobs WHERE tenant = \(tenant) AND idempotency_key = \(idempotencyKey)
                    """, on: db)
                guard let row = earlier.first else { throw StoreError.missing("the job of idempotency key \(idempotencyKey ?? "")") }
                return (try row["id"].decode(String.self), try row["request_hash"].decode(String.self) == requestHash)
            }
            _ = try await self.rows("""
                INSERT INTO job_records (job, number, byte_offset, length, line, col, state)
                SELECT \(id), n, o, l, li, c, 'queued'
                FROM unnest(\(readableRows.numbers), \(readableRows.offsets), \(readableRows.lengths), \(readableRows.lines), \(readableRows.columns))
                     AS r(n, o, l, li, c)
                """, on: db)
            _ = try await self.rows("""
                INSERT INTO job_records (job, number, line, state, error)
                SELECT \(id), n, li, 'failed', e FROM unnest(\(unreadableRows.numbers), \(unreadableRows.lines), \(unreadableRows.errors)) AS r(n, li, e)
                """, on: db)
            if state == .queued { _ = try await self.rows("SELECT pg_notify(\(Self.channel), \(id))", on: db) }
            return nil
        }
        if let existing {
            guard existing.sameRequest else { return .conflict(existing: existing.id) }
            guard let status = try await job(existing.id, tenant: tenant) else { throw StoreError.missing("job \(existing.id)") }
            return .existing(status)
        }
        guard let status = try await job(id, tenant: tenant) else { throw StoreError.missing("job \(id)") }
        return .created(status)
    }

    public func job(_ id: String, tenant: String) async throws -> JobStatus? {
        guard let row = try await rows("SELECT * FROM jobs WHERE id = \(id) AND tenant = \(tenant)").first else { return nil }
        return try await status(row, withFailures: true)
    }

    public func jobs(tenant: String, limit: Int) async throws -> [JobStatus] {
        var statuses: [JobStatus] = []
        for row in try await rows("SELECT * FROM jobs WHERE tenant = \(tenant) ORDER BY created DESC, id LIMIT \(limit)") {
            statuses.append(try await status(row, withFailures: false))
        }
        return statuses
    }

    public func recordState(job: String, tenant: String, number: Int) async throws -> RecordState? {
        try await rows("""
            SELECT r.state FROM job_records r JOIN jobs j ON j.id = r.job WHERE r.job = \(job) AND j.tenant = \(tenant) AND r.number = \(number)
            """).first.flatMap { RecordState(rawValue: try $0["state"].decode(String.self)) }
    }

    public func pendingRecords() async throws -> Int {
        try await rows("SELECT COUNT(*) AS n FROM job_records WHERE state IN ('queued', 'leased')").first?["n"].decode(Int.self) ?? 0
    }

    func status(_ row: PostgresRandomAccessRow, withFailures: Bool) async throws -> JobStatus {
        let id = try row["id"].decode(String.self)
        var counts: [String: Int] = [:], pages = 0
        // Pages are summed from the records (a completion does not write the job's row).
        for count in try await rows("""
            SELECT state, COUNT(*) AS n, COALESCE(SUM(pages), 0) AS pages FROM job_records WHERE job = \(id) GROUP BY state
            """) {
            let state = try count["state"].decode(String.self)
            counts[state] = try count["n"].decode(Int.self)
            if state == RecordState.rendered.rawValue { pages = try count["pages"].decode(Int.self) }
        }
        var failures: [(record: Int, line: Int, failure: RecordFailure)] = []
        if withFailures {
            for failure in try await rows("""
                SELECT number, line, error FROM job_records WHERE job = \(id) AND state IN ('failed', 'dead') ORDER BY number
                """) {
                failures.append((try failure["number"].decode(Int.self), try failure["line"].decode(Int?.self) ?? 0,
                                 StoreCoding.failure(try failure["error"].decode(String?.self))))
            }
        }
        let spec = try StoreCoding.decode(JobSpec.self, row["spec"].decode(String.self))
        // Only a delivering job has deliveries to count.
        let deliveries = spec.deliver ? try await deliveries(of: id, withProblems: withFailures) : JobDeliveries()
        var status = JobStatus(id: id, tenant: try row["tenant"].decode(String.self), spec: spec,
                         idempotencyKey: try row["idempotency_key"].decode(String?.self),
                         state: JobState(rawValue: try row["state"].decode(String.self)) ?? .queued,
                         created: Date(timeIntervalSince1970: try row["created"].decode(Double.self)),
                         finished: try row["finished"].decode(Double?.self).map(Date.init(timeIntervalSince1970:)),
                         total: try row["total"].decode(Int.self), counts: counts, pages: pages,
                         postalBatch: try row["postal_batch"].decode(String?.self), failures: failures)
        status.deliveries = deliveries.counts
        status.undelivered = deliveries.problems
        status.inDoubt = deliveries.inDoubt
        return status
    }

    // MARK: Work

    public func claim(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedRecord] {
        let time = now.timeIntervalSince1970
        // A job's records may all be locked by other claimers this instant (SKIP LOCKED passes
        // them by): look again while work waits.
        for _ in 0..<4 {
            // One statement: the job with work whose virtual time is least, up to `limit` of its
            // queued records that no other transaction holds, leased; the job's time moves on.
            let claimed = try await rows("""
                WITH j AS (
                    SELECT id, tenant, spec, weight, created FROM jobs
                    WHERE state IN ('queued', 'running')
                      AND EXISTS (SELECT 1 FROM job_records r WHERE r.job = jobs.id AND r.state = 'queued' AND r.available_at <= \(time))
                    ORDER BY vtime, created, id LIMIT 1),
                picked AS (
                    -- The job as a value, not a join, so its queued records are read in number
                    -- order from their index and the scan stops at the first unlocked ones.
                    SELECT r.job, r.number FROM job_records r
                    WHERE r.job = (SELECT id FROM j) AND r.state = 'queued' AND r.available_at <= \(time)
                    ORDER BY r.number LIMIT \(limit) FOR UPDATE OF r SKIP LOCKED),
                leased AS (
                    UPDATE job_records r SET state = 'leased', lease_owner = \(worker), lease_until = \(time + lease), attempts = r.attempts + 1
                    FROM picked WHERE r.job = picked.job AND r.number = picked.number
                    RETURNING r.number, r.byte_offset, r.length, r.line, r.col, r.attempts)
                SELECT j.id, j.tenant, j.spec, j.created, leased.* FROM leased, j ORDER BY leased.number
                """)
            if let first = claimed.first {
                let id = try first["id"].decode(String.self), tenant = try first["tenant"].decode(String.self)
                try await advance(id, by: claimed.count)
                let spec = try StoreCoding.decode(JobSpec.self, first["spec"].decode(String.self))
                let created = Date(timeIntervalSince1970: try first["created"].decode(Double.self))
                return try claimed.map { row in
                    ClaimedRecord(job: id, tenant: tenant, spec: spec, created: created, number: try row["number"].decode(Int.self),
                                  offset: try row["byte_offset"].decode(Int.self), length: try row["length"].decode(Int.self),
                                  line: try row["line"].decode(Int.self), column: try row["col"].decode(Int.self),
                                  attempts: try row["attempts"].decode(Int.self))
                }
            }
            let waiting = try await rows("""
                SELECT EXISTS (SELECT 1 FROM job_records WHERE state = 'queued' AND available_at <= \(time)) AS waiting
                """).first?["waiting"].decode(Bool.self) ?? false
            guard waiting else { return [] }
        }
        return []
    }

    /// Moves the job's virtual time on by its claimed records (its fair share used) and marks it
    /// running. Its own transaction, committed without waiting for the disk: the job's row is
    /// the one row every claimer of the job writes, and holding it through a flush would make
    /// them take turns. Lost in a crash, a job's turn is only a little earlier.
    private func advance(_ job: String, by count: Int) async throws {
        // One statement is its own transaction; set_config(…, true) holds for that transaction.
        _ = try await rows("""
            WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true))
            UPDATE jobs SET vtime = vtime + \(Double(count)) / GREATEST(weight, 0.001), state = 'running'
            WHERE id = \(job) AND state IN ('queued', 'running') AND EXISTS (SELECT 1 FROM unflushed)
            """)
    }

    public func heartbeat(worker: String, lease: TimeInterval, now: Date) async throws {
        let until = now.timeIntervalSince1970 + lease
        _ = try await rows("UPDATE job_records SET lease_until = \(until) WHERE state = 'leased' AND lease_owner = \(worker)")
        _ = try await rows("UPDATE jobs SET finishing_until = \(until) WHERE finishing = 'running' AND finishing_owner = \(worker)")
    }

    @discardableResult
    public func complete(worker: String, job: String, outcomes: [(number: Int, outcome: RecordOutcome)],
                         maxAttempts: Int, now: Date) async throws -> [Int] {
        let time = now.timeIntervalSince1970
        var rendered: (numbers: [Int], pages: [Int]) = ([], [])
        var others: [(number: Int, retry: Bool, error: String)] = []
        var plans: [(number: Int, delivery: PlannedDelivery)] = []
        for (number, outcome) in outcomes {
            switch outcome {
            case .rendered(let pages, let delivery):
                rendered.numbers.append(number)
                rendered.pages.append(pages)
                if let delivery { plans.append((number, delivery)) }
            case .failed(let failure): others.append((number, false, try StoreCoding.encode(failure)))
            case .retry(let failure): others.append((number, true, try StoreCoding.encode(failure)))
            }
        }
        let renderedRows = rendered, otherRows = others, plannedRows = plans
        // The rendered records and their ledger rows in one statement (its own transaction when
        // nothing else is recorded: the common case costs one round trip).
        let renderedQuery: PostgresQuery = """
            WITH done AS (
                UPDATE job_records r SET state = 'rendered', pages = v.pages, error = NULL, lease_owner = NULL, lease_until = NULL
                FROM unnest(\(renderedRows.numbers), \(renderedRows.pages)) AS v(number, pages)
                WHERE r.job = \(job) AND r.number = v.number AND r.state = 'leased' AND r.lease_owner = \(worker)
                RETURNING r.number, r.pages),
            ledger AS (
                INSERT INTO render_ledger (job, number, outcome, worker, at) SELECT \(job), number, 'rendered', \(worker), \(time) FROM done)
            SELECT number FROM done
            """
        if otherRows.isEmpty && plannedRows.isEmpty {
            let counted = try await rows(renderedQuery).map { try $0["number"].decode(Int.self) }.sorted()
            try await settle(job, time: time)
            return counted
        }
        let counted = try await write { db in
            var counted: [Int] = []
            if !renderedRows.numbers.isEmpty {
                let done = Set(try await self.rows(renderedQuery, on: db).map { try $0["number"].decode(Int.self) })
                counted += done
                // The deliveries of the records this worker still held, with their outcomes.
                try await self.plan(plannedRows.filter { done.contains($0.number) }, job: job, db: db, time: time)
            }
            for other in otherRows {
                // A failed record is final; a retry waits 2, 4, 8 … seconds (at most 5 minutes),
                // and is dead once its attempts are used up.
                let changed = try await self.rows(other.retry ? """
                    UPDATE job_records SET state = CASE WHEN attempts >= \(maxAttempts) THEN 'dead' ELSE 'queued' END, error = \(other.error),
                        lease_owner = NULL, lease_until = NULL, available_at = \(time) + LEAST(300, 1 << attempts)
                    WHERE job = \(job) AND number = \(other.number) AND state = 'leased' AND lease_owner = \(worker)
                    RETURNING state
                    """ : """
                    UPDATE job_records SET state = 'failed', error = \(other.error), lease_owner = NULL, lease_until = NULL
                    WHERE job = \(job) AND number = \(other.number) AND state = 'leased' AND lease_owner = \(worker)
                    RETURNING state
                    """, on: db)
                guard !changed.isEmpty else { continue }
                counted.append(other.number)
                if !other.retry {
                    _ = try await self.rows("""
                        INSERT INTO render_ledger (job, number, outcome, worker, at) VALUES (\(job), \(other.number), 'failed', \(worker), \(time))
                        """, on: db)
                }
            }
            return counted.sorted()
        }
        try await settle(job, time: time)
        return counted
    }

    /// Marks the job done when no record is left to render (see the SQLite store). Called after
    /// every write that can end a job's last open record has committed: whichever of two such
    /// writes commits last sees the other's records done, so the job is settled once without
    /// completions of one job ever taking turns on its row.
    private func settle(_ job: String, time: Double) async throws {
        let openQuery: PostgresQuery = "SELECT EXISTS (SELECT 1 FROM job_records WHERE job = \(job) AND state IN ('queued', 'leased')) AS open"
        guard try await rows(openQuery).first?["open"].decode(Bool.self) == false else { return }
        try await write { db in try await self.settleLocked(job, db: db, time: time) }
    }

    private func settleLocked(_ job: String, db: PostgresConnection, time: Double) async throws {
        guard let row = try await rows("SELECT spec, state, finishing FROM jobs WHERE id = \(job) FOR UPDATE", on: db).first,
              try await rows("""
                SELECT EXISTS (SELECT 1 FROM job_records WHERE job = \(job) AND state IN ('queued', 'leased')) AS open
                """, on: db).first?["open"].decode(Bool.self) == false,
              [JobState.running.rawValue, JobState.queued.rawValue].contains(try row["state"].decode(String.self)),
              try row["finishing"].decode(String?.self) == nil else { return }
        let counts = try await rows("""
            SELECT COUNT(*) FILTER (WHERE state = 'rendered') AS rendered, COUNT(*) FILTER (WHERE state IN ('failed', 'dead')) AS failed,
                COALESCE(SUM(pages) FILTER (WHERE state = 'rendered'), 0) AS pages
            FROM job_records WHERE job = \(job)
            """, on: db)
        let rendered = try counts.first?["rendered"].decode(Int.self) ?? 0, failed = try counts.first?["failed"].decode(Int.self) ?? 0
        let pages = try counts.first?["pages"].decode(Int.self) ?? 0
        let spec = try StoreCoding.decode(JobSpec.self, row["spec"].decode(String.self))
        if rendered > 0 && spec.needsFinishing {
            _ = try await rows("UPDATE jobs SET state = 'running', failed = \(failed), pages = \(pages), finishing = 'pending' WHERE id = \(job)", on: db)
            _ = try await rows("SELECT pg_notify(\(Self.channel), \(job))", on: db)
        } else {
            let state = rendered > 0 ? JobState.finished.rawValue : JobState.failed.rawValue
            _ = try await rows("UPDATE jobs SET state = \(state), failed = \(failed), pages = \(pages), finished = \(time) WHERE id = \(job)", on: db)
        }
    }

    public func rescueExpiredLeases(maxAttempts: Int, now: Date) async throws -> Int {
        let time = now.timeIntervalSince1970
        let lost = try StoreCoding.encode(RecordFailure.output(path: "", reason: "the worker rendering it stopped (its lease ran out)"))
        let (jobs, rescued) = try await write { db in
            _ = try await self.rows("""
                UPDATE jobs SET finishing = 'pending', finishing_owner = NULL WHERE finishing = 'running' AND finishing_until < \(time)
                """, on: db)
            let jobs = try await self.rows("""
                SELECT DISTINCT job FROM job_records WHERE state = 'leased' AND lease_until < \(time) ORDER BY job
                """, on: db).map { try $0["job"].decode(String.self) }
            guard !jobs.isEmpty else { return ([String](), 0) }
            let rescued = try await self.rows("""
                UPDATE job_records SET state = CASE WHEN attempts >= \(maxAttempts) THEN 'dead' ELSE 'queued' END,
                    error = CASE WHEN attempts >= \(maxAttempts) THEN \(lost) ELSE error END,
                    lease_owner = NULL, lease_until = NULL, available_at = \(time) + LEAST(300, 1 << attempts)
                WHERE job = ANY(\(jobs)) AND state = 'leased' AND lease_until < \(time)
                RETURNING number
                """, on: db).count
            return (jobs, rescued)
        }
        // With the jobs whose last completion committed but whose process stopped before it
        // could settle them: active, unfinished, and nothing left open.
        let unsettled = try await rows("""
            SELECT id FROM jobs j WHERE state IN ('queued', 'running') AND finishing IS NULL
              AND NOT EXISTS (SELECT 1 FROM job_records r WHERE r.job = j.id AND r.state IN ('queued', 'leased'))
            """).map { try $0["id"].decode(String.self) }
        for job in Set(jobs + unsettled) { try await settle(job, time: time) }
        return rescued
    }

    public func claimFinishing(worker: String, lease: TimeInterval, now: Date) async throws -> FinishingClaim? {
        let time = now.timeIntervalSince1970
        return try await write { db in
            guard let row = try await self.rows("""
                UPDATE jobs SET finishing = 'running', finishing_owner = \(worker), finishing_until = \(time + lease)
                WHERE id = (SELECT id FROM jobs j WHERE finishing = 'pending'
                    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.job = j.id AND d.state IN ('pending', 'sending'))
                    ORDER BY created LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, tenant, spec, created
                """, on: db).first else { return nil }
            let id = try row["id"].decode(String.self)
            let spec = try StoreCoding.decode(JobSpec.self, row["spec"].decode(String.self))
            let rendered = try await self.rows("""
                SELECT number FROM job_records WHERE job = \(id) AND state = 'rendered' ORDER BY number
                """, on: db).map { try $0["number"].decode(Int.self) }
            return FinishingClaim(job: id, tenant: try row["tenant"].decode(String.self), spec: spec,
                                  created: Date(timeIntervalSince1970: try row["created"].decode(Double.self)), rendered: rendered,
                                  forPost: try await self.forPost(job: id, spec: spec, rendered: rendered, db: db))
        }
    }

    public func completeFinishing(worker: String, job: String, postalBatch: String?, failure: String?, postFailures: [Int: String],
                                  now: Date) async throws {
        let time = now.timeIntervalSince1970
        try await write { db in
            let ended = try await self.rows("""
                UPDATE jobs SET finishing = 'done', finishing_owner = NULL, state = 'finished', finished = \(time),
                    postal_batch = \(postalBatch), finishing_error = \(failure)
                WHERE id = \(job) AND finishing = 'running' AND finishing_owner = \(worker)
                RETURNING id
                """, on: db)
            guard !ended.isEmpty else { return }
            try await self.settlePost(job: job, batch: postalBatch, failures: postFailures, db: db, time: time)
        }
    }

    // MARK: On-line results

    public func onlineResult(tenant: String, key: String) async throws -> OnlineResult? {
        try await rows("SELECT * FROM online_results WHERE tenant = \(tenant) AND idempotency_key = \(key)").first.map {
            OnlineResult(requestHash: try $0["request_hash"].decode(String.self), file: try $0["file"].decode(String.self),
                         pages: try $0["pages"].decode(Int.self))
        }
    }

    public func keepOnlineResult(tenant: String, key: String, result: OnlineResult, now: Date) async throws {
        _ = try await rows("""
            INSERT INTO online_results (tenant, idempotency_key, request_hash, file, pages, created)
            VALUES (\(tenant), \(key), \(result.requestHash), \(result.file), \(result.pages), \(now.timeIntervalSince1970))
            ON CONFLICT (tenant, idempotency_key) DO NOTHING
            """)
    }

    public func ledgerCounts(job: String) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await rows("SELECT number, COUNT(*) AS n FROM render_ledger WHERE job = \(job) GROUP BY number") {
            counts[try row["number"].decode(Int.self)] = try row["n"].decode(Int.self)
        }
        return counts
    }

    public func ping() async throws {
        _ = try await rows("SELECT 1 AS one")
    }
}
