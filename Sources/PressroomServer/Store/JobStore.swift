// The job store's contract: what the API, the workers and the command line ask of it. The
// embedded default is SQLite (`SQLiteJobStore`), PostgreSQL (`PostgresJobStore`) serves workers
// on many machines; every call is one transaction, committed to the disk before it returns, so
// what the store answered survives a crash.
import Foundation
import PressroomProduction

public protocol JobStore: Sendable {
    // Keys.
    func addKey(_ key: StoredKey) async throws
    func key(hash: String) async throws -> StoredKey?
    func keys(tenant: String?) async throws -> [StoredKey]
    func removeKey(prefix: String) async throws -> Int

    // Jobs, as the API sees them.
    /// Creates the job with its records in one transaction; under an idempotency key already
    /// used, the earlier job (same request) or a conflict.
    func createJob(id: String, tenant: String, spec: JobSpec, weight: Double, idempotencyKey: String?,
                   requestHash: String, records: [RecordEntry], now: Date) async throws -> JobCreation
    func job(_ id: String, tenant: String) async throws -> JobStatus?
    func jobs(tenant: String, limit: Int) async throws -> [JobStatus]
    /// The state of one record of a tenant's job (nil: no such job or record).
    func recordState(job: String, tenant: String, number: Int) async throws -> RecordState?
    /// Records waiting or being rendered, over every job: the queue the API limits.
    func pendingRecords() async throws -> Int

    // Work.
    /// Up to `limit` records of one job, picked by weighted fair turns among the jobs with work,
    /// leased to `worker` until `now + lease`.
    func claim(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedRecord]
    /// Extends the worker's leases.
    func heartbeat(worker: String, lease: TimeInterval, now: Date) async throws
    /// Records the outcomes of records the worker holds. A record whose lease the worker lost
    /// (it ran out and another worker took it) is left alone: returns the numbers that counted.
    @discardableResult
    func complete(worker: String, job: String, outcomes: [(number: Int, outcome: RecordOutcome)],
                  maxAttempts: Int, now: Date) async throws -> [Int]
    /// Leases that ran out (a worker that died) go back to the queue after a backoff, or to
    /// the dead letters when their attempts are used up. Returns how many were rescued.
    func rescueExpiredLeases(maxAttempts: Int, now: Date) async throws -> Int
    /// A job whose records are all done and that has a finishing step, leased to `worker`.
    func claimFinishing(worker: String, lease: TimeInterval, now: Date) async throws -> FinishingClaim?
    /// Ends the job's finishing step; its post deliveries go into `postalBatch`, except
    /// `postFailures` (record number: why not).
    func completeFinishing(worker: String, job: String, postalBatch: String?, failure: String?, postFailures: [Int: String],
                           now: Date) async throws

    // Deliveries (the ledger) of jobs with `deliver`. A job's finishing step waits for its emails.
    /// Up to `limit` due emails, leased to `worker` until `now + lease`; an email whose lease
    /// ran out (its sender stopped) is due again.
    func claimDeliveries(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedDelivery]
    /// Marks that the content of an email `worker` holds is about to go to the server (after its
    /// 354 reply): should the sender stop before settling, the email is claimed again in doubt.
    /// False when `worker` no longer holds the lease; then the content must not go.
    func markDeliveryContent(_ delivery: ClaimedDelivery, worker: String, now: Date) async throws -> Bool
    /// Settles an email `worker` holds: sent; bounced (refused); or deferred: due again after
    /// `retryDelay` doubled for each try before, failed once `maxAttempts` are used up. A
    /// bounced or failed email puts the record's post delivery in when the job can fall back.
    func settleDelivery(_ delivery: ClaimedDelivery, worker: String, _ settlement: DeliverySettlement, maxAttempts: Int,
                        retryDelay: TimeInterval, now: Date) async throws

    // Status webhooks (the outbox).
    /// Jobs that ended (finished or failed) whose end is not yet in the outbox, oldest first.
    func unannouncedJobs(limit: Int) async throws -> [JobStatus]
    /// Puts `events` in the outbox (an id already there is left as it is) and marks `announcing`
    /// jobs announced, in one transaction.
    func enqueueWebhooks(_ events: [WebhookEvent], announcing jobs: [String], now: Date) async throws
    /// Up to `limit` due events, leased to `worker` until `now + lease`.
    func claimWebhooks(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [WebhookEvent]
    /// Delivered (`error` nil), or tried again after a wait that doubles, or dead once its
    /// attempts are used up. Only while `worker` holds the lease.
    func settleWebhook(_ id: String, worker: String, error: String?, maxAttempts: Int, now: Date) async throws
    func webhookSummary(tenant: String) async throws -> WebhookSummary
    /// The tenant a job belongs to (a print shop's acknowledgement names only the job).
    func tenant(ofJob id: String) async throws -> String?

    // On-line renders kept by idempotency key.
    func onlineResult(tenant: String, key: String) async throws -> OnlineResult?
    func keepOnlineResult(tenant: String, key: String, result: OnlineResult, now: Date) async throws

    // How many times each record was rendered, from the render ledger (tests and audits).
    func ledgerCounts(job: String) async throws -> [Int: Int]

    /// Whether the store answers (the readiness probe).
    func ping() async throws

    /// Returns when new work may be waiting, or after `limit`: an idle worker's pause.
    func waitForWork(upTo limit: Duration) async

    /// Stops the store's background work and closes its connections: the store answers nothing after.
    func close()
}

extension JobStore {
    /// A store that cannot announce work: the worker polls.
    public func waitForWork(upTo limit: Duration) async {
        try? await Task.sleep(for: limit)
    }
}
