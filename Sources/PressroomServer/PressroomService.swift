// The service put together: the data folder (job store, tenants' layouts, job files, postal
// batches), the API on Hummingbird and the workers, run as one service group that stops
// gracefully on SIGTERM or SIGINT: the API stops taking requests, each worker finishes the
// records it holds and records them, and what no worker finished comes back through its lease.
import Foundation
import Hummingbird
import Logging
import PressroomDelivery
import ServiceLifecycle

public struct ServiceConfiguration: Sendable, Codable {
    public var data = "pressroom-data"
    /// The job store: empty for SQLite in the data folder, or a PostgreSQL URL
    /// (`postgres://user:password@host:port/database`), which workers on many machines share.
    public var store = ""
    public var host = "127.0.0.1"
    public var port = 8080
    /// Workers in this process (0: the API only; run `pressroom worker` elsewhere).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Lanes for on-line renders.
    public var onlineLanes = ProcessInfo.processInfo.activeProcessorCount
    /// Batch weight per document type (default 1).
    public var weights: [String: Double] = [:]
    public var maxDocumentBytes = 16 << 20
    public var maxJobBytes = 512 << 20
    public var onlineTimeLimitSeconds = 10.0
    public var maxQueuedRecords = 2_000_000
    public var chunk = 8
    public var leaseSeconds = 60.0
    public var maxAttempts = 5
    public var durable = false
    /// Tries of a status webhook before it is dead (waits of 2, 4, 8 … seconds, at most an hour).
    public var webhookAttempts = 8
    /// Webhooks may lead to loopback and private addresses (an endpoint on the same network).
    public var webhookPrivateAddresses = false
    /// The SMTP server delivering jobs' emails go through, `HOST[:PORT]`; empty: they are
    /// written into `<data>/outbox/<tenant>/`. The password comes from PRESSROOM_SMTP_PASSWORD.
    public var smtp = ""
    /// starttls (the default: never unencrypted), tls or none (a trusted network only).
    public var smtpSecurity = "starttls"
    public var smtpUser: String?
    /// A PEM file of certificates to trust for a private SMTP server.
    public var smtpCA: String?
    /// Messages in flight at once per process.
    public var smtpConnections = 4
    /// Tries of a deferred email before the record goes by post (or is listed as undelivered).
    public var emailAttempts = 8
    /// Seconds before the second try of a deferred email; each later wait doubles it.
    public var emailRetryDelay = 60.0
    /// The bearer token /metrics asks for; empty: /metrics is open (bind to 127.0.0.1, or set one).
    public var metricsToken = ""

    public init() {}

