// Sends the emails of delivering jobs (`deliver=true`), in every process that runs workers:
// claims due emails from the job store's delivery ledger with leases, sends each record's
// signed message (written by the worker that rendered it) through the configured SMTP server,
// or with no server into `<data>/outbox/<tenant>/`, and settles it: sent; bounced (refused for
// good) or failed (still deferred after the last try), each of which puts the record in the
// job's postal batch when the job has one; or deferred, tried again after a wait that doubles.
// The job's finishing step (its postal batch) waits until every email is settled. An email
// whose sender stops mid-send goes again when its lease runs out; the store is told before its
// content goes (after the server's 354), so one whose sender stopped after that point goes
// again in doubt, logged and noted on the delivery: the receiver may have it twice, under one
// Message-ID it can drop the repeat by.
import Foundation
import Logging
import PressroomDelivery
import ServiceLifecycle

public struct EmailSettings: Sendable {
    /// Nil: no SMTP server, the messages go into the outbox folder.
    public var smtp: SMTPConfiguration?
    public var outbox: String
    public var attempts = 8
    /// The wait after the first deferred try; each later wait doubles it (at most 6 hours).
    public var retryDelay: TimeInterval = 60
    public var lease: TimeInterval = 60
    public var poll: Duration = .milliseconds(500)

    public init(smtp: SMTPConfiguration?, outbox: String) {
        self.smtp = smtp
        self.outbox = outbox
    }
}

public struct DeliveryDispatcher: Service {
    let id: String
    let store: any JobStore
    let tenants: TenantStore
    let files: JobFiles
    let settings: EmailSettings
    let metrics: ServerMetrics
    let logger: Logger

    public init(id: String, store: any JobStore, tenants: TenantStore, files: JobFiles, settings: EmailSettings,
                metrics: ServerMetrics, logger: Logger) {
        self.id = id
        self.store = store
        self.tenants = tenants
        self.files = files
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        // Each try is one; the store keeps the retries, so a deferred email holds nothing while it waits.
        let mailer = settings.smtp.map { configuration in
            var once = configuration
            once.attempts = 1
            return Mailer(once)
        }
        let batch = (settings.smtp?.connections ?? 1) * 2
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let emails = try await store.claimDeliveries(worker: id, limit: batch, lease: settings.lease, now: Date())
                if emails.isEmpty {
                    try? await Task.sleep(for: settings.poll)
                    continue
                }
                await withTaskGroup(of: Void.self) { group in
                    for email in emails { group.addTask { await send(email, through: mailer) } }
                }
            } catch {
                logger.error("email: job store: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        await mailer?.close()
    }

    private func send(_ email: ClaimedDelivery, through mailer: Mailer?) async {
        let settlement = await attempt(email, through: mailer)
        switch settlement {
        case .sent: metrics.emailsSent.increment()
        case .refused(let reply):
            metrics.emailsBounced.increment()
            logger.warning("email to \(email.address) (job \(email.job), record \(email.number)) refused: \(reply)")
        case .deferred(let reason):
            metrics.emailsDeferred.increment()
            logger.warning("email to \(email.address) (job \(email.job), record \(email.number)), try \(email.attempts): \(reason)")
        }
        do {
            try await store.settleDelivery(email, worker: id, settlement, maxAttempts: settings.attempts, retryDelay: settings.retryDelay,
                                           now: Date())
        } catch {
            // Unsettled, the email goes again when its lease runs out, under the same Message-ID.
            logger.error("email: job store: \(error)")
        }
    }

    private func attempt(_ email: ClaimedDelivery, through mailer: Mailer?) async -> DeliverySettlement {
        guard let bytes = FileManager.default.contents(atPath: files.message(email.job, number: email.number)) else {
            return .deferred("its message file \(files.message(email.job, number: email.number)) cannot be read")
        }
        guard let sender = tenants.email(email.tenant)?.sender else {
            return .deferred("tenant \(email.tenant) has no email sender any more (PUT /v1/email sets one)")
        }
        guard let mailer else {
            do {
                let path = try Outbox(folder: "\(settings.outbox)/\(email.tenant)")
                    .put(Array(bytes), number: email.number, messageID: "\(email.job)-\(email.number)")
                return .sent("written to \(path)")
            } catch {
                return .deferred(error.description)
            }
        }
        if email.inDoubt {
            logger.warning("email to \(email.address) (job \(email.job), record \(email.number)) goes again in doubt: an earlier try stopped while its content was going")
        }
        // Marked before the content goes, so a sender stopped from here to the reply leaves the
        // email in doubt, never unmarked; a sender that lost its lease sends nothing.
        let marking = { @Sendable [store, id] in
            guard try await store.markDeliveryContent(email, worker: id, now: Date()) else { throw LeaseLost() }
        }
        switch await mailer.send(Array(bytes), from: sender.address, to: email.address, beforeContent: marking) {
        case .sent(let reply, _):
            return .sent("\(reply)")
        case .bounced(let reply, let kind):
            // A full mailbox or an oversized message may pass; a missing address or a policy refusal does not.
            return kind == .soft ? .deferred("\(reply)") : .refused("\(reply)")
        case .gaveUp(let reason, _):
            return .deferred(reason)
        }
    }
}

/// The sender's lease on an email ran out and another sender took it: this one stops before the content.
private struct LeaseLost: Error, CustomStringConvertible {
    var description: String { "its lease ran out before the content went (another sender has it)" }
}
