// Where and how to reach an SMTP server: host and port, TLS (STARTTLS required by default; TLS
// from the first byte on port 465; plain only when asked for), the certificate to trust (the
// system's, or a file for a private server), login, the name to greet with, time limits, and how
// often and how patiently a message that is deferred (4xx) is tried again, and how many messages
// may be in flight at once, overall and to one recipient domain.
import NIOCore

public struct SMTPConfiguration: Sendable {
    public enum Security: String, Sendable, CaseIterable {
        /// Upgrade with STARTTLS and refuse to send if the server cannot.
        case startTLS = "starttls"
        /// TLS from the start (SMTPS, port 465).
        case implicitTLS = "tls"
        /// No encryption: only for a server on a trusted network.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// A PEM file of certificates to trust instead of the system's.
    public var trustedCertificates: String?
    public var username: String?
    public var password: String?
    /// The name sent with EHLO.
    public var helloName: String
    public var timeout: TimeAmount
    /// Tries of a deferred message, the first included.
    public var attempts: Int
    /// The wait before the second try; each later wait doubles it.
    public var retryDelay: TimeAmount
    /// Messages in flight at once, each on a connection of its own.
    public var connections: Int
    /// Messages in flight at once to one recipient domain.
    public var connectionsPerDomain: Int

    public init(host: String, port: Int = 587, security: Security = .startTLS, trustedCertificates: String? = nil,
                username: String? = nil, password: String? = nil, helloName: String = "pressroom.localhost",
                timeout: TimeAmount = .seconds(30), attempts: Int = 5, retryDelay: TimeAmount = .seconds(2),
                connections: Int = 4, connectionsPerDomain: Int = 2) {
        self.host = host
        self.port = port
        self.security = security
        self.trustedCertificates = trustedCertificates
        self.username = username
        self.password = password
        self.helloName = helloName
        self.timeout = timeout
        self.attempts = attempts
        self.retryDelay = retryDelay
        self.connections = connections
        self.connectionsPerDomain = connectionsPerDomain
    }

    /// `HOST` or `HOST:PORT` (587 when the port is left out); nil when it is neither.
    public static func server(_ text: String) -> (host: String, port: Int)? {
        let parts = text.split(separator: ":")
        guard let host = parts.first, parts.count <= 2, let port = parts.count == 2 ? Int(parts[1]) : 587, (1...65535).contains(port) else {
            return nil
        }
        return (String(host), port)
    }
}