    enum CodingKeys: String, CodingKey {
        case data, store, host, port, workers, weights, chunk, durable
        case onlineLanes = "online-lanes", maxDocumentBytes = "max-document-bytes", maxJobBytes = "max-job-bytes"
        case onlineTimeLimitSeconds = "online-time-limit", maxQueuedRecords = "max-queued-records"
        case leaseSeconds = "lease", maxAttempts = "max-attempts", webhookAttempts = "webhook-attempts"
        case webhookPrivateAddresses = "webhook-private-addresses"
        case smtp, smtpSecurity = "smtp-security", smtpUser = "smtp-user", smtpCA = "smtp-ca", smtpConnections = "smtp-connections"
        case emailAttempts = "email-attempts", emailRetryDelay = "email-retry-delay", metricsToken = "metrics-token"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ServiceConfiguration()
        data = try container.decodeIfPresent(String.self, forKey: .data) ?? defaults.data
        store = try container.decodeIfPresent(String.self, forKey: .store) ?? defaults.store
        host = try container.decodeIfPresent(String.self, forKey: .host) ?? defaults.host
        port = try container.decodeIfPresent(Int.self, forKey: .port) ?? defaults.port
        workers = try container.decodeIfPresent(Int.self, forKey: .workers) ?? defaults.workers
        onlineLanes = try container.decodeIfPresent(Int.self, forKey: .onlineLanes) ?? defaults.onlineLanes
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights) ?? defaults.weights
        maxDocumentBytes = try container.decodeIfPresent(Int.self, forKey: .maxDocumentBytes) ?? defaults.maxDocumentBytes
        maxJobBytes = try container.decodeIfPresent(Int.self, forKey: .maxJobBytes) ?? defaults.maxJobBytes
        onlineTimeLimitSeconds = try container.decodeIfPresent(Double.self, forKey: .onlineTimeLimitSeconds) ?? defaults.onlineTimeLimitSeconds
        maxQueuedRecords = try container.decodeIfPresent(Int.self, forKey: .maxQueuedRecords) ?? defaults.maxQueuedRecords
        chunk = try container.decodeIfPresent(Int.self, forKey: .chunk) ?? defaults.chunk
        leaseSeconds = try container.decodeIfPresent(Double.self, forKey: .leaseSeconds) ?? defaults.leaseSeconds
        maxAttempts = try container.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts
        durable = try container.decodeIfPresent(Bool.self, forKey: .durable) ?? defaults.durable
        webhookAttempts = try container.decodeIfPresent(Int.self, forKey: .webhookAttempts) ?? defaults.webhookAttempts
        webhookPrivateAddresses = try container.decodeIfPresent(Bool.self, forKey: .webhookPrivateAddresses) ?? defaults.webhookPrivateAddresses
        smtp = try container.decodeIfPresent(String.self, forKey: .smtp) ?? defaults.smtp
        smtpSecurity = try container.decodeIfPresent(String.self, forKey: .smtpSecurity) ?? defaults.smtpSecurity
        smtpUser = try container.decodeIfPresent(String.self, forKey: .smtpUser)
        smtpCA = try container.decodeIfPresent(String.self, forKey: .smtpCA)
        smtpConnections = try container.decodeIfPresent(Int.self, forKey: .smtpConnections) ?? defaults.smtpConnections
        emailAttempts = try container.decodeIfPresent(Int.self, forKey: .emailAttempts) ?? defaults.emailAttempts
        emailRetryDelay = try container.decodeIfPresent(Double.self, forKey: .emailRetryDelay) ?? defaults.emailRetryDelay
        metricsToken = try container.decodeIfPresent(String.self, forKey: .metricsToken) ?? defaults.metricsToken
    }

    var limits: APILimits {
        var limits = APILimits()
        limits.documentBytes = maxDocumentBytes
        limits.jobBytes = maxJobBytes
        limits.onlineTimeLimit = .milliseconds(Int(onlineTimeLimitSeconds * 1000))
        limits.maxQueuedRecords = maxQueuedRecords
        limits.webhookAddresses = WebhookAddressGuard(allowsPrivate: webhookPrivateAddresses)
        limits.metricsToken = metricsToken.isEmpty ? nil : metricsToken
        return limits
    }

    var workerSettings: WorkerSettings {
        var settings = WorkerSettings()
        settings.chunk = max(chunk, 1)
        settings.lease = leaseSeconds
        settings.maxAttempts = max(maxAttempts, 1)
        settings.durable = durable
        // PostgreSQL wakes idle workers when work comes; the poll only catches retries coming due.
        if !store.isEmpty { settings.idlePoll = .seconds(1) }
        return settings
    }

    /// The email settings, or why they are wrong (the service does not start).
    func emailSettings() throws -> EmailSettings {
        var smtp: SMTPConfiguration?
        if !self.smtp.isEmpty {
            guard let (host, port) = SMTPConfiguration.server(self.smtp) else {
                throw DeliveryError.configuration("smtp is HOST or HOST:PORT, not \(self.smtp)")
            }
            guard let security = SMTPConfiguration.Security(rawValue: smtpSecurity) else {
                throw DeliveryError.configuration("smtp-security is starttls, tls or none, not \(smtpSecurity)")
            }
            smtp = SMTPConfiguration(host: host, port: port, security: security, trustedCertificates: smtpCA, username: smtpUser,
                                     password: ProcessInfo.processInfo.environment["PRESSROOM_SMTP_PASSWORD"],
                                     connections: max(1, smtpConnections), connectionsPerDomain: max(1, smtpConnections / 2))
        }
        var settings = EmailSettings(smtp: smtp, outbox: "\(data)/outbox")
        settings.attempts = max(emailAttempts, 1)
        settings.retryDelay = max(emailRetryDelay, 0)
        settings.lease = leaseSeconds
        return settings
    }

    var webhookSettings: WebhookSettings {
        var settings = WebhookSettings()
        settings.attempts = max(webhookAttempts, 1)
        settings.addresses = WebhookAddressGuard(allowsPrivate: webhookPrivateAddresses)
        settings.lease = leaseSeconds
        return settings
    }
}

public struct PressroomService: Sendable {
    public let configuration: ServiceConfiguration
    public let store: any JobStore
    public let tenants: TenantStore
    public let files: JobFiles
    public let postFolder: String
    public let metrics = ServerMetrics()

