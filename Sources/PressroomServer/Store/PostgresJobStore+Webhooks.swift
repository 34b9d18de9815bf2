// The status webhooks' outbox in PostgreSQL: events put in once by id, claimed with leases
// (`FOR UPDATE SKIP LOCKED`, so senders on many machines never take the same event), settled
// as delivered, retried after a wait that doubles, or dead.
import Foundation
import PostgresNIO

extension PostgresJobStore {
    public func unannouncedJobs(limit: Int) async throws -> [JobStatus] {
        var statuses: [JobStatus] = []
        for row in try await rows("""
            SELECT * FROM jobs WHERE announced IS NULL AND state IN ('finished', 'failed') ORDER BY created LIMIT \(limit)
            """) {
            statuses.append(try await status(row, withFailures: false))
        }
        return statuses
    }

    public func enqueueWebhooks(_ events: [WebhookEvent], announcing jobs: [String], now: Date) async throws {
        let time = now.timeIntervalSince1970
        let ids = events.map(\.id), tenants = events.map(\.tenant), types = events.map(\.type), bodies = events.map(\.body)
        _ = try await write { db in
            _ = try await self.rows("""
                INSERT INTO webhook_outbox (id, tenant, type, body, available_at, created)
                SELECT id, tenant, type, body, \(time), \(time) FROM unnest(\(ids), \(tenants), \(types), \(bodies)) AS e(id, tenant, type, body)
                ON CONFLICT (id) DO NOTHING
                """, on: db)
            _ = try await self.rows("UPDATE jobs SET announced = \(time) WHERE id = ANY(\(jobs)) AND announced IS NULL", on: db)
        }
    }

    public func claimWebhooks(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [WebhookEvent] {
        let time = now.timeIntervalSince1970
        // A lease that ran out (its sender stopped) makes the event due again.
        return try await rows("""
            UPDATE webhook_outbox o SET state = 'sending', lease_owner = \(worker), lease_until = \(time + lease), attempts = o.attempts + 1
            WHERE id IN (
                SELECT id FROM webhook_outbox
                WHERE (state = 'pending' AND available_at <= \(time)) OR (state = 'sending' AND lease_until < \(time))
                ORDER BY available_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant, type, body, attempts
            """).map {
            WebhookEvent(id: try $0["id"].decode(String.self), tenant: try $0["tenant"].decode(String.self), type: try $0["type"].decode(String.self),
                         body: try $0["body"].decode(String.self), attempts: try $0["attempts"].decode(Int.self))
        }
    }

    public func settleWebhook(_ id: String, worker: String, error: String?, maxAttempts: Int, now: Date) async throws {
        let time = now.timeIntervalSince1970
        if let error {
            _ = try await rows("""
                UPDATE webhook_outbox SET state = CASE WHEN attempts >= \(maxAttempts) THEN 'dead' ELSE 'pending' END, error = \(error),
                    lease_owner = NULL, lease_until = NULL, available_at = \(time) + LEAST(3600, 1 << attempts)
                WHERE id = \(id) AND state = 'sending' AND lease_owner = \(worker)
                """)
        } else {
            _ = try await rows("""
                UPDATE webhook_outbox SET state = 'delivered', error = NULL, lease_owner = NULL, lease_until = NULL, delivered = \(time)
                WHERE id = \(id) AND state = 'sending' AND lease_owner = \(worker)
                """)
        }
    }

    public func webhookSummary(tenant: String) async throws -> WebhookSummary {
        var counts: [String: Int] = [:]
        for row in try await rows("SELECT state, COUNT(*) AS n FROM webhook_outbox WHERE tenant = \(tenant) GROUP BY state") {
            counts[try row["state"].decode(String.self)] = try row["n"].decode(Int.self)
        }
        let dead = try await rows("""
            SELECT id, type, error FROM webhook_outbox WHERE tenant = \(tenant) AND state = 'dead' ORDER BY created DESC LIMIT 20
            """).map { (id: try $0["id"].decode(String.self), type: try $0["type"].decode(String.self), error: try $0["error"].decode(String?.self) ?? "") }
        return WebhookSummary(counts: counts, dead: dead)
    }

    public func tenant(ofJob id: String) async throws -> String? {
        try await rows("SELECT tenant FROM jobs WHERE id = \(id)").first?["tenant"].decode(String.self)
    }
}
