// `pressroom check-email` against a real DNS server on loopback: dnsmasq, started by the test
// with zones it writes (MX, address-only, null MX, no mail, IDN, a typo domain, a throwaway
// domain; everything else under .test and .com does not exist). A second run with the server
// gone answers from the cache file alone.
import Foundation
import Glibc
import Testing
import TestScratch

private let pressroom = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

/// dnsmasq on 127.0.0.1:`port`, answering only from `zone` lines (dnsmasq configuration).
private struct LocalDNS {
    let folder: URL
    let port: Int

    init(zone: [String]) throws {
        folder = Scratch.url("pressroom-dns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = SMTPSink.freePort()
        let configuration = ["no-resolv", "no-hosts", "port=\(port)", "listen-address=127.0.0.1", "bind-interfaces",
                             "local=/test/", "local=/com/", "user=\(getuid() == 0 ? "root" : "")",
                             "pid-file=\(folder.path)/pid", "log-facility=\(folder.path)/log"].filter { !$0.hasSuffix("=") } + zone
        try (configuration.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("conf"), atomically: true, encoding: .utf8)
        let dnsmasq = ["/usr/sbin/dnsmasq", "/usr/bin/dnsmasq"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let dnsmasq else { throw ExternalToolError.launchFailed(command: "dnsmasq", reason: "not installed: apt-get install dnsmasq-base") }
        let started = try ExternalTool.startServer(dnsmasq, ["--conf-file=\(folder.path)/conf"], log: folder.path + "/start.log")
        guard started.status == 0 else { throw ExternalToolError.failed(command: "dnsmasq", status: started.status, output: started.output) }
    }

    func stop() {
        guard let text = try? String(contentsOfFile: folder.path + "/pid", encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        _ = Glibc.kill(pid, SIGKILL)
        for _ in 0..<50 where Glibc.kill(pid, 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }
    }
}

@Test func addressesAreCheckedAgainstARealResolverAndCached() throws {
    let dns = try LocalDNS(zone: [
        "mx-host=shop.test,mail.shop.test,10", "mx-host=shop.test,backup.shop.test,20",
        "host-record=aonly.test,127.0.0.2",
        "mx-host=nullmx.test,.,0",
        "txt-record=nomail.test,\"v=spf1 -all\"",
        "mx-host=xn--mller-kva.test,mx.xn--mller-kva.test,5",
        "mx-host=gmial.com,mx.gmial.com,10", "mx-host=gmail.com,gmail-smtp-in.l.google.com,5",
        "mx-host=mailinator.com,mail.mailinator.com,10",
    ])
    defer { dns.stop() }
    let list = dns.folder.appendingPathComponent("addresses.txt").path
    let cache = dns.folder.appendingPathComponent("cache.json").path
    try """
    # customers
    anna@shop.test
    bob@aonly.test
    carl@nullmx.test
    dora@nomail.test
    eve@gone.test
    frank@müller.test
    gina@gmial.com
    info@shop.test
    temp@mailinator.com
    no-at-sign.shop.test
    hans@-bad-.test

    """.write(toFile: list, atomically: true, encoding: .utf8)
    let run = try ExternalTool.run(pressroom, ["check-email", list, "--dns-server", "127.0.0.1:\(dns.port)", "--timeout", "2",
                                               "--json", "--cache", cache])
    #expect(run.status == 1, "invalid addresses make the exit status 1\n\(run.output)\(run.errors)")
    let results = try run.output.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    let by = Dictionary(uniqueKeysWithValues: results.map { ($0["address"] as? String ?? "", $0) })
    func verdict(_ address: String) -> String? { by[address]?["verdict"] as? String }
    func reasons(_ address: String) -> String {
        ((by[address]?["problems"] as? [String] ?? []) + (by[address]?["warnings"] as? [String] ?? [])).joined(separator: "; ")
    }
    #expect(results.count == 11)
    #expect(results.first?["at"] as? String == "line 2")
    #expect(verdict("anna@shop.test") == "valid")
    #expect(by["anna@shop.test"]?["mailServers"] as? [String] == ["mail.shop.test", "backup.shop.test"])
    #expect(verdict("bob@aonly.test") == "risky" && reasons("bob@aonly.test").contains("no MX records"), "\(reasons("bob@aonly.test"))")
    #expect(verdict("carl@nullmx.test") == "invalid" && reasons("carl@nullmx.test").contains("null MX"))
    #expect(verdict("dora@nomail.test") == "invalid" && reasons("dora@nomail.test").contains("no mail server"))
    #expect(verdict("eve@gone.test") == "invalid" && reasons("eve@gone.test").contains("does not exist"))
    #expect(verdict("frank@müller.test") == "valid")
    #expect(by["frank@müller.test"]?["normalized"] as? String == "frank@xn--mller-kva.test")
    #expect(verdict("gina@gmial.com") == "risky")
    #expect(by["gina@gmial.com"]?["suggestion"] as? String == "gina@gmail.com")
    #expect(verdict("info@shop.test") == "risky" && by["info@shop.test"]?["role"] as? Bool == true)
    #expect(verdict("temp@mailinator.com") == "risky" && by["temp@mailinator.com"]?["disposable"] as? Bool == true)
    #expect(verdict("no-at-sign.shop.test") == "invalid" && reasons("no-at-sign.shop.test").contains("no @"))
    #expect(verdict("hans@-bad-.test") == "invalid" && reasons("hans@-bad-.test").contains("hyphen"))
    #expect(run.errors.contains("11 addresses: 2 valid, 4 risky, 5 invalid, 0 unknown"), "\(run.errors)")

    // The server gone: the same answers from the cache file, marked as such.
    dns.stop()
    let again = try ExternalTool.run(pressroom, ["check-email", list, "--dns-server", "127.0.0.1:\(dns.port)", "--timeout", "1", "--json", "--cache", cache])
    let second = try again.output.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(second.map { $0["verdict"] as? String } == results.map { $0["verdict"] as? String }, "\(again.output)")
    #expect(second.filter { $0["cached"] as? Bool == true }.count == 9, "every address that reached DNS answered from the cache")

    // Records: delivery.email, located by record number.
    let records = Samples.root + "/Fixtures/records/invoices-delivery.jsonl"
    let fromRecords = try ExternalTool.run(pressroom, ["check-email", records, "--dns-server", "127.0.0.1:\(dns.port)", "--timeout", "1"])
    #expect(fromRecords.output.contains("record 1: "), "\(fromRecords.output)\(fromRecords.errors)")
}
