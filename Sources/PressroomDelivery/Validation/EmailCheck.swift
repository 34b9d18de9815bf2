// What checking one address found: a verdict (valid, risky, invalid, unknown), the reasons in
// words, the domain's mail servers, the role and disposable flags and a suggested correction.
public struct EmailCheck: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        /// Well-formed, and its domain takes mail.
        case valid
        /// Deliverable as far as DNS tells, but a role account, a throwaway domain, a likely typo
        /// or a domain without MX records.
        case risky
        /// Cannot take mail: malformed, no such domain, or a domain that refuses mail.
        case invalid
        /// DNS gave no answer in time; try again later.
        case unknown
    }

    /// As given.
    public var address: String
    /// The form to send to: the local part as given, the domain in ASCII (IDNA).
    public var normalized: String?
    /// The domain as people read it (Unicode), when it differs from the ASCII one.
    public var unicodeDomain: String?
    public var verdict: Verdict
    /// Why it is invalid or unknown.
    public var problems: [String] = []
    /// Why it is risky.
    public var warnings: [String] = []
    /// The hosts mail for the domain goes to, best first (the domain itself when it has only an address).
    public var mailServers: [String] = []
    /// A role mailbox (info@, billing@, noreply@): read by many or by none.
    public var role = false
    /// A throwaway domain.
    public var disposable = false
    /// The address with a common domain it is probably a typo of ("anna@gmail.com" for "anna@gmial.com").
    public var suggestion: String?
    /// The domain's answer came from the cache, not from DNS.
    public var cached = false

    public init(address: String, verdict: Verdict) {
        self.address = address
        self.verdict = verdict
    }

    /// One line: the verdict and its reasons.
    public var summary: String {
        var parts = [verdict.rawValue]
        parts += problems + warnings
        if let suggestion { parts.append("did you mean \(suggestion)?") }
        return parts.joined(separator: "; ")
    }
}
