// What the job store keeps, as values: API keys (hashed) with their role and tenant, batch jobs
// and their records, on-line results kept for their idempotency key. The same shapes on SQLite
// and PostgreSQL.
import Foundation
import PressroomProduction

/// What a key may do. A submitter renders and submits jobs; an admin also uploads layouts,
/// components, themes and images; a print shop only pulls and acknowledges its own batches.
public enum Role: String, Sendable, Codable, CaseIterable {
    case submitter, admin, printshop
}

/// An API key as stored: only its SHA-256, never the key.
public struct StoredKey: Sendable, Equatable {
    public var hash: String
    /// The key's first characters, to tell keys apart in listings.
    public var prefix: String
    public var tenant: String
    public var role: Role
    /// The print shop a `printshop` key speaks for.
    public var shop: String?
    public var label: String?
    public var created: Date

    public init(hash: String, prefix: String, tenant: String, role: Role, shop: String?, label: String?, created: Date) {
        self.hash = hash
        self.prefix = prefix
        self.tenant = tenant
        self.role = role
        self.shop = shop
        self.label = label
        self.created = created
    }
}

/// What a batch job renders, as its create call asked.
public struct JobSpec: Sendable, Codable, Equatable {
    public var layout: String
    public var theme: String?
    public var variant: String
    /// The document type, which picks the job's priority class (default: the layout's name).
    public var type: String
    public var combine: Bool
    /// A post profile: the job's mailable records also become a postal batch.
    public var post: String?
    /// The print shop a postal batch is handed to.
    public var shop: String?
    /// Each rendered record goes to its recipient as its `delivery` asks: by email (the
    /// tenant's sender, through the service's SMTP server), and by post, or by post when its
    /// email cannot go, into the job's postal batch (with `post`).
    public var deliver: Bool

    public init(layout: String, theme: String? = nil, variant: String = "digital", type: String? = nil,
                combine: Bool = false, post: String? = nil, shop: String? = nil, deliver: Bool = false) {
        self.layout = layout
        self.theme = theme
        self.variant = variant
        self.type = type ?? layout
        self.combine = combine
        self.post = post
        self.shop = shop
        self.deliver = deliver
    }

    enum CodingKeys: String, CodingKey {
        case layout, theme, variant, type, combine, post, shop, deliver
    }

    /// Jobs stored before `deliver` existed read as jobs without it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        layout = try container.decode(String.self, forKey: .layout)
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        variant = try container.decode(String.self, forKey: .variant)
        type = try container.decode(String.self, forKey: .type)
        combine = try container.decode(Bool.self, forKey: .combine)
        post = try container.decodeIfPresent(String.self, forKey: .post)
        shop = try container.decodeIfPresent(String.self, forKey: .shop)
        deliver = try container.decodeIfPresent(Bool.self, forKey: .deliver) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layout, forKey: .layout)
        try container.encodeIfPresent(theme, forKey: .theme)
        try container.encode(variant, forKey: .variant)
        try container.encode(type, forKey: .type)
        try container.encode(combine, forKey: .combine)
        try container.encodeIfPresent(post, forKey: .post)
        try container.encodeIfPresent(shop, forKey: .shop)
        // Left out when off, so a job's request hash (its idempotency) is what it was before.
        if deliver { try container.encode(deliver, forKey: .deliver) }
    }

    /// Whether the job has a step after its last record: the combined file, the postal batch,
    /// and with `deliver` the wait for its emails' outcomes.
    public var needsFinishing: Bool { combine || post != nil || deliver }
}

/// One record of a new job: where it lies in the job's data file, or why it cannot be read.
public enum RecordEntry: Sendable {
    case readable(number: Int, offset: Int, length: Int, line: Int, column: Int)
    case unreadable(number: Int, line: Int, failure: RecordFailure)

    public var number: Int {
        switch self {
        case .readable(let number, _, _, _, _), .unreadable(let number, _, _): number
        }
    }
}

public enum JobState: String, Sendable, Codable {
    /// No record claimed yet.
    case queued
    /// Records are being rendered, or the finishing step (combined file, postal batch) runs.
    case running
    /// Every record rendered or failed, and the finishing step done.
    case finished
    /// No record could be rendered.
    case failed
}

