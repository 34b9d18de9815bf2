// Standard Webhooks signatures (standardwebhooks.com): a secret `whsec_` + base64 of its bytes;
// each request carries `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`,
// `v1,` + base64 of HMAC-SHA256 over `id.timestamp.body`. A receiver recomputes it, compares in
// constant time, and refuses a timestamp too far from its clock (a replay of an old request).
import Crypto
import Foundation

public struct WebhookSignature: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case badSecret, missingHeader(String), badTimestamp, tooOld, tooNew, noMatch

        public var description: String {
            switch self {
            case .badSecret: "the webhook secret is not whsec_ followed by base64"
            case .missingHeader(let name): "the request has no \(name) header"
            case .badTimestamp: "webhook-timestamp is not a number of seconds"
            case .tooOld: "webhook-timestamp is too old (a replay?)"
            case .tooNew: "webhook-timestamp is in the future"
            case .noMatch: "no signature matches the body"
            }
        }
    }

    private let key: SymmetricKey

    /// `secret`: `whsec_…` (or the bare base64).
    public init(secret: String) throws(Failure) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { throw .badSecret }
        key = SymmetricKey(data: bytes)
    }

    /// A new secret of 32 random bytes, as `whsec_…`.
    public static func newSecret() -> String {
        "whsec_" + Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64EncodedString()
    }

    /// `v1,…` for the message `id` sent at `timestamp` with `body`.
    public func sign(id: String, timestamp: Int, body: [UInt8]) -> String {
        var mac = HMAC<SHA256>(key: key)
        mac.update(data: Array("\(id).\(timestamp).".utf8))
        mac.update(data: body)
        return "v1," + Data(mac.finalize()).base64EncodedString()
    }

    /// The three headers of a request.
    public func headers(id: String, timestamp: Int, body: [UInt8]) -> [(String, String)] {
        [("webhook-id", id), ("webhook-timestamp", "\(timestamp)"), ("webhook-signature", sign(id: id, timestamp: timestamp, body: body))]
    }

    /// Checks a received request: one of the space-separated `v1,` signatures must match, and the
    /// timestamp lie within `tolerance` seconds of `now`.
    public func verify(headers: [String: String], body: [UInt8], now: Date = Date(), tolerance: Int = 300) throws(Failure) {
        let lower = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        guard let id = lower["webhook-id"] else { throw .missingHeader("webhook-id") }
        guard let stamp = lower["webhook-timestamp"] else { throw .missingHeader("webhook-timestamp") }
        guard let signatures = lower["webhook-signature"] else { throw .missingHeader("webhook-signature") }
        guard let timestamp = Int(stamp) else { throw .badTimestamp }
        let clock = Int(now.timeIntervalSince1970)
        if timestamp < clock - tolerance { throw .tooOld }
        if timestamp > clock + tolerance { throw .tooNew }
        let expected = Array(sign(id: id, timestamp: timestamp, body: body).utf8)
        for candidate in signatures.split(separator: " ") where candidate.hasPrefix("v1,") {
            let given = Array(candidate.utf8)
            guard given.count == expected.count else { continue }
            if zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 { return }
        }
        throw .noMatch
    }
}