    /// Opens (or makes) the data folder and the job store; `seed` is the layouts folder new
    /// tenants start with.
    public init(configuration: ServiceConfiguration, seed: String?) async throws {
        self.configuration = configuration
        let data = configuration.data
        try FileManager.default.createDirectory(atPath: "\(data)/jobs", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(data)/post", withIntermediateDirectories: true)
        store = try await Self.openStore(configuration)
        tenants = TenantStore(root: "\(data)/tenants", seed: seed)
        files = JobFiles(root: "\(data)/jobs")
        postFolder = "\(data)/post"
    }

    /// The configured job store: PostgreSQL when a URL is given, else SQLite in the data folder.
    public static func openStore(_ configuration: ServiceConfiguration) async throws -> any JobStore {
        configuration.store.isEmpty ? try SQLiteJobStore(path: "\(configuration.data)/jobs.sqlite")
            : try await PostgresJobStore(url: configuration.store)
    }

    /// With no key in the store yet: tenant `demo` with the bundled layouts, an admin key and a
    /// key for print shop `in-house`, written to `<data>/first-keys.txt` (readable by the owner
    /// only). Nil when keys exist.
    public func bootstrap() async throws -> (admin: String, printShop: String)? {
        guard try await store.keys(tenant: nil).isEmpty else { return nil }
        try tenants.create("demo")
        let admin = APIKeys.make(tenant: "demo", role: .admin, shop: nil, label: "first admin key")
        let shop = APIKeys.make(tenant: "demo", role: .printshop, shop: "in-house", label: "first print shop key")
        try await store.addKey(admin.stored)
        try await store.addKey(shop.stored)
        let path = "\(configuration.data)/first-keys.txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data("admin (tenant demo): \(admin.key)\nprint shop in-house: \(shop.key)\n".utf8),
                                       attributes: [.posixPermissions: 0o600])
        return (admin.key, shop.key)
    }

    func workers(count: Int, gate: PriorityGate?, logger: Logger) -> [Worker] {
        let host = ProcessInfo.processInfo.hostName
        let process = ProcessInfo.processInfo.processIdentifier
        return (0..<count).map { index in
            Worker(id: "\(host)-\(process)-\(index)-\(UUID().uuidString.prefix(8))", store: store,
                   lane: RenderLane(name: "worker-\(index)", tenants: tenants), gate: gate, files: files, postFolder: postFolder,
                   settings: configuration.workerSettings, metrics: metrics, logger: logger)
        }
    }

    /// Sends the tenants' status webhooks, in every process that runs workers.
    func webhookDispatcher(logger: Logger) -> WebhookDispatcher {
        let id = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-webhooks-\(UUID().uuidString.prefix(8))"
        return WebhookDispatcher(id: id, store: store, tenants: tenants, settings: configuration.webhookSettings,
                                 metrics: metrics, logger: logger)
    }

    /// Sends delivering jobs' emails, in every process that runs workers.
    func deliveryDispatcher(logger: Logger) throws -> DeliveryDispatcher {
        let id = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-email-\(UUID().uuidString.prefix(8))"
        return DeliveryDispatcher(id: id, store: store, tenants: tenants, files: files, settings: try configuration.emailSettings(),
                                  metrics: metrics, logger: logger)
    }

    /// The API and this process's workers until SIGTERM or SIGINT. `running` gets the port.
    public func serve(logger: Logger, running: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let gate = PriorityGate()
        let lanes = (0..<max(configuration.onlineLanes, 1)).map { RenderLane(name: "online-\($0)", tenants: tenants) }
        let api = API(store: store, tenants: tenants, files: files, postFolder: postFolder,
                      lanes: LanePool(lanes: lanes, maxWaiting: configuration.limits.maxOnlineWaiting), gate: gate,
                      metrics: metrics, limits: configuration.limits, weights: configuration.weights)
        var app = Application(router: api.router(),
                              configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                                      serverName: "Pressroom"),
                              onServerRunning: { channel in await running(channel.localAddress?.port ?? configuration.port) },
                              logger: logger)
        app.addServices(workers(count: configuration.workers, gate: gate, logger: logger))
        if configuration.workers > 0 { app.addServices(webhookDispatcher(logger: logger), try deliveryDispatcher(logger: logger)) }
        defer { store.close() }
        try await app.runService()
    }

    /// Workers only, until SIGTERM or SIGINT.
    public func work(logger: Logger) async throws {
        let services: [any Service] = workers(count: max(configuration.workers, 1), gate: nil, logger: logger)
            + [webhookDispatcher(logger: logger), try deliveryDispatcher(logger: logger)]
        let group = ServiceGroup(services: services,
                                 gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        defer { store.close() }
        try await group.run()
    }
}
