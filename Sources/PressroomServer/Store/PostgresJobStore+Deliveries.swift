// The delivery ledger in PostgreSQL (see the SQLite store): emails claimed with leases
// (`FOR UPDATE SKIP LOCKED`, so senders on many machines never take the same email), settled as
// sent, bounced or failed, the last two falling back to post when the job makes a postal batch.
import Foundation
import PostgresNIO

extension PostgresJobStore {
    /// Puts in rendered records' deliveries (inside `complete`'s transaction).
    func plan(_ plans: [(number: Int, delivery: PlannedDelivery)], job: String, db: PostgresConnection, time: Double) async throws {
        for (number, delivery) in plans {
            if let address = delivery.email {
                try await put(job: job, number: number, channel: "email", state: "pending", address: address, detail: nil, key: delivery.key, db: db, time: time)
            }
            if delivery.post {
                try await put(job: job, number: number, channel: "post", state: "wanted", address: nil, detail: delivery.reason, key: delivery.key,
                              db: db, time: time)
            }
        }
    }

    /// One delivery, unless the record has it already (rendered again); `skipped` when another
    /// job of the tenant delivers the record's key on the channel.
    private func put(job: String, number: Int, channel: String, state: String, address: String?, detail: String?, key: String?,
                     db: PostgresConnection, time: Double) async throws {
        let inserted = try await rows("""
            INSERT INTO deliveries (job, number, channel, tenant, state, address, detail, record_key, available_at, updated)
            SELECT \(job), \(number), \(channel), tenant, \(state), \(address), \(detail), \(key), \(time), \(time) FROM jobs WHERE id = \(job)
            ON CONFLICT DO NOTHING
            RETURNING number
            """, on: db)
        guard inserted.isEmpty, let key, try await rows("""
            SELECT 1 FROM deliveries WHERE job = \(job) AND number = \(number) AND channel = \(channel)
            """, on: db).isEmpty else { return }
        let other = try await rows("""
            SELECT d.job FROM deliveries d JOIN jobs j ON j.id = \(job) AND d.tenant = j.tenant
            WHERE d.channel = \(channel) AND d.record_key = \(key) AND d.state IN ('pending', 'sending', 'sent', 'wanted', 'batched')
            """, on: db).first?["job"].decode(String.self) ?? "?"
        let skipped = DeliveryProblem.skipped(job: other, key: key)
        _ = try await rows("""
            INSERT INTO deliveries (job, number, channel, tenant, state, address, detail, record_key, available_at, updated)
            SELECT \(job), \(number), \(channel), tenant, 'skipped', \(address), \(skipped), \(key), \(time), \(time) FROM jobs WHERE id = \(job)
            """, on: db)
    }

    public func claimDeliveries(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedDelivery] {
        let time = now.timeIntervalSince1970
        let rows = try await rows("""
            UPDATE deliveries d SET state = 'sending', lease_owner = \(worker), lease_until = \(time + lease), attempts = d.attempts + 1,
                updated = \(time), in_doubt = CASE WHEN d.content_at IS NULL THEN d.in_doubt ELSE 1 END, content_at = NULL
            WHERE (job, number, channel) IN (
                SELECT job, number, channel FROM deliveries
                WHERE (state = 'pending' AND available_at <= \(time)) OR (state = 'sending' AND lease_until < \(time))
                ORDER BY available_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING d.job, d.number, d.tenant, d.address, d.attempts, d.record_key, d.in_doubt,
                (SELECT j.spec FROM jobs j WHERE j.id = d.job) AS spec
            """)
        return try rows.map { row in
            let spec = try StoreCoding.decode(JobSpec.self, row["spec"].decode(String.self))
            return ClaimedDelivery(job: try row["job"].decode(String.self), tenant: try row["tenant"].decode(String.self),
                                   number: try row["number"].decode(Int.self), address: try row["address"].decode(String?.self) ?? "",
                                   attempts: try row["attempts"].decode(Int.self), canFallBack: spec.post != nil,
                                   key: try row["record_key"].decode(String?.self), inDoubt: try row["in_doubt"].decode(Int.self) != 0)
        }
    }