public enum RecordState: String, Sendable, Codable {
    case queued, leased, rendered, failed
    /// Failed for reasons outside the record (a full disk) as often as a record may be tried.
    case dead
}

/// A job as its status call shows it.
public struct JobStatus: Sendable {
    public var id: String
    public var tenant: String
    public var spec: JobSpec
    public var idempotencyKey: String?
    public var state: JobState
    public var created: Date
    public var finished: Date?
    public var total: Int
    public var queued: Int
    public var running: Int
    public var rendered: Int
    public var failed: Int
    public var pages: Int
    public var postalBatch: String?
    /// Failed records, in record order, with their line in the job's data file.
    public var failures: [(record: Int, line: Int, failure: RecordFailure)]
    /// With `deliver`: deliveries by channel and state (`email.sent`, `post.batched` …).
    public var deliveries: [String: Int] = [:]
    /// Deliveries that did not reach their recipient on their channel, in record order.
    public var undelivered: [DeliveryProblem] = []
    /// Emails an earlier try left in doubt: its sender stopped while the content was going, so
    /// the receiver may have that try as well as the one that settled it, in record order.
    public var inDoubt: [DeliveryProblem] = []

    /// A job's row with its records counted by state.
    init(id: String, tenant: String, spec: JobSpec, idempotencyKey: String?, state: JobState, created: Date, finished: Date?,
         total: Int, counts: [String: Int], pages: Int, postalBatch: String?, failures: [(record: Int, line: Int, failure: RecordFailure)]) {
        self.id = id
        self.tenant = tenant
        self.spec = spec
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.created = created
        self.finished = finished
        self.total = total
        queued = counts["queued", default: 0]
        running = counts["leased", default: 0]
        rendered = counts["rendered", default: 0]
        failed = counts["failed", default: 0] + counts["dead", default: 0]
        self.pages = pages
        self.postalBatch = postalBatch
        self.failures = failures
    }
}

/// A record a worker has claimed: its lease is the worker's until it completes or the lease
/// runs out.
public struct ClaimedRecord: Sendable {
    public var job: String
    public var tenant: String
    public var spec: JobSpec
    /// When the job was made: the print variant's creation date, the same for every record.
    public var created: Date
    public var number: Int
    public var offset: Int
    public var length: Int
    public var line: Int
    public var column: Int
    public var attempts: Int
}

/// How a claimed record ended.
public enum RecordOutcome: Sendable {
    /// With the record's delivery when its job delivers.
    case rendered(pages: Int, delivery: PlannedDelivery? = nil)
    /// The record itself is wrong (its data, the layout): trying again would fail again.
    case failed(RecordFailure)
    /// Something outside the record went wrong (the disk): try again later, until the attempts
    /// run out and the record is dead.
    case retry(RecordFailure)
}

/// The step after a job's last record, claimed by one worker.
public struct FinishingClaim: Sendable {
    public var job: String
    public var tenant: String
    public var spec: JobSpec
    public var created: Date
    /// The records that rendered, in order.
    public var rendered: [Int]
    /// The records the postal batch is to hold: with `deliver`, those that go by post (their
    /// preference, or their email could not go); else every rendered record.
    public var forPost: [Int]
}

/// The outcome of creating a job under an idempotency key.
public enum JobCreation: Sendable {
    case created(JobStatus)
    /// The key was used before, for the same request: that job.
    case existing(JobStatus)
    /// The key was used before, for a different request.
    case conflict(existing: String)
}

/// An on-line render kept under its idempotency key.
public struct OnlineResult: Sendable {
    public var requestHash: String
    public var file: String
    public var pages: Int
}

/// A status webhook in the outbox: its body is sent as it was made, under its id (the
/// webhook-id, the same for the same event, so a receiver drops a repeat).
public struct WebhookEvent: Sendable, Equatable {
    public var id: String
    public var tenant: String
    public var type: String
    public var body: String
    /// Tries so far, this one included once claimed.
    public var attempts: Int

    public init(id: String, tenant: String, type: String, body: String, attempts: Int = 0) {
        self.id = id
        self.tenant = tenant
        self.type = type
        self.body = body
        self.attempts = attempts
    }
}

/// A tenant's webhook events by state, and the last ones that could not be delivered.
public struct WebhookSummary: Sendable {
    public var counts: [String: Int]
    public var dead: [(id: String, type: String, error: String)]
}
