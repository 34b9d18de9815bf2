// The delivery ledger's values: how a rendered record of a job with `deliver` is to reach its
// recipient (an email to an address, the post, or both), an email a sender has claimed, how a
// try ended, and a job's deliveries as its status shows them. One row per record and channel
// in the store's `deliveries` table, on SQLite and PostgreSQL alike.
import Foundation

/// A rendered record's channels, as the worker found them in the record: its email (composed,
/// signed and kept beside the PDF) and whether it also, or instead, goes by post.
public struct PlannedDelivery: Sendable, Equatable {
    /// The recipient's address, when the record goes by email.
    public var email: String?
    /// The record goes by post: its preference, or its email cannot go (`reason` says why).
    public var post: Bool
    public var reason: String?
    /// The record's idempotency key: delivered once per tenant and channel over all jobs.
    public var key: String?

    public init(email: String?, post: Bool, reason: String? = nil, key: String? = nil) {
        self.email = email
        self.post = post
        self.reason = reason
        self.key = key
    }
}

/// A record's email, leased to one sender until it is settled or the lease runs out.
public struct ClaimedDelivery: Sendable {
    public var job: String
    public var tenant: String
    public var number: Int
    public var address: String
    /// Tries so far, this one included.
    public var attempts: Int
    /// The job makes a postal batch: an email that cannot go falls back to post.
    public var canFallBack: Bool
    public var key: String?
    /// An earlier try's sender stopped after the content began to go: the server may have it.
    public var inDoubt = false
}

/// How a try to send a record's email ended.
public enum DeliverySettlement: Sendable, Equatable {
    /// The receiving server took it.
    case sent(String)
    /// Refused for good (the address does not exist, or policy): never tried again.
    case refused(String)
    /// Deferred, unreachable or refused for a passing reason: tried again after a wait that
    /// doubles, and given up once the tries are used up.
    case deferred(String)

    /// The state and detail the try leaves on `delivery`'s ledger row: a deferred email fails
    /// once `maxAttempts` are used up, and an email in doubt says so whatever the outcome.
    func ledgerRow(for delivery: ClaimedDelivery, maxAttempts: Int) -> (state: String, detail: String) {
        let state: String, reported: String
        switch self {
        case .sent(let reply): (state, reported) = ("sent", reply)
        case .refused(let reply): (state, reported) = ("bounced", reply)
        case .deferred(let reason): (state, reported) = (delivery.attempts >= maxAttempts ? "failed" : "pending", reason)
        }
        return (state, delivery.inDoubt ? DeliveryProblem.inDoubt(reported) : reported)
    }
}

/// A delivering job's deliveries as its status shows them.
struct JobDeliveries {
    /// By channel and state (`email.sent`, `post.batched` …).
    var counts: [String: Int] = [:]
    /// Those that did not reach their recipient on their channel.
    var problems: [DeliveryProblem] = []
    /// Emails an earlier try left in doubt (whatever their state now).
    var inDoubt: [DeliveryProblem] = []

    /// The longest list a status shows.
    static let listed = 1000
    /// The ledger rows of `problems` and of `inDoubt`.
    static let undelivered = "state IN ('bounced', 'failed')"
    static let doubtful = "in_doubt = 1"
}

/// A delivery that did not reach its recipient on its channel, or an email in doubt, as the job's status lists it.
public struct DeliveryProblem: Sendable, Equatable {
    public var record: Int
    public var channel: String
    public var state: String
    public var detail: String
}

extension DeliveryProblem {
    /// Why a record's delivery was left out: another job delivers its key.
    static func skipped(job: String, key: String) -> String {
        "delivered by job \(job) already (idempotency key \(key))"
    }

    /// A settled email's detail when an earlier try was left in doubt.
    static func inDoubt(_ detail: String) -> String {
        "\(detail) (in doubt: an earlier try stopped while its content was going, so the receiver may have that one too, under the same Message-ID)"
    }

    /// Why a record whose email did not go is in the postal batch.
    static func fallBack(_ delivery: ClaimedDelivery, state: String, detail: String) -> String {
        state == "bounced" ? "its email to \(delivery.address) was refused (\(detail)); it goes by post"
            : "its email to \(delivery.address) did not go after \(delivery.attempts) tries (\(detail)); it goes by post"
    }
}
