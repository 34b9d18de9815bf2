// `pressroom check-email FILE`: each address in FILE (one a line, or the records' delivery.email)
// checked as `send` would need it: syntax, IDNA, the domain's mail servers in DNS, role and
// throwaway addresses, likely typos. One line a verdict; --json for JSON Lines.
import ArgumentParser
import Foundation
import PressroomDelivery
import PressroomLayout

struct CheckEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-email",
        abstract: "Check email addresses: syntax, the domain's mail servers (DNS), role and throwaway addresses, likely typos.",
        discussion: """
            FILE holds one address a line (# starts a comment), or is JSON or JSON Lines records whose delivery.email is \
            checked. Verdicts: valid; risky (a role mailbox, a throwaway domain, a likely typo, a domain without MX); invalid \
            (malformed, no such domain, no mail server); unknown (DNS did not answer). Exit status: 0 when none is invalid or \
            unknown, 1 when some are, 2 when FILE cannot be read.
            """)

    @Argument(help: "The addresses: a text file, one a line, or records (.json, .jsonl) with delivery.email.")
    var file: String

    @Option(name: .customLong("dns-server"), help: "Ask this DNS server (an IPv4 address, with :PORT if not 53) instead of the system's.")
    var dnsServer: String?

    @Option(help: "Seconds to wait for each DNS answer (two tries; default 3).")
    var timeout: Int = 3

    @Option(name: .customLong("disposable-list"), help: "A file of throwaway domains, one a line, instead of the bundled list.")
    var disposableList: String?

    @Option(help: "Keep what DNS said of each domain in this file, and reuse it on the next run until it expires.")
    var cache: String?

    @Flag(help: "Print one JSON object a line (the address, verdict, reasons, mail servers, flags, suggestion).")
    var json = false

    func run() async throws {
        let entries: [Entry]
        let validator: EmailValidator
        do {
            entries = try Self.addresses(in: file)
            let resolver = try dnsServer.map { try DNSResolver(parsing: $0, timeout: timeout) } ?? DNSResolver(timeout: timeout)
            let disposable = try disposableList.map(AddressLists.disposableDomains(at:)) ?? AddressLists.bundledDisposableDomains()
            validator = EmailValidator(EmailValidator.Configuration(resolver: resolver, disposableDomains: disposable),
                                       cache: cache.map(Self.loadCache) ?? [])
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        // Sixteen at a time; printed in the file's order.
        var results = [EmailCheck?](repeating: nil, count: entries.count)
        for start in stride(from: 0, to: entries.count, by: 16) {
            await withTaskGroup(of: (Int, EmailCheck?).self) { group in
                for index in start..<min(start + 16, entries.count) {
                    guard let address = entries[index].address else { continue }
                    group.addTask { (index, await validator.check(address)) }
                }
                for await (index, check) in group { results[index] = check }
            }
        }
        var counts: [EmailCheck.Verdict: Int] = [:]
        var missing = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (entry, check) in zip(entries, results) {
            guard let check else {
                missing += 1
                let problem = entry.problem ?? "\(entry.label): no delivery.email"
                if json {
                    let object: [String: Any] = ["at": entry.label, "verdict": "missing", "problems": [problem]]
                    print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
                } else {
                    print(problem)
                }
                continue
            }
            counts[check.verdict, default: 0] += 1
            if json {
                var object = try JSONSerialization.jsonObject(with: try encoder.encode(check)) as? [String: Any] ?? [:]
                object["at"] = entry.label
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
            } else {
                let servers = check.verdict == .valid && !check.mailServers.isEmpty ? " (mail to \(check.mailServers[0]))" : ""
                print("\(entry.label): \(check.address): \(check.summary)\(servers)")
            }
        }
        if let cache { try Self.saveCache(await validator.cacheEntries, to: cache) }
        let verdicts: [EmailCheck.Verdict] = [.valid, .risky, .invalid, .unknown]
        let tally = verdicts.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
        Console.error("\(entries.count) address\(entries.count == 1 ? "" : "es"): \(tally)\(missing > 0 ? ", \(missing) records without one" : "").")
        if counts[.invalid, default: 0] + counts[.unknown, default: 0] > 0 { throw ExitCode(1) }
    }

    /// An address with where it stands ("line 3", "record 2"), or why a record has none (a
    /// line that names the record itself).
    struct Entry {
        var label: String
        var address: String?
        var problem: String?
    }

    static func addresses(in path: String) throws -> [Entry] {
        if path.hasSuffix(".json") || path.hasSuffix(".jsonl") {
            return try RecordReader(path: path, warn: Console.dataWarning).map { number, result in
                let label = "record \(number)"
                switch result {
                case .failure(let error): return Entry(label: label, problem: "\(error.inRecord(number))")  // "record N: file:line:column: …"
                case .success(let record):
                    guard case .string(let address)? = record["delivery"]?["email"] else { return Entry(label: label, problem: "\(label): no delivery.email") }
                    return Entry(label: label, address: address)
                }
            }
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        return text.components(separatedBy: "\n").enumerated().compactMap { index, line in
            let address = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return address.isEmpty || address.hasPrefix("#") ? nil : Entry(label: "line \(index + 1)", address: address)
        }
    }

    static func loadCache(_ path: String) -> [EmailValidator.CacheEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([EmailValidator.CacheEntry].self, from: data)) ?? []
    }

    static func saveCache(_ entries: [EmailValidator.CacheEntry], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(entries).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
