// Status webhooks and DNS rebinding, in process: the dispatcher with a SQLite store, a resolver
// that answers the check with a public address, and a receiver on the name's real address.
import Foundation
import Logging
import PressroomServer
import Testing
import TestScratch

/// DNS rebinding: the name is checked by one lookup (public) and would resolve to the machine
/// itself a moment later. The send goes to the address that was checked, never to the
/// receiver listening on the name's later address.
@Test func aWebhookGoesToTheAddressThatWasCheckedNotToALaterLookup() async throws {
    let folder = Scratch.url("pressroom-rebinding-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try SQLiteJobStore(path: folder + "/jobs.sqlite")
    let tenants = TenantStore(root: folder + "/tenants", seed: nil)
    try tenants.create("acme")
    let port = SMTPSink.freePort()
    // localhost resolves to 127.0.0.1, where the receiver listens; the check's lookup said 192.0.2.1 (TEST-NET-1, public).
    let webhook = try tenants.setWebhook("acme", url: "http://localhost:\(port)/events")
    let receiver = try WebhookReceiver(secret: webhook.secret, log: folder + "/received.jsonl", failFirst: false, port: port)
    defer { receiver.stop() }
    try await store.enqueueWebhooks([WebhookEvent(id: "msg_rebinding", tenant: "acme", type: "job.finished", body: "{}")], announcing: [], now: Date())
    var settings = WebhookSettings()
    settings.addresses = WebhookAddressGuard(allowsPrivate: false) { _ in [[192, 0, 2, 1]] }
    settings.timeout = .seconds(1)
    settings.poll = .milliseconds(50)
    let dispatcher = WebhookDispatcher(id: "test", store: store, tenants: tenants, settings: settings, metrics: ServerMetrics(),
                                       logger: Logger(label: "test"))
    let running = Task { try await dispatcher.run() }
    // Until the first try is settled: delivered (wrong) or failed and waiting for the next.
    var settled = ""
    for _ in 0..<100 {
        settled = try ExternalTool.run("sqlite3", [folder + "/jobs.sqlite", "SELECT state, attempts, error FROM webhook_outbox"]).output
        if settled.hasPrefix("delivered") || settled.hasPrefix("pending|1|") { break }
        try await Task.sleep(for: .milliseconds(100))
    }
    running.cancel()
    _ = try? await running.value
    #expect(receiver.requests.isEmpty, "the send followed the later lookup to 127.0.0.1: \(receiver.requests)")
    #expect(settled.hasPrefix("pending|1|"), "one failed try, to be tried again: \(settled)")
}
