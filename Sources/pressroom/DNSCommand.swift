// `pressroom dns DOMAIN --selector S --dkim-key KEY.pem`: the SPF, DKIM and DMARC records to
// publish for a sending domain, as zone-file lines, from the keys `send` signs with (made first,
// with --generate, when the files do not exist yet).
import ArgumentParser
import Foundation
import PressroomDelivery

struct DNSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dns",
        abstract: "Print the SPF, DKIM and DMARC records to publish for a sending domain.",
        discussion: "Publish them before the first send: Gmail and Yahoo refuse bulk mail that DKIM, SPF and DMARC do not vouch for.")

    @Argument(help: "The sending domain: the part after the @ of --from.")
    var domain: String

    @Option(help: "The RSA key's selector (default: pressroom, as send's --dkim-selector).")
    var selector: String = "pressroom"

    @Option(name: .customLong("dkim-key"), help: "The RSA private key (PEM) send signs with.")
    var dkimKey: String

    @Option(name: .customLong("ed25519-selector"), help: "The Ed25519 key's selector (default: pressroom-ed).")
    var ed25519Selector: String = "pressroom-ed"

    @Option(name: .customLong("dkim-ed25519-key"), help: "An Ed25519 private key (PEM) for a second signature.")
    var ed25519Key: String?

    @Flag(help: "Make the key files that do not exist yet (RSA 2048 bits, Ed25519), readable by their owner only.")
    var generate = false

    @Option(help: "An SPF mechanism for the hosts that send (repeatable: ip4:192.0.2.10, include:_spf.provider.example; default: mx).")
    var spf: [String] = []

    @Option(help: "The DMARC policy: none (report only), quarantine (the default) or reject.")
    var dmarc: String = "quarantine"

    @Option(help: "The address DMARC aggregate reports go to (rua).")
    var reports: String?

    func run() throws {
        guard let policy = DNSRecords.DMARCPolicy(rawValue: dmarc) else {
            throw ValidationError("--dmarc is none, quarantine or reject, not \(dmarc)")
        }
        guard !domain.contains("@"), domain.contains(".") else { throw ValidationError("the domain is like example.com, not \(domain)") }
        do {
            var keys = [(selector: selector, key: try key(at: dkimKey, ed25519: false))]
            if let ed25519Key { keys.append((ed25519Selector, try key(at: ed25519Key, ed25519: true))) }
            print(DNSRecords(domain: domain, spf: spf.isEmpty ? ["mx"] : spf, keys: keys, policy: policy, reports: reports).zone, terminator: "")
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
    }

    private func key(at path: String, ed25519: Bool) throws -> DKIMSigner.Key {
        if generate, !FileManager.default.fileExists(atPath: path) {
            let key = try DKIMSigner.Key.generate(ed25519: ed25519)
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            guard FileManager.default.createFile(atPath: path, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw DeliveryError.configuration("cannot write the new key \(path)")
            }
            Console.error("Made \(ed25519 ? "an Ed25519" : "a 2048-bit RSA") key: \(path)")
            return key
        }
        return try DKIMSigner.Key.load(pem: path)
    }
}
