// The watch preview's server keeps to its one user: requests naming another host are refused (DNS
// rebinding), changes need the page's token and this server's origin, and a closed update stream
// is dropped at the next heartbeat instead of holding its connection until the next change.
// Driven with curl against `pressroom watch` on 127.0.0.1.
import Foundation
import Testing
import TestScratch

private func curl(_ arguments: [String]) throws -> (status: String, body: String) {
    let result = try ExternalTool.run("curl", ["-s", "-o", "-", "-w", "\n%{http_code}", "--max-time", "30"] + arguments)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
}

/// The open file descriptors of a process.
private func descriptors(_ pid: Int32) -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
}

@Test(.timeLimit(.minutes(3))) func thePreviewServerAnswersOnlyItsOwnPage() async throws {
    let folder = Scratch.url("pressroom-guard-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let data = folder.appendingPathComponent("records.jsonl").path
    try FileManager.default.copyItem(atPath: Samples.root + "/Fixtures/records/invoices.jsonl", toPath: data)

    // `pressroom watch` as a user starts it, in a process of its own.
    let watch = Process()
    watch.executableURL = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom")
    watch.arguments = ["watch", "invoice", "--data", data, "--layouts", Samples.root + "/Layouts", "--variant", "plain"]
    let out = Pipe()
    watch.standardOutput = out
    watch.standardError = FileHandle.nullDevice
    try watch.run()
    defer { watch.terminate(); watch.waitUntilExit() }
    var printed = ""
    let deadline = Date().addingTimeInterval(60)
    while !printed.contains("Preview: "), Date() < deadline {
        printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
    }
    let port = try #require(printed.firstMatch(of: /127\.0\.0\.1:([0-9]+)/)?.output.1, "\(printed)")
    let base = "http://127.0.0.1:\(port)"

    let page = try curl([base + "/"])
    #expect(page.status == "200")
    let token = try #require(page.body.firstMatch(of: /"X-Pressroom-Token": "([a-z0-9]+)"/)?.output.1)
    #expect(try curl(["-H", "Host: attacker.example:\(port)", base + "/"]).status == "421", "another host name is refused")
    #expect(try curl(["-H", "Host: localhost:\(port)", base + "/state"]).status == "200")
    #expect(try curl(["-X", "POST", base + "/record/2"]).status == "403", "a change without the page's token")
    #expect(try curl(["-X", "POST", "-H", "X-Pressroom-Token: \(token)", "-H", "Origin: http://attacker.example", base + "/record/2"]).status == "403",
            "a change from another origin")
    #expect(try curl(["-X", "POST", "-H", "X-Pressroom-Token: \(token)", "-H", "Origin: http://127.0.0.1:\(port)", base + "/record/2"]).status == "202")

    // Twenty tabs open the update stream, then close; the heartbeat (every ten seconds) finds
    // them gone and their connections are closed: the descriptors come back.
    let before = descriptors(watch.processIdentifier)
    // The tabs: twenty streams, closed once they are open (a busy machine may take a while to
    // start twenty curls and to accept them).
    let tabs = Process()
    tabs.executableURL = URL(fileURLWithPath: "/bin/bash")
    tabs.arguments = ["-c", "for i in $(seq 20); do curl -s -N --max-time 90 \"$0\" > /dev/null & done; wait", base + "/events"]
    try tabs.run()
    var opened = descriptors(watch.processIdentifier)
    for _ in 0..<120 where opened < before + 20 {
        try await Task.sleep(for: .milliseconds(500))
        opened = descriptors(watch.processIdentifier)
    }
    // Most of them at least, however busy the machine: enough for their closing to show.
    #expect(opened >= before + 10, "the streams are open (\(opened - before) descriptors)")
    // The tabs close: their curls are stopped, and the shell waiting for them ends.
    _ = try ExternalTool.run("pkill", ["-TERM", "-P", "\(tabs.processIdentifier)", "curl"])
    tabs.waitUntilExit()
    var open = descriptors(watch.processIdentifier)
    for _ in 0..<50 where open > before + 2 {
        try await Task.sleep(for: .milliseconds(500))
        open = descriptors(watch.processIdentifier)
    }
    #expect(open <= before + 2, "closed streams keep \(open - before) descriptors open")
}
