// The status webhooks' outbox in SQLite: events put in once by id, claimed with leases, settled
// as delivered, retried after a wait that doubles, or dead.
import Foundation
import GRDB

extension SQLiteJobStore {
    public func unannouncedJobs(limit: Int) async throws -> [JobStatus] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM jobs WHERE announced IS NULL AND state IN ('finished', 'failed') ORDER BY created LIMIT ?
                """, arguments: [limit]).map { try Self.status($0, db: db, withFailures: false) }
        }
    }

    public func enqueueWebhooks(_ events: [WebhookEvent], announcing jobs: [String], now: Date) async throws {
        let time = now.timeIntervalSince1970
        try await pool.write { db in
            for event in events {
                try db.execute(sql: """
                    INSERT INTO webhook_outbox (id, tenant, type, body, available_at, created) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """, arguments: [event.id, event.tenant, event.type, event.body, time, time])
            }
            for job in jobs {
                try db.execute(sql: "UPDATE jobs SET announced = ? WHERE id = ? AND announced IS NULL", arguments: [time, job])
            }
        }
    }

    public func claimWebhooks(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [WebhookEvent] {
        let time = now.timeIntervalSince1970
        // A lease that ran out (its sender stopped) makes the event due again.
        return try await pool.write { db in
            try Row.fetchAll(db, sql: """
                UPDATE webhook_outbox SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM webhook_outbox
                    WHERE (state = 'pending' AND available_at <= ?) OR (state = 'sending' AND lease_until < ?)
                    ORDER BY available_at LIMIT ?)
                RETURNING id, tenant, type, body, attempts
                """, arguments: [worker, time + lease, time, time, limit])
                .map { WebhookEvent(id: $0["id"], tenant: $0["tenant"], type: $0["type"], body: $0["body"], attempts: $0["attempts"]) }
        }
    }

    public func settleWebhook(_ id: String, worker: String, error: String?, maxAttempts: Int, now: Date) async throws {
        let time = now.timeIntervalSince1970
        try await pool.write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE webhook_outbox SET state = CASE WHEN attempts >= ? THEN 'dead' ELSE 'pending' END, error = ?,
                        lease_owner = NULL, lease_until = NULL, available_at = ? + MIN(3600, 1 << attempts)
                    WHERE id = ? AND state = 'sending' AND lease_owner = ?
                    """, arguments: [maxAttempts, error, time, id, worker])
            } else {
                try db.execute(sql: """
                    UPDATE webhook_outbox SET state = 'delivered', error = NULL, lease_owner = NULL, lease_until = NULL, delivered = ?
                    WHERE id = ? AND state = 'sending' AND lease_owner = ?
                    """, arguments: [time, id, worker])
            }
        }
    }

    public func webhookSummary(tenant: String) async throws -> WebhookSummary {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM webhook_outbox WHERE tenant = ? GROUP BY state",
                                        arguments: [tenant]) {
                counts[row["state"]] = row["n"]
            }
            let dead = try Row.fetchAll(db, sql: """
                SELECT id, type, error FROM webhook_outbox WHERE tenant = ? AND state = 'dead' ORDER BY created DESC LIMIT 20
                """, arguments: [tenant]).map { (id: $0["id"] as String, type: $0["type"] as String, error: ($0["error"] as String?) ?? "") }
            return WebhookSummary(counts: counts, dead: dead)
        }
    }

    public func tenant(ofJob id: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT tenant FROM jobs WHERE id = ?", arguments: [id]) }
    }
}
