// Messages of a batch through a small pool of SMTP connections, each reused from message to
// message and opened again when it drops. At most `connections` messages are in flight at once,
// and at most `connectionsPerDomain` to one recipient domain, so a slow or greylisting domain
// holds back only its own mail and no domain gets more parallel deliveries than it likes. A
// message the server defers (4xx), or that meets a broken connection, is tried again after a
// wait that doubles each time, up to the configured tries (the wait holds no connection); a
// refusal (5xx) ends it at once with its bounce class. The event loop group is the process's
// shared one.
import NIOCore
import NIOPosix

public actor Mailer {
    public enum Result: Sendable, Equatable {
        case sent(SMTPReply, attempts: Int)
        /// Still deferred (or unreachable) after every try.
        case gaveUp(reason: String, attempts: Int)
        case bounced(SMTPReply, BounceKind)
    }

    nonisolated public let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    /// Open connections no message is using.
    private var idle: [SMTPConnection] = []
    private var inFlight = 0
    private var waitingForSlot: [CheckedContinuation<Void, Never>] = []
    private var perDomain: [String: Int] = [:]
    private var waitingForDomain: [String: [CheckedContinuation<Void, Never>]] = [:]

    public init(_ configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Sends one message to `recipient` from the envelope sender `sender`. `beforeContent` runs
    /// before each try hands the content over (see `SMTPConnection.send`); if it throws, that
    /// try sends no content and its connection is closed, and the error is the try's (a
    /// configuration error ends every try).
    public func send(_ message: [UInt8], from sender: String, to recipient: String,
                     beforeContent: (@Sendable () async throws -> Void)? = nil) async -> Result {
        let domain = recipient.split(separator: "@").last.map { $0.lowercased() } ?? ""
        await enter(domain: domain)
        defer { leave(domain: domain) }
        var delay = configuration.retryDelay
        var lastReason = ""
        for attempt in 1...max(1, configuration.attempts) {
            await takeSlot()
            var current: SMTPConnection?
            do {
                let connection = try await connection()
                current = connection
                let (outcome, refused) = try await connection.send(message, from: sender, to: [recipient], beforeContent: beforeContent)
                putBack(connection)
                switch outcome {
                case .accepted(let reply):
                    if let reply = refused[recipient] { return .bounced(reply, BounceKind(reply)) }
                    return .sent(reply, attempts: attempt)
                case .refused(let reply, let kind):
                    return .bounced(refused[recipient] ?? reply, refused[recipient].map(BounceKind.init) ?? kind)
                case .deferred(let reply):
                    lastReason = "\(reply)"
                }
            } catch let error as DeliveryError {
                await current?.close()
                freeSlot()
                if case .configuration = error { return .gaveUp(reason: error.description, attempts: attempt) }
                if case .refused(_, let code, _) = error, code >= 500 { return .gaveUp(reason: error.description, attempts: attempt) }
                lastReason = error.description
            } catch {
                await current?.close()
                freeSlot()
                lastReason = "\(error)"
            }
            if attempt < configuration.attempts {
                try? await Task.sleep(nanoseconds: UInt64(delay.nanoseconds))
                delay = delay * 2
            }
        }
        return .gaveUp(reason: lastReason, attempts: configuration.attempts)
    }

    public func close() async {
        let connections = idle
        idle.removeAll()
        for connection in connections { await connection.close() }
    }

    // MARK: The pool

    /// An idle connection, or a new one. The caller holds a slot; on failure the slot is the
    /// caller's to free.
    private func connection() async throws -> SMTPConnection {
        if let connection = idle.popLast() { return connection }
        return try await SMTPConnection.open(configuration, group: group)
    }

    /// A connection that finished a message goes back to the pool and frees its slot.
    private func putBack(_ connection: SMTPConnection) {
        idle.append(connection)
        freeSlot()
    }

    private func takeSlot() async {
        if inFlight >= max(1, configuration.connections) {
            await withCheckedContinuation { waitingForSlot.append($0) }
        } else {
            inFlight += 1
        }
    }

    /// Frees a slot: a waiting message takes it over directly.
    private func freeSlot() {
        if waitingForSlot.isEmpty { inFlight -= 1 } else { waitingForSlot.removeFirst().resume() }
    }

    private func enter(domain: String) async {
        if perDomain[domain, default: 0] >= max(1, configuration.connectionsPerDomain) {
            await withCheckedContinuation { waitingForDomain[domain, default: []].append($0) }
        } else {
            perDomain[domain, default: 0] += 1
        }
    }

    private func leave(domain: String) {
        if var waiting = waitingForDomain[domain], !waiting.isEmpty {
            let next = waiting.removeFirst()
            waitingForDomain[domain] = waiting.isEmpty ? nil : waiting
            next.resume()
        } else {
            perDomain[domain, default: 1] -= 1
        }
    }
}
