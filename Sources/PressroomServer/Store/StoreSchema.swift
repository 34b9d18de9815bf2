// The job store's tables, in SQL both SQLite and PostgreSQL take: keys, jobs, their records
// (queue state, leases, attempts, failures), the render ledger (one row per record and outcome:
// its count is how many times a record was rendered) and on-line results by idempotency key.
// Times are seconds since 1970. Each migration is made once, in order, by name.
enum StoreSchema {
    static let migrations: [(name: String, statements: [String])] = [
        ("1-jobs", jobs),
        // A job's queued records in number order, so a claim reads the first few of them
        // instead of sorting every queued record of the job.
        ("2-queue-order", ["CREATE INDEX job_records_queue ON job_records (job, number) WHERE state = 'queued'"]),
        ("3-webhooks", webhooks),
        ("4-deliveries", deliveries),
        ("5-delivery-doubt", deliveryDoubt),
    ]

    /// When an email's content began to go to the server (`content_at`, set by its sender under
    /// its lease, cleared when the try is settled): an email claimed again with it set was maybe
    /// taken by the server before its sender stopped, so it goes again `in_doubt` (the receiver
    /// may have it twice, under one Message-ID), and says so.
    private static let deliveryDoubt = [
        "ALTER TABLE deliveries ADD COLUMN content_at DOUBLE PRECISION",
        "ALTER TABLE deliveries ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0",
    ]

    /// The delivery ledger: one row per rendered record and channel of a job with `deliver`,
    /// put in with the record's outcome (so a record rendered again is not delivered again).
    /// An email is `pending`, `sending` (leased to `lease_owner`), then `sent`, `bounced` or
    /// `failed` (its tries used up); a post delivery is `wanted` until the job's postal batch
    /// holds it (`batched`), or `failed` when the batch could not take it. A record with an
    /// idempotency key (`meta.idempotency_key`) is delivered once per tenant and channel over
    /// all jobs: a later job's delivery of the same key is `skipped` (the unique index).
    private static let deliveries = [
        """
        CREATE TABLE deliveries (
            job TEXT NOT NULL, number INTEGER NOT NULL, channel TEXT NOT NULL, tenant TEXT NOT NULL,
            state TEXT NOT NULL, address TEXT, attempts INTEGER NOT NULL DEFAULT 0,
            available_at DOUBLE PRECISION NOT NULL, lease_owner TEXT, lease_until DOUBLE PRECISION,
            detail TEXT, batch TEXT, updated DOUBLE PRECISION NOT NULL, record_key TEXT,
            PRIMARY KEY (job, number, channel))
        """,
        "CREATE INDEX deliveries_due ON deliveries (available_at) WHERE state = 'pending'",
        """
        CREATE UNIQUE INDEX deliveries_once_per_key ON deliveries (tenant, channel, record_key)
        WHERE record_key IS NOT NULL AND state IN ('pending', 'sending', 'sent', 'wanted', 'batched')
        """,
    ]

    /// The status webhooks' outbox: each event once by its id (the webhook-id), sent by workers
    /// with leases and retries like records; a job's `announced` time says its end is in it.
    private static let webhooks = [
        """
        CREATE TABLE webhook_outbox (
            id TEXT PRIMARY KEY, tenant TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
            available_at DOUBLE PRECISION NOT NULL, lease_owner TEXT, lease_until DOUBLE PRECISION,
            error TEXT, created DOUBLE PRECISION NOT NULL, delivered DOUBLE PRECISION)
        """,
        "CREATE INDEX webhook_outbox_due ON webhook_outbox (available_at) WHERE state = 'pending'",
        "CREATE INDEX webhook_outbox_by_tenant ON webhook_outbox (tenant, state)",
        "ALTER TABLE jobs ADD COLUMN announced DOUBLE PRECISION",
        "CREATE INDEX jobs_unannounced ON jobs (created) WHERE announced IS NULL AND state IN ('finished', 'failed')",
    ]

    private static let jobs = [
        """
        CREATE TABLE api_keys (
            hash TEXT PRIMARY KEY, prefix TEXT NOT NULL, tenant TEXT NOT NULL, role TEXT NOT NULL,
            shop TEXT, label TEXT, created DOUBLE PRECISION NOT NULL)
        """,
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY, tenant TEXT NOT NULL, spec TEXT NOT NULL, doc_type TEXT NOT NULL,
            weight DOUBLE PRECISION NOT NULL, vtime DOUBLE PRECISION NOT NULL,
            idempotency_key TEXT, request_hash TEXT NOT NULL,
            total INTEGER NOT NULL, failed INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL, created DOUBLE PRECISION NOT NULL, finished DOUBLE PRECISION,
            finishing TEXT, finishing_owner TEXT, finishing_until DOUBLE PRECISION, finishing_error TEXT,
            postal_batch TEXT,
            UNIQUE (tenant, idempotency_key))
        """,
        "CREATE INDEX jobs_by_tenant ON jobs (tenant, created)",
        "CREATE INDEX jobs_by_state ON jobs (state, vtime)",
        """
        CREATE TABLE job_records (
            job TEXT NOT NULL, number INTEGER NOT NULL,
            byte_offset BIGINT, length BIGINT, line INTEGER, col INTEGER,
            state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT, lease_until DOUBLE PRECISION, available_at DOUBLE PRECISION NOT NULL DEFAULT 0,
            pages INTEGER, error TEXT,
            PRIMARY KEY (job, number))
        """,
        "CREATE INDEX job_records_by_state ON job_records (job, state, available_at)",
        "CREATE INDEX job_records_by_lease ON job_records (state, lease_until)",
        """
        CREATE TABLE render_ledger (
            job TEXT NOT NULL, number INTEGER NOT NULL, outcome TEXT NOT NULL, worker TEXT NOT NULL,
            at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX render_ledger_by_job ON render_ledger (job, number)",
        """
        CREATE TABLE online_results (
            tenant TEXT NOT NULL, idempotency_key TEXT NOT NULL, request_hash TEXT NOT NULL,
            file TEXT NOT NULL, pages INTEGER NOT NULL, created DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (tenant, idempotency_key))
        """,
    ]
}
