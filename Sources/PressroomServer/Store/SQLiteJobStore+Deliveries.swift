// The delivery ledger in SQLite: a job's rendered records' emails and post deliveries, put in
// with the records' outcomes; emails claimed with leases, settled as sent, bounced (refused) or
// failed (tries used up), each of the last two falling back to post when the job makes a postal
// batch; the job's postal batch marks its post deliveries batched.
import Foundation
import GRDB

extension SQLiteJobStore {
    /// Puts in a rendered record's deliveries (inside `complete`'s transaction).
    static func plan(_ delivery: PlannedDelivery, job: String, number: Int, db: Database, time: Double) throws {
        if let address = delivery.email {
            try put(job: job, number: number, channel: "email", state: "pending", address: address, detail: nil, key: delivery.key, db: db, time: time)
        }
        if delivery.post { try put(job: job, number: number, channel: "post", state: "wanted", address: nil, detail: delivery.reason, key: delivery.key, db: db, time: time) }
    }

    /// One delivery, unless the record has it already (rendered again); `skipped` when another
    /// job of the tenant delivers the record's key on the channel.
    private static func put(job: String, number: Int, channel: String, state: String, address: String?, detail: String?, key: String?,
                            db: Database, time: Double) throws {
        try db.execute(sql: """
            INSERT INTO deliveries (job, number, channel, tenant, state, address, detail, record_key, available_at, updated)
            SELECT ?, ?, ?, tenant, ?, ?, ?, ?, ?, ? FROM jobs WHERE id = ?
            ON CONFLICT DO NOTHING
            """, arguments: [job, number, channel, state, address, detail, key, time, time, job])
        guard db.changesCount == 0, let key,
              try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deliveries WHERE job = ? AND number = ? AND channel = ?)",
                                 arguments: [job, number, channel])! else { return }
        let other = try String.fetchOne(db, sql: """
            SELECT d.job FROM deliveries d JOIN jobs j ON j.id = ? AND d.tenant = j.tenant
            WHERE d.channel = ? AND d.record_key = ? AND d.state IN ('pending', 'sending', 'sent', 'wanted', 'batched')
            """, arguments: [job, channel, key]) ?? "?"
        try db.execute(sql: """
            INSERT INTO deliveries (job, number, channel, tenant, state, address, detail, record_key, available_at, updated)
            SELECT ?, ?, ?, tenant, 'skipped', ?, ?, ?, ?, ? FROM jobs WHERE id = ?
            """, arguments: [job, number, channel, address, DeliveryProblem.skipped(job: other, key: key), key, time, time, job])
    }

    public func claimDeliveries(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedDelivery] {
        let time = now.timeIntervalSince1970
        // An idle sender polls: a read finds nothing due without taking the write lock.
        let due = try await pool.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM deliveries WHERE (state = 'pending' AND available_at <= ?) OR (state = 'sending' AND lease_until < ?))
                """, arguments: [time, time])
        }
        guard due == true else { return [] }
        return try await pool.write { db in
            // A lease that ran out (its sender stopped) makes the email due again, in doubt if its
            // content had begun to go.
            let rows = try Row.fetchAll(db, sql: """
                UPDATE deliveries SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated = ?,
                    in_doubt = CASE WHEN content_at IS NULL THEN in_doubt ELSE 1 END, content_at = NULL
                WHERE (job, number, channel) IN (
                    SELECT job, number, channel FROM deliveries
                    WHERE (state = 'pending' AND available_at <= ?) OR (state = 'sending' AND lease_until < ?)
                    ORDER BY available_at LIMIT ?)
                RETURNING job, number, tenant, address, attempts, record_key, in_doubt
                """, arguments: [worker, time + lease, time, time, time, limit])
            var posts: [String: Bool] = [:]
            return try rows.map { row in
                let job: String = row["job"]
                if posts[job] == nil {
                    let spec = try String.fetchOne(db, sql: "SELECT spec FROM jobs WHERE id = ?", arguments: [job])
                    posts[job] = try spec.map { try StoreCoding.decode(JobSpec.self, $0).post != nil } ?? false
                }
                return ClaimedDelivery(job: job, tenant: row["tenant"], number: row["number"], address: row["address"] ?? "",
                                       attempts: row["attempts"], canFallBack: posts[job] ?? false, key: row["record_key"],
                                       inDoubt: (row["in_doubt"] as Int) != 0)
            }
        }
    }

    public func markDeliveryContent(_ delivery: ClaimedDelivery, worker: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE deliveries SET content_at = ?
                WHERE job = ? AND number = ? AND channel = 'email' AND state = 'sending' AND lease_owner = ?
                """, arguments: [now.timeIntervalSince1970, delivery.job, delivery.number, worker])
            return db.changesCount == 1
        }
    }

    public func settleDelivery(_ delivery: ClaimedDelivery, worker: String, _ settlement: DeliverySettlement, maxAttempts: Int,
                               retryDelay: TimeInterval, now: Date) async throws {
        let time = now.timeIntervalSince1970
        try await pool.write { db in
            let (state, detail) = settlement.ledgerRow(for: delivery, maxAttempts: maxAttempts)
            let wait = min(6 * 3600, retryDelay * pow(2, Double(max(delivery.attempts - 1, 0))))
            try db.execute(sql: """
                UPDATE deliveries SET state = ?, detail = ?, lease_owner = NULL, lease_until = NULL, available_at = ?, updated = ?,
                    content_at = NULL
                WHERE job = ? AND number = ? AND channel = 'email' AND state = 'sending' AND lease_owner = ?
                """, arguments: [state, detail, time + wait, time, delivery.job, delivery.number, worker])
            guard db.changesCount == 1, state == "bounced" || state == "failed", delivery.canFallBack else { return }
            try Self.put(job: delivery.job, number: delivery.number, channel: "post", state: "wanted", address: nil,
                         detail: DeliveryProblem.fallBack(delivery, state: state, detail: detail), key: delivery.key, db: db, time: time)
        }
    }

    /// The job's post deliveries: batched into `batch`, or failed with their reasons.
    static func settlePost(job: String, batch: String?, failures: [Int: String], db: Database, time: Double) throws {
        for (number, reason) in failures {
            try db.execute(sql: """
                UPDATE deliveries SET state = 'failed', detail = ?, updated = ? WHERE job = ? AND number = ? AND channel = 'post' AND state = 'wanted'
                """, arguments: [reason, time, job, number])
        }
        if let batch {
            try db.execute(sql: "UPDATE deliveries SET state = 'batched', batch = ?, updated = ? WHERE job = ? AND channel = 'post' AND state = 'wanted'",
                           arguments: [batch, time, job])
        }
    }

    /// The job's deliveries by channel and state, those that did not reach their recipient, and
    /// the emails left in doubt.
    static func deliveries(of job: String, db: Database, withProblems: Bool) throws -> JobDeliveries {
        var found = JobDeliveries()
        for row in try Row.fetchAll(db, sql: "SELECT channel, state, COUNT(*) AS n FROM deliveries WHERE job = ? GROUP BY channel, state",
                                    arguments: [job]) {
            found.counts["\(row["channel"] as String).\(row["state"] as String)"] = row["n"]
        }
        guard withProblems, !found.counts.isEmpty else { return found }
        func listed(_ condition: String) throws -> [DeliveryProblem] {
            try Row.fetchAll(db, sql: """
                SELECT number, channel, state, detail FROM deliveries WHERE job = ? AND \(condition) ORDER BY number, channel LIMIT \(JobDeliveries.listed)
                """, arguments: [job]).map {
                DeliveryProblem(record: $0["number"], channel: $0["channel"], state: $0["state"], detail: $0["detail"] ?? "")
            }
        }
        found.problems = try listed(JobDeliveries.undelivered)
        found.inDoubt = try listed(JobDeliveries.doubtful)
        return found
    }

    /// The records a job's postal batch is to hold (see `FinishingClaim.forPost`).
    static func forPost(job: String, spec: JobSpec, rendered: [Int], db: Database) throws -> [Int] {
        guard spec.deliver else { return rendered }
        return try Int.fetchAll(db, sql: "SELECT number FROM deliveries WHERE job = ? AND channel = 'post' AND state = 'wanted' ORDER BY number",
                                arguments: [job])
    }
}
