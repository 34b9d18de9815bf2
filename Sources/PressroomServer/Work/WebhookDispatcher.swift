// Status webhooks from the service to the client's systems: a job's end (`job.finished`,
// `job.failed`, with the job's status as `GET /v1/jobs/{id}` shows it) and a print shop's
// acknowledgements (`print.received`, `print.printed`, `print.posted`), POSTed to the tenant's
// endpoint and signed the Standard Webhooks way. Events go through the job store's outbox: put
// in once by id (the same event always has the same webhook-id), claimed with leases by any
// process that runs workers, tried again after a wait that doubles, dead after the last try.
import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import PressroomDelivery
import ServiceLifecycle

public struct WebhookSettings: Sendable {
    public var poll: Duration = .milliseconds(500)
    public var lease: TimeInterval = 60
    public var attempts = 8
    public var timeout: TimeAmount = .seconds(10)
    /// Events sent at once by one process.
    public var batch = 16
    public var addresses = WebhookAddressGuard(allowsPrivate: false)

    public init() {}
}

public struct WebhookDispatcher: Service {
    let id: String
    let store: any JobStore
    let tenants: TenantStore
    let settings: WebhookSettings
    let metrics: ServerMetrics
    let logger: Logger

    public init(id: String, store: any JobStore, tenants: TenantStore, settings: WebhookSettings, metrics: ServerMetrics, logger: Logger) {
        self.id = id
        self.store = store
        self.tenants = tenants
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await announceEndedJobs()
                let events = try await store.claimWebhooks(worker: id, limit: settings.batch, lease: settings.lease, now: Date())
                if events.isEmpty {
                    try? await Task.sleep(for: settings.poll)
                    continue
                }
                await withTaskGroup(of: Void.self) { group in
                    for event in events { group.addTask { await send(event, client: client) } }
                }
            } catch {
                logger.error("webhooks: job store: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        try? await client.shutdown()
    }

    /// Jobs that ended go into the outbox, for tenants with a webhook; every one is marked.
    private func announceEndedJobs() async throws {
        let ended = try await store.unannouncedJobs(limit: 100)
        guard !ended.isEmpty else { return }
        let events = try ended.compactMap { job in tenants.webhook(job.tenant) == nil ? nil : try Self.event(ending: job) }
        try await store.enqueueWebhooks(events, announcing: ended.map(\.id), now: Date())
    }

    private func send(_ event: WebhookEvent, client: HTTPClient) async {
        var failure: String?, lastTry = false
        if let webhook = tenants.webhook(event.tenant) {
            switch signature(for: webhook) {
            case .success(let (signature, pin)):
                failure = await post(event, to: webhook.url, signature: signature, client: client, pin: pin)
            case .failure(let refusal) where refusal.passing:
                failure = refusal.reason
            case .failure(let refusal):
                // An address the service may not send to, or a secret that cannot sign, stays so.
                failure = refusal.reason
                lastTry = true
            }
        } else {
            // Removed since the event was made: nowhere to send it, ever.
            failure = "tenant \(event.tenant) has no webhook set"
            lastTry = true
        }
        if let failure {
            let dead = lastTry || event.attempts >= settings.attempts
            logger.warning("webhook \(event.type) \(event.id), try \(event.attempts)\(dead ? ", the last" : ""): \(failure)")
            (dead ? metrics.webhooksDead : metrics.webhooksRetried).increment()
        } else {
            metrics.webhooksDelivered.increment()
        }
        do {
            try await store.settleWebhook(event.id, worker: id, error: failure, maxAttempts: lastTry ? 0 : settings.attempts, now: Date())
        } catch {
            // Unsettled, the event is sent again when its lease runs out; the receiver drops the repeat by its id.
            logger.error("webhooks: job store: \(error)")
        }
    }

    private struct Refusal: Error {
        var reason: String
        /// A name that does not resolve now may later: the try failed, the event is not dead.
        var passing = false
    }

    /// The signature for `webhook`'s requests and the address its host is pinned to, or why it
    /// cannot be used at all (its address, its secret).
    private func signature(for webhook: TenantWebhook) -> Result<(WebhookSignature, WebhookAddressGuard.Pin?), Refusal> {
        let pin: WebhookAddressGuard.Pin?
        switch settings.addresses.verdict(on: webhook.url, resolving: true) {
        case .refused(let refusal): return .failure(Refusal(reason: refusal))
        case .unresolved(let why): return .failure(Refusal(reason: why, passing: true))
        case .allowed(let pinned): pin = pinned
        }
        guard let signature = try? WebhookSignature(secret: webhook.secret) else {
            return .failure(Refusal(reason: "the tenant's webhook secret is not whsec_ followed by base64"))
        }
        return .success((signature, pin))
    }

    /// One try: nil when the endpoint took it, else why not. With a pin, the connection goes to
    /// the address that was checked (TLS still verifies the certificate for the host's name).
    private func post(_ event: WebhookEvent, to url: String, signature: WebhookSignature, client: HTTPClient,
                      pin: WebhookAddressGuard.Pin?) async -> String? {
        let request = WebhookSender.request(to: url, id: event.id, body: Array(event.body.utf8), signature: signature)
        var pinned: HTTPClient?
        if let pin {
            var configuration = HTTPClient.Configuration()
            configuration.dnsOverride = [pin.host: pin.address]
            pinned = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }
        defer { if let pinned { Task { try? await pinned.shutdown() } } }
        do {
            let response = try await (pinned ?? client).execute(request, timeout: settings.timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (200..<300).contains(response.status.code) ? nil : "the endpoint answered \(response.status.code) \(response.status.reasonPhrase)"
        } catch {
            return "\(error)"
        }
    }

    // MARK: Events

    /// The payload's envelope (Standard Webhooks): type, timestamp and the event's data.
    private struct Envelope<Payload: Encodable>: Encodable {
        var type: String
        var timestamp: Date
        var data: Payload
    }

    static func event(_ type: String, tenant: String, key: String, data: some Encodable) throws -> WebhookEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let body = try encoder.encode(Envelope(type: type, timestamp: Date(), data: data))
        let id = "msg_" + SHA256.hash(data: Array("\(tenant)\n\(key)\n\(type)".utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        return WebhookEvent(id: id, tenant: tenant, type: type, body: String(decoding: body, as: UTF8.self))
    }

    static func event(ending job: JobStatus) throws -> WebhookEvent {
        try event(job.state == .failed ? "job.failed" : "job.finished", tenant: job.tenant, key: job.id, data: Components.Schemas.Job(job))
    }

    /// What a print shop's acknowledgement tells the job's tenant.
    struct PrintStage: Encodable {
        var job: String
        var batch: String
        var shop: String
        var stage: String
        var note: String?
    }
}
