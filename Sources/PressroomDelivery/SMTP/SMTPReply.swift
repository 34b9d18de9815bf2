// A server's reply (RFC 5321 §4.2): a three-digit code, the enhanced status code when the server
// gives one (RFC 3463, `5.1.1`), and its text lines; and what a reply means for a message.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public var text: String { lines.joined(separator: " ") }

    /// `5.1.1` from `550 5.1.1 User unknown`.
    public var enhancedStatus: String? {
        guard let first = lines.first?.split(separator: " ").first else { return nil }
        let parts = first.split(separator: ".")
        guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        return String(first)
    }

    public var isPositive: Bool { (200..<400).contains(code) }
    public var isTransient: Bool { (400..<500).contains(code) }
    public var isPermanent: Bool { code >= 500 }

    public var description: String { "\(code) \(text)" }
}

/// Why a message did not go, in the terms a sender acts on (RFC 3463 classes).
public enum BounceKind: String, Sendable, Codable {
    /// The address does not exist or cannot take mail (5.1.x, 5.2.1): do not send to it again.
    case hard
    /// A passing condition (4xx, a full mailbox 5.2.2, a message too large 5.3.4): try later.
    case soft
    /// Refused for policy or reputation (5.7.x: authentication, spam, blocked).
    case policy

    public init(_ reply: SMTPReply) {
        let status = reply.enhancedStatus ?? ""
        if reply.isTransient || status.hasPrefix("5.2.2") || status.hasPrefix("5.3.4") || status.hasPrefix("4.") {
            self = .soft
        } else if status.hasPrefix("5.7.") || status.hasPrefix("5.4.") {
            self = .policy
        } else {
            self = .hard
        }
    }
}
