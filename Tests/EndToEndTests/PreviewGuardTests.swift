// The watch preview's server keeps to its one user: requests naming another host are refused (DNS
// rebinding), changes need the page's token and this server's origin, and a closed update stream
// is dropped at the next heartbeat instead of holding its connection until the next change.
// Driven with curl against a real server on 127.0.0.1.
import Foundation
import PressroomPreview
import PressroomText
import Testing

private func curl(_ arguments: [String]) throws -> (status: String, body: String) {
    let result = try ExternalTool.run("curl", ["-s", "-o", "-", "-w", "\n%{http_code}", "--max-time", "5"] + arguments)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
}

@Test(.timeLimit(.minutes(2))) func thePreviewServerAnswersOnlyItsOwnPage() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pressroom-guard-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let data = folder.appendingPathComponent("records.jsonl").path
    try FileManager.default.copyItem(atPath: Samples.root + "/Fixtures/records/invoices.jsonl", toPath: data)
    let configuration = PreviewConfiguration(layout: "invoice", layoutsDirectory: Samples.root + "/Layouts", dataFile: data,
                                             makeRegistry: { try FontRegistry.bundled() })
    let preview = LivePreview(configuration: configuration, heartbeat: .milliseconds(200), log: { _ in })
    let (ports, announce) = AsyncStream<Int>.makeStream()
    let server = Task { try await preview.run(port: 0) { announce.yield($0) } }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
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

    // Five tabs open the update stream and close after a second; the heartbeat finds them gone.
    let streams = try (0..<5).map { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-N", "--max-time", "1", base + "/events"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
    try await Task.sleep(for: .milliseconds(500))
    #expect(preview.subscriberCount >= 5, "the streams are open")
    for stream in streams { stream.waitUntilExit() }
    var open = preview.subscriberCount
    for _ in 0..<30 where open > 0 {
        try await Task.sleep(for: .milliseconds(100))
        open = preview.subscriberCount
    }
    #expect(open == 0, "closed streams are dropped at the next heartbeat")
}
