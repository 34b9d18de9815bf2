// The DNS records a sending domain publishes so that receivers trust its mail: SPF (which hosts
// may send for it), DKIM (each selector's public key) and DMARC (what to do with mail that fails
// both, and where to send reports), as zone-file lines. TXT values longer than 255 octets are
// split into several quoted strings, as RFC 7208 §3.3 and RFC 6376 §3.6.2.2 allow.
import Crypto
import CryptoExtras

public struct DNSRecords: Sendable {
    public enum DMARCPolicy: String, Sendable, CaseIterable {
        case none, quarantine, reject
    }

    public var domain: String
    /// SPF mechanisms before the final `~all` (e.g. `mx`, `ip4:192.0.2.10`, `include:_spf.provider.example`).
    public var spf: [String]
    public var keys: [(selector: String, key: DKIMSigner.Key)]
    public var policy: DMARCPolicy
    /// Where aggregate reports go (`rua`).
    public var reports: String?

    public init(domain: String, spf: [String] = ["mx"], keys: [(selector: String, key: DKIMSigner.Key)], policy: DMARCPolicy = .quarantine,
                reports: String? = nil) {
        self.domain = domain.hasSuffix(".") ? String(domain.dropLast()) : domain
        self.spf = spf
        self.keys = keys
        self.policy = policy
        self.reports = reports
    }

    /// The records as zone-file lines, each with a comment saying what it is for.
    public var zone: String {
        var lines = ["; SPF: the hosts that may send mail from \(domain)"]
        lines.append("\(domain). 3600 IN TXT \(Self.quoted((["v=spf1"] + spf + ["~all"]).joined(separator: " ")))")
        for (selector, key) in keys {
            lines.append("; DKIM: the public key of selector \(selector) (\(key.algorithm))")
            lines.append("\(selector)._domainkey.\(domain). 3600 IN TXT \(Self.quoted(key.dnsRecord))")
        }
        var dmarc = "v=DMARC1; p=\(policy.rawValue); adkim=r; aspf=r"
        if let reports { dmarc += "; rua=mailto:\(reports)" }
        lines.append("; DMARC: what receivers do with mail from \(domain) that fails SPF and DKIM alignment")
        lines.append("_dmarc.\(domain). 3600 IN TXT \(Self.quoted(dmarc))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `"…"`, or `( "…" "…" )` in strings of at most 255 octets.
    static func quoted(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count > 255 else { return "\"\(value)\"" }
        let parts = stride(from: 0, to: bytes.count, by: 255).map { String(decoding: bytes[$0..<min($0 + 255, bytes.count)], as: UTF8.self) }
        return "( " + parts.map { "\"\($0)\"" }.joined(separator: " ") + " )"
    }
}

extension DKIMSigner.Key {
    /// A new key: RSA of 2048 bits, or Ed25519.
    public static func generate(ed25519: Bool) throws(DeliveryError) -> DKIMSigner.Key {
        if ed25519 { return .ed25519(Curve25519.Signing.PrivateKey()) }
        do { return .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)) } catch {
            throw DeliveryError.configuration("cannot make an RSA key: \(error)")
        }
    }

    /// The private key as PEM (PKCS#8 for Ed25519; what `load(pem:)` reads).
    public var pemRepresentation: String {
        switch self {
        case .rsa(let key): key.pemRepresentation
        case .ed25519(let key): key.pemRepresentation
        }
    }
}
