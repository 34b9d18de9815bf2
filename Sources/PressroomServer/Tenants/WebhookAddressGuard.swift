// Where the service may send a tenant's webhooks: public addresses only, unless the operator
// allows private ones (`webhook-private-addresses: true`, for an endpoint on the same network or
// the tests' own on 127.0.0.1). Otherwise a tenant's admin could make the service knock on the
// machine's own ports or the internal network (SSRF). The host is checked when the webhook is
// set (a literal address, localhost) and resolved again before each send (a name that resolves
// to a private address); the send then connects to the very address that was checked (pinned),
// so a name that resolves elsewhere a moment later (DNS rebinding) cannot lead it inside.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct WebhookAddressGuard: Sendable {
    public var allowsPrivate: Bool
    /// How a host name is looked up (the system's resolver; a test's stand-in).
    public var resolver: @Sendable (String) -> [[UInt8]]

    public init(allowsPrivate: Bool, resolver: @escaping @Sendable (String) -> [[UInt8]] = WebhookAddressGuard.resolve) {
        self.allowsPrivate = allowsPrivate
        self.resolver = resolver
    }

    /// Whether a send may go to `url`, and if so, to which address its host name is pinned.
    public enum Verdict: Sendable, Equatable {
        /// `pin`: connect to `address` for `host` (nil: a literal address, or private ones allowed).
        case allowed(pin: Pin?)
        case refused(String)
        /// The name does not resolve now: a failed try, tried again later.
        case unresolved(String)
    }

    public struct Pin: Sendable, Equatable {
        public var host: String
        public var address: String

        public init(host: String, address: String) {
            self.host = host
            self.address = address
        }
    }

    /// Why `url` may not be used, or nil. `resolving` also looks the host's name up.
    public func refusal(of url: String, resolving: Bool) -> String? {
        if case .refused(let why) = verdict(on: url, resolving: resolving) { return why }
        return nil
    }

    /// The verdict on `url`; with `resolving`, its host name is looked up once (`resolve`, else
    /// the guard's resolver), refused when any of its addresses is private, else pinned to the first.
    public func verdict(on url: String, resolving: Bool, resolve: ((String) -> [[UInt8]])? = nil) -> Verdict {
        guard !allowsPrivate else { return .allowed(pin: nil) }
        guard let original = URLComponents(string: url)?.host, !original.isEmpty else { return .refused("\(url) names no host") }
        let host = original.lowercased()
        var bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        while bare.hasSuffix(".") { bare.removeLast() }   // "localhost." is localhost
        if let address = Self.address(bare) {
            return Self.isPrivate(address) ? .refused(refusal(url, bare)) : .allowed(pin: nil)
        }
        if resolving {
            let addresses = (resolve ?? resolver)(bare)
            if let inside = addresses.first(where: Self.isPrivate) { return .refused(refusal(url, Self.text(inside))) }
            guard let first = addresses.first else { return .unresolved("\(bare) does not resolve") }
            return .allowed(pin: Pin(host: original, address: Self.text(first)))
        }
        return bare == "localhost" || bare.hasSuffix(".localhost") ? .refused(refusal(url, bare)) : .allowed(pin: nil)
    }

    private func refusal(_ url: String, _ address: String) -> String {
        "\(url) leads to \(address), a loopback, private or link-local address; the service sends webhooks to public addresses only (the operator allows private ones with webhook-private-addresses: true)"
    }

    /// An address as its bytes (4 or 16).
    static func address(_ text: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    public static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [[UInt8]] = []
        var entry = list
        while let current = entry?.pointee {
            if current.ai_family == AF_INET, let socket = current.ai_addr {
                addresses.append(socket.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) } })
            } else if current.ai_family == AF_INET6, let socket = current.ai_addr {
                addresses.append(socket.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) } })
            }
            entry = current.ai_next
        }
        return addresses
    }

    /// Loopback, private (RFC 1918, unique local), link-local, shared (100.64/10), unspecified,
    /// and IPv4 inside IPv6 (mapped) judged as IPv4.
    static func isPrivate(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 16 {
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return isPrivate(Array(bytes[12...])) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }   // :: and ::1
            if bytes[0] & 0xfe == 0xfc { return true }                  // fc00::/7
            if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true } // fe80::/10
            return false
        }
        guard bytes.count == 4 else { return true }
        switch (bytes[0], bytes[1]) {
        case (0, _), (10, _), (127, _): return true
        case (169, 254), (192, 168): return true
        case (172, 16...31): return true
        case (100, 64...127): return true
        default: return false
        }
    }

    static func text(_ bytes: [UInt8]) -> String {
        bytes.count == 4 ? bytes.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }.joined(separator: ":")
    }
}
