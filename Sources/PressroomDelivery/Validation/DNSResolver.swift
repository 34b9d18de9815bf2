// DNS questions for address checks (MX, A, AAAA) through the C library's stub resolver: the
// system's servers from /etc/resolv.conf, or one server given by address and port. The resolver
// blocks, so each question runs on a Dispatch worker, never on the async executor.
import CResolv
import Dispatch

public struct DNSResolver: Sendable {
    public enum RecordType: Int32, Sendable {
        case a = 1, mx = 15, aaaa = 28
    }

    public enum Answer: Sendable, Equatable {
        /// MX answers as "PREFERENCE HOST" ("10 mx.example.com"; the host empty for a null MX),
        /// addresses as text; `ttl` the smallest time to live among them.
        case records([String], ttl: Int)
        /// The name exists and has no record of that type.
        case noData
        /// The name does not exist (NXDOMAIN).
        case noSuchDomain
        /// No answer could be had (time-out, SERVFAIL, a refusal): neither yes nor no.
        case unknown(String)
    }

    /// nil: the system's configuration. Else an IPv4 address.
    public var server: String?
    public var port: Int
    /// Seconds per try (two tries).
    public var timeout: Int

    public init(server: String? = nil, port: Int = 53, timeout: Int = 3) {
        self.server = server
        self.port = port
        self.timeout = timeout
    }

    /// `ADDRESS` or `ADDRESS:PORT` (an IPv4 address; port 53 when left out).
    public init(parsing text: String, timeout: Int = 3) throws {
        let parts = text.split(separator: ":")
        guard let address = parts.first, parts.count <= 2, let port = parts.count == 2 ? Int(parts[1]) : 53,
              address.split(separator: ".").count == 4, address.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
            throw DeliveryError.configuration("a DNS server is an IPv4 address with an optional port (127.0.0.1:5353), not `\(text)`")
        }
        self.init(server: String(address), port: port, timeout: timeout)
    }

    public func lookup(_ name: String, _ type: RecordType) async -> Answer {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: lookupNow(name, type)) }
        }
    }

    /// The same question, answered on the calling thread.
    public func lookupNow(_ name: String, _ type: RecordType) -> Answer {
        var output = [CChar](repeating: 0, count: 16_384)
        var ttl: Int32 = 0
        let outcome = pr_dns_lookup(name, type.rawValue, server, Int32(port), Int32(timeout), &output, Int32(output.count), &ttl)
        let asked = server.map { " from \($0):\(port)" } ?? ""
        switch outcome {
        case PR_DNS_OK:
            let text = String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .records(text.split(separator: "\n").map(String.init), ttl: Int(ttl))
        case PR_DNS_NO_DATA: return .noData
        case PR_DNS_NXDOMAIN: return .noSuchDomain
        case PR_DNS_TRY_AGAIN: return .unknown("no answer\(asked) in time (or the server failed)")
        case PR_DNS_BAD_SERVER: return .unknown("`\(server ?? "")` is not an IPv4 address")
        default: return .unknown("the DNS server\(asked) refused the question")
        }
    }
}
