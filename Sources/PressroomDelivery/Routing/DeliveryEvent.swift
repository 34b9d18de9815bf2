// What happened to one record on one channel, as the delivery ledger keeps it and status webhooks
// send it: rendered, sent, deferred, bounced, fallen back to post, batched, acknowledged by the
// print shop, failed; and, in the ledger only, sending (the content is going to the server,
// whose reply decides). An event names its record by the idempotency key (stable across runs) and
// by its number in this run's data file.
import Foundation

public enum DeliveryChannel: String, Sendable, Codable, CaseIterable {
    case email, post
}

public struct DeliveryEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case rendered, queued, sending, sent, deferred, bounced
        case fellBackToPost = "fallen_back_to_post"
        case batched, acknowledged, failed
    }

    /// The record's idempotency key (`meta.idempotency_key`).
    public var key: String
    /// The record's number in the data file of the run that wrote the event.
    public var record: Int
    public var channel: DeliveryChannel
    public var kind: Kind
    /// When, as RFC 3339 UTC.
    public var at: String
    /// The email address (email events).
    public var address: String?
    /// The bounce class (bounced events).
    public var bounce: BounceKind?
    /// The postal batch's job name (batched and acknowledged events).
    public var batch: String?
    /// The stage the print shop confirmed (acknowledged events).
    public var stage: PostalHandoff.Stage?
    /// Why, in words: the server's reply, the error, the reason for the fallback.
    public var detail: String?
    /// The message's Message-ID as in its header, `<…@sender-domain>` (email events once it is made).
    public var messageID: String?

    enum CodingKeys: String, CodingKey {
        case key, record, channel, kind, at, address, bounce, batch, stage, detail, messageID = "message_id"
    }

    public init(key: String, record: Int, channel: DeliveryChannel, kind: Kind, at: Date = Date(), address: String? = nil,
                bounce: BounceKind? = nil, batch: String? = nil, stage: PostalHandoff.Stage? = nil, detail: String? = nil,
                messageID: String? = nil) {
        self.key = key
        self.record = record
        self.channel = channel
        self.kind = kind
        self.at = Self.timestamp(at)
        self.address = address
        self.bounce = bounce
        self.batch = batch
        self.stage = stage
        self.detail = detail
        self.messageID = messageID
    }

    /// The webhook event type: `document.sent`, `document.fallen_back_to_post`, ...
    public var type: String { "document.\(kind.rawValue)" }

    /// Whether the channel is finished for the record: nothing more is to be sent on it.
    public var isFinal: Bool {
        switch kind {
        case .sent, .bounced: channel == .email
        case .batched, .acknowledged: channel == .post
        case .rendered, .queued, .sending, .deferred, .fellBackToPost, .failed: false
        }
    }

    /// Whether status webhooks carry this kind. `sending` stays in the ledger: it marks the
    /// moment after which a crash leaves a message in doubt, and the outcome that follows it is
    /// what a client hears of.
    public var isPublished: Bool { kind != .sending }

    /// RFC 3339 in UTC with milliseconds ("2026-12-05T12:30:38.123Z").
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let milliseconds = min(999, Int((interval - interval.rounded(.down)) * 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
    }
}