    public func markDeliveryContent(_ delivery: ClaimedDelivery, worker: String, now: Date) async throws -> Bool {
        let changed = try await rows("""
            UPDATE deliveries SET content_at = \(now.timeIntervalSince1970)
            WHERE job = \(delivery.job) AND number = \(delivery.number) AND channel = 'email' AND state = 'sending'
              AND lease_owner = \(worker)
            RETURNING number
            """)
        return changed.count == 1
    }

    public func settleDelivery(_ delivery: ClaimedDelivery, worker: String, _ settlement: DeliverySettlement, maxAttempts: Int,
                               retryDelay: TimeInterval, now: Date) async throws {
        let time = now.timeIntervalSince1970
        let (state, detail) = settlement.ledgerRow(for: delivery, maxAttempts: maxAttempts)
        let available = time + min(6 * 3600, retryDelay * pow(2, Double(max(delivery.attempts - 1, 0))))
        let fallBack = DeliveryProblem.fallBack(delivery, state: state, detail: detail)
        try await write { db in
            let changed = try await self.rows("""
                UPDATE deliveries SET state = \(state), detail = \(detail), lease_owner = NULL, lease_until = NULL,
                    available_at = \(available), updated = \(time), content_at = NULL
                WHERE job = \(delivery.job) AND number = \(delivery.number) AND channel = 'email' AND state = 'sending'
                  AND lease_owner = \(worker)
                RETURNING number
                """, on: db)
            guard !changed.isEmpty, state == "bounced" || state == "failed", delivery.canFallBack else { return }
            try await self.plan([(delivery.number, PlannedDelivery(email: nil, post: true, reason: fallBack, key: delivery.key))],
                                job: delivery.job, db: db, time: time)
        }
    }

    /// The job's post deliveries: batched into `batch`, or failed with their reasons.
    func settlePost(job: String, batch: String?, failures: [Int: String], db: PostgresConnection, time: Double) async throws {
        if !failures.isEmpty {
            let numbers = Array(failures.keys), reasons = numbers.map { failures[$0] ?? "" }
            _ = try await rows("""
                UPDATE deliveries d SET state = 'failed', detail = v.reason, updated = \(time)
                FROM unnest(\(numbers), \(reasons)) AS v(number, reason)
                WHERE d.job = \(job) AND d.number = v.number AND d.channel = 'post' AND d.state = 'wanted'
                """, on: db)
        }
        if let batch {
            _ = try await rows("""
                UPDATE deliveries SET state = 'batched', batch = \(batch), updated = \(time) WHERE job = \(job) AND channel = 'post' AND state = 'wanted'
                """, on: db)
        }
    }

    /// The job's deliveries by channel and state, those that did not reach their recipient, and
    /// the emails left in doubt.
    func deliveries(of job: String, withProblems: Bool) async throws -> JobDeliveries {
        var found = JobDeliveries()
        for row in try await rows("SELECT channel, state, COUNT(*) AS n FROM deliveries WHERE job = \(job) GROUP BY channel, state") {
            found.counts["\(try row["channel"].decode(String.self)).\(try row["state"].decode(String.self))"] = try row["n"].decode(Int.self)
        }
        guard withProblems, !found.counts.isEmpty else { return found }
        func listed(_ condition: String) async throws -> [DeliveryProblem] {
            try await rows("""
                SELECT number, channel, state, detail FROM deliveries WHERE job = \(job) AND \(unescaped: condition)
                ORDER BY number, channel LIMIT \(unescaped: String(JobDeliveries.listed))
                """).map {
                DeliveryProblem(record: try $0["number"].decode(Int.self), channel: try $0["channel"].decode(String.self),
                                state: try $0["state"].decode(String.self), detail: try $0["detail"].decode(String?.self) ?? "")
            }
        }
        found.problems = try await listed(JobDeliveries.undelivered)
        found.inDoubt = try await listed(JobDeliveries.doubtful)
        return found
    }

    /// The records a job's postal batch is to hold (see `FinishingClaim.forPost`).
    func forPost(job: String, spec: JobSpec, rendered: [Int], db: PostgresConnection) async throws -> [Int] {
        guard spec.deliver else { return rendered }
        return try await rows("""
            SELECT number FROM deliveries WHERE job = \(job) AND channel = 'post' AND state = 'wanted' ORDER BY number
            """, on: db).map { try $0["number"].decode(Int.self) }
    }
}
