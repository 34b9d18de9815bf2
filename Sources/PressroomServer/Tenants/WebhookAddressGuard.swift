// Where the service may send a tenant's webhooks: public addresses only, unless the operator
// allows private ones (`webhook-private-addresses: true`, for an endpoint on the same network or
// the tests' own on 127.0.0.1). Otherwise a tenant's admin could make the service knock on the
// machine's own ports or the internal network (SSRF). The host is checked when the webhook is
// set (a literal address, localhost) and resolved again before each send (a name that resolves
// to a private address).
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct WebhookAddressGuard: Sendable {
    public var allowsPrivate: Bool

    public init(allowsPrivate: Bool) {
        self.allowsPrivate = allowsPrivate
    }

    /// Why `url` may not be used, or nil. `resolving` also looks the host's name up.
    public func refusal(of url: String, resolving: Bool) -> String? {
        guard !allowsPrivate else { return nil }
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return "\(url) names no host" }
        var bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        while bare.hasSuffix(".") { bare.removeLast() }   // "localhost." is localhost
        if let address = Self.address(bare) {
            return Self.isPrivate(address) ? refusal(url, bare) : nil
        }
        if resolving {
            for address in Self.resolve(bare) where Self.isPrivate(address) {
                return refusal(url, Self.text(address))
            }
            return nil
        }
        return bare == "localhost" || bare.hasSuffix(".localhost") ? refusal(url, bare) : nil
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

    static func resolve(_ host: String) -> [[UInt8]] {
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
