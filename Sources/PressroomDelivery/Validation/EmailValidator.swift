// Address validation, for `pressroom check-email` and as a library call for the service: syntax
// (RFC 5321/5322; RFC 6531 local parts), the domain through IDNA (UTS #46), the domain's mail
// servers through a real resolver (MX, else an address: RFC 5321 §5.1; a null MX refuses mail:
// RFC 7505), role and disposable flags, and a suggestion for a near miss of a common domain.
// What DNS said of a domain is cached for its time to live (a minute at least, a day at most; a
// domain without mail for five minutes; no answer is never cached), in memory, and across runs
// through `cacheEntries` and `init(cache:)`.
import Foundation

public actor EmailValidator {
    public struct Configuration: Sendable {
        public var resolver: DNSResolver
        public var disposableDomains: Set<String>
        public var commonDomains: [String]
        public var shortestTTL = 60
        public var longestTTL = 86_400
        /// How long a domain without mail (or without existence) is remembered.
        public var negativeTTL = 300

        public init(resolver: DNSResolver = DNSResolver(), disposableDomains: Set<String>,
                    commonDomains: [String] = AddressLists.commonDomains) {
            self.resolver = resolver
            self.disposableDomains = disposableDomains
            self.commonDomains = commonDomains
        }
    }

    /// What DNS says of a domain's mail.
    public enum MailExchange: Sendable, Codable, Equatable {
        /// MX hosts, best (lowest preference) first.
        case servers([String])
        /// No MX records, but an address (A or AAAA): mail goes to the domain itself.
        case addressOnly
        /// A null MX: the domain says it takes no mail.
        case nullMX
        /// Neither MX nor address records.
        case noMail
        case noSuchDomain
        /// DNS gave no answer.
        case unknown(String)
    }

    public struct CacheEntry: Sendable, Codable, Equatable {
        public var domain: String
        public var exchange: MailExchange
        public var expires: Date
    }

    public let configuration: Configuration
    private var cache: [String: CacheEntry] = [:]
    private let clock: @Sendable () -> Date

    public init(_ configuration: Configuration, cache entries: [CacheEntry] = [], clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.clock = clock
        let now = clock()
        for entry in entries where entry.expires > now { cache[entry.domain] = entry }
    }

    /// The cached answers still fresh, for keeping across runs.
    public var cacheEntries: [CacheEntry] {
        let now = clock()
        return cache.values.filter { $0.expires > now }.sorted { $0.domain < $1.domain }
    }

    public func check(_ given: String) async -> EmailCheck {
        let address = given.trimmingCharacters(in: .whitespaces)
        var check = EmailCheck(address: given, verdict: .valid)
        if let problem = EmailSyntax.problem(address) {
            check.verdict = .invalid
            check.problems.append(problem)
            return check
        }
        let at = address.lastIndex(of: "@")!
        let local = String(address[..<at])
        let given = String(address[address.index(after: at)...])
        let domain: String
        do {
            domain = try DomainName.ascii(given)
        } catch {
            check.verdict = .invalid
            check.problems.append("\(error)")
            return check
        }
        check.normalized = "\(local)@\(domain)"
        let readable = DomainName.unicode(domain)
        if readable != domain { check.unicodeDomain = readable }
        if !local.allSatisfy(\.isASCII) {
            check.warnings.append("the part before the @ is not ASCII: only servers that speak SMTPUTF8 (RFC 6531) take it")
        }
        let mailbox = local.lowercased().prefix { $0 != "+" }
        if AddressLists.roleMailboxes.contains(String(mailbox)) {
            check.role = true
            check.warnings.append("`\(mailbox)@` is a role mailbox, read by a team or by nobody")
        }
        if isDisposable(domain) {
            check.disposable = true
            check.warnings.append("\(domain) hands out throwaway addresses")
        }
        if let suggested = TypoSuggestion.domain(for: domain, among: configuration.commonDomains) {
            check.suggestion = "\(local)@\(suggested)"
            check.warnings.append("\(domain) is one slip away from \(suggested)")
        }
        let (exchange, cached) = await mailExchange(of: domain)
        check.cached = cached
        switch exchange {
        case .servers(let hosts):
            check.mailServers = hosts
        case .addressOnly:
            check.mailServers = [domain]
            check.warnings.append("\(domain) has no MX records: mail would go to the domain's own address, which few domains mean")
        case .nullMX:
            check.problems.append("\(domain) says it takes no mail (a null MX, RFC 7505)")
        case .noMail:
            check.problems.append("\(domain) has no mail server: neither MX nor address records")
        case .noSuchDomain:
            check.problems.append("the domain \(domain) does not exist")
        case .unknown(let reason):
            check.verdict = .unknown
            check.problems.append("DNS: \(reason)")
            return check
        }
        check.verdict = !check.problems.isEmpty ? .invalid : check.warnings.isEmpty ? .valid : .risky
        return check
    }

    /// What DNS says of `domain` (ASCII), and whether it came from the cache.
    public func mailExchange(of domain: String) async -> (MailExchange, cached: Bool) {
        let key = domain.lowercased()
        if let entry = cache[key], entry.expires > clock() { return (entry.exchange, true) }
        let resolver = configuration.resolver
        let (exchange, ttl): (MailExchange, Int)
        switch await resolver.lookup(key, .mx) {
        case .records(let lines, let answerTTL):
            let preferred = lines.compactMap { line -> (Int, String)? in
                let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                guard let preference = Int(parts[0]) else { return nil }
                let host = parts.count > 1 ? String(parts[1]) : ""
                return (preference, host == "." ? "" : host)
            }.sorted { $0 < $1 }
            let hosts = preferred.map(\.1).filter { !$0.isEmpty }
            (exchange, ttl) = hosts.isEmpty ? (.nullMX, configuration.negativeTTL) : (.servers(hosts), answerTTL)
        case .noData:
            (exchange, ttl) = await addressRecords(of: key)
        case .noSuchDomain:
            (exchange, ttl) = (.noSuchDomain, configuration.negativeTTL)
        case .unknown(let reason):
            return (.unknown(reason), false)
        }
        if case .unknown = exchange { return (exchange, false) }
        let seconds = min(max(ttl, configuration.shortestTTL), configuration.longestTTL)
        cache[key] = CacheEntry(domain: key, exchange: exchange, expires: clock().addingTimeInterval(TimeInterval(seconds)))
        return (exchange, false)
    }

    /// A domain without MX records: an address (A, else AAAA) makes it the mail server itself.
    private func addressRecords(of domain: String) async -> (MailExchange, Int) {
        for type in [DNSResolver.RecordType.a, .aaaa] {
            switch await configuration.resolver.lookup(domain, type) {
            case .records(_, let ttl): return (.addressOnly, ttl)
            case .noData: continue
            case .noSuchDomain: return (.noSuchDomain, configuration.negativeTTL)
            case .unknown(let reason): return (.unknown(reason), 0)
            }
        }
        return (.noMail, configuration.negativeTTL)
    }

    /// The domain or one it is under is on the disposable list.
    private func isDisposable(_ domain: String) -> Bool {
        var labels = domain.lowercased().split(separator: ".")
        while labels.count >= 2 {
            if configuration.disposableDomains.contains(labels.joined(separator: ".")) { return true }
            labels.removeFirst()
        }
        return false
    }
}
