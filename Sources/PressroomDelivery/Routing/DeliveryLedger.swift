// The delivery ledger: every delivery event of every run, appended to one JSON Lines file, one
// write(2) an event, so a process killed at any instant leaves every event it had written whole
// (at worst a torn last line, which is skipped and sealed off on the next open). Read back at
// the start of a run, it says what is already done: a record whose email was sent (or bounced)
// is never emailed again, a record already in a postal batch never batched again; together with
// the idempotency keys this makes a rerun after a crash deliver each record once per channel,
// with one exception SMTP itself leaves: a message whose last event is `sending` was being handed
// to the server when the run stopped, so it may have arrived. A rerun sends it again (under the
// same Message-ID) and says so. Hard-bounced addresses form the suppression list.
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public actor DeliveryLedger {
    public let path: String
    /// Flush each event to the disk before going on (survives a power cut, not only a crash).
    public let durable: Bool
    private let descriptor: Int32
    private var latest: [String: DeliveryEvent] = [:]
    private var suppressed: [String: DeliveryEvent] = [:]
    private var count = 0

    /// Opens (or makes) the ledger at `path` and reads what it holds.
    public init(path: String, durable: Bool = false) throws(DeliveryError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DeliveryError.configuration("cannot open the delivery ledger \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.durable = durable
        self.descriptor = descriptor
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        let decoder = JSONDecoder()
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let event = try? decoder.decode(DeliveryEvent.self, from: line) else { continue }
            Self.apply(event, latest: &latest, suppressed: &suppressed)
            count += 1
        }
        // A torn last line (a crash mid-write) is sealed off so the next event starts a line.
        if let last = bytes.last, last != UInt8(ascii: "\n") { _ = "\n".withCString { write(descriptor, $0, 1) } }
    }

    deinit { close(descriptor) }

    /// Appends `event`.
    public func append(_ event: DeliveryEvent) throws(DeliveryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(event) else { throw DeliveryError.message("cannot encode a delivery event for \(event.key)") }
        line.append(UInt8(ascii: "\n"))
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw DeliveryError.configuration("cannot write the delivery ledger \(path): \(String(cString: strerror(errno)))")
        }
        if durable { fsync(descriptor) }
        Self.apply(event, latest: &latest, suppressed: &suppressed)
        count += 1
    }

    /// The last event of `key` on `channel`.
    public func last(_ key: String, on channel: DeliveryChannel) -> DeliveryEvent? {
        latest[Self.slot(key, channel)]
    }

    /// Whether `channel` is finished for `key`.
    public func isDone(_ key: String, on channel: DeliveryChannel) -> Bool {
        last(key, on: channel)?.isFinal ?? false
    }

    /// The `sending` event of `key`'s email when that is its last: the run that wrote it stopped
    /// after the content went to the server and before the reply, so the message may have arrived.
    public func inDoubt(_ key: String) -> DeliveryEvent? {
        guard let event = last(key, on: .email), event.kind == .sending else { return nil }
        return event
    }

    /// The hard bounce that put `address` on the suppression list, if it is on it.
    public func suppression(of address: String) -> DeliveryEvent? {
        suppressed[address.lowercased()]
    }

    /// The records in postal batch `batch`: the last post event of each.
    public func members(of batch: String) -> [DeliveryEvent] {
        latest.values.filter { $0.channel == .post && $0.batch == batch && $0.isFinal }.sorted { ($0.record, $0.key) < ($1.record, $1.key) }
    }

    /// How many events the ledger holds.
    public var eventCount: Int { count }

    /// A short name for a set of keys (8 hex digits of the SHA-256 of them, sorted): the same
    /// records make the same postal batch name, so a batch remade after a crash replaces itself.
    public static func identity(of keys: some Sequence<String>) -> String {
        SHA256.hash(data: Data(keys.sorted().joined(separator: "\n").utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    private static func slot(_ key: String, _ channel: DeliveryChannel) -> String { "\(channel.rawValue) \(key)" }

    private static func apply(_ event: DeliveryEvent, latest: inout [String: DeliveryEvent], suppressed: inout [String: DeliveryEvent]) {
        let slot = slot(event.key, event.channel)
        // A final event stays: a later `failed` of a rerun does not undo a sent message.
        if latest[slot]?.isFinal != true || event.isFinal { latest[slot] = event }
        if event.kind == .bounced, event.bounce == .hard, let address = event.address { suppressed[address.lowercased()] = event }
    }
}
