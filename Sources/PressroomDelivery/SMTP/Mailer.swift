// Messages of a batch through one SMTP connection, reused from message to message and opened
// again when it drops. A message the server defers (4xx), or that meets a broken connection, is
// tried again after a wait that doubles each time, up to the configured tries; a refusal (5xx)
// ends it at once with its bounce class. The event loop group is the process's shared one.
import NIOCore
import NIOPosix

public actor Mailer {
    public enum Result: Sendable, Equatable {
        case sent(SMTPReply, attempts: Int)
        /// Still deferred (or unreachable) after every try.
        case gaveUp(reason: String, attempts: Int)
        case bounced(SMTPReply, BounceKind)
    }

    public let configuration: SMTPConfiguration
    private var connection: SMTPConnection?
    private let group: any EventLoopGroup

    public init(_ configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Sends one message to `recipient` from the envelope sender `sender`.
    public func send(_ message: [UInt8], from sender: String, to recipient: String) async -> Result {
        var delay = configuration.retryDelay
        var lastReason = ""
        for attempt in 1...max(1, configuration.attempts) {
            do {
                let connection = try await open()
                let (outcome, refused) = try await connection.send(message, from: sender, to: [recipient])
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
                if case .configuration = error { return .gaveUp(reason: error.description, attempts: attempt) }
                if case .refused(_, let code, _) = error, code >= 500 { return .gaveUp(reason: error.description, attempts: attempt) }
                lastReason = error.description
                await drop()
            } catch {
                lastReason = "\(error)"
                await drop()
            }
            if attempt < configuration.attempts {
                try? await Task.sleep(nanoseconds: UInt64(delay.nanoseconds))
                delay = delay * 2
            }
        }
        return .gaveUp(reason: lastReason, attempts: configuration.attempts)
    }

    public func close() async {
        await connection?.close()
        connection = nil
    }

    private func open() async throws -> SMTPConnection {
        if let connection { return connection }
        let opened = try await SMTPConnection.open(configuration, group: group)
        connection = opened
        return opened
    }

    private func drop() async {
        if let connection { await connection.close() }
        connection = nil
    }
}
