// One SMTP session over SwiftNIO (RFC 5321): the greeting, EHLO, STARTTLS (RFC 3207) and EHLO
// again, AUTH PLAIN or LOGIN (RFC 4954), then any number of messages, each MAIL FROM, RCPT TO and
// DATA pipelined when the server offers PIPELINING (RFC 2920), with dot-stuffing, and RSET after
// a refusal so the connection serves the next message of the batch. QUIT at the end.
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

public final class SMTPConnection: Sendable {
    private let channel: any Channel
    public let extensions: Set<String>
    public let isEncrypted: Bool
    private let timeout: TimeAmount

    private init(channel: any Channel, extensions: Set<String>, isEncrypted: Bool, timeout: TimeAmount) {
        self.channel = channel
        self.extensions = extensions
        self.isEncrypted = isEncrypted
        self.timeout = timeout
    }

    /// Connects, greets, secures and logs in as `configuration` says.
    public static func open(_ configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> SMTPConnection {
        let eventLoop = group.next()
        let greeting = eventLoop.makePromise(of: SMTPReply.self)
        let tls = try tlsContext(configuration)
        let host = configuration.host
        let implicit = configuration.security == .implicitTLS
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(configuration.timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if implicit { try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName(host))) }
                        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(greeting: greeting))
                    }
                }
                .connect(host: configuration.host, port: configuration.port).get()
        } catch {
            greeting.fail(error)
            throw DeliveryError.connection("cannot connect to \(configuration.host):\(configuration.port): \(error)")
        }
        let session = Session(channel: channel, timeout: configuration.timeout)
        do {
            let hello = try await session.reply(greeting.futureResult)
            guard hello.code == 220 else { throw DeliveryError.refused(command: "the greeting", code: hello.code, text: hello.text) }
            var extensions = try await session.ehlo(configuration.helloName)
            var encrypted = implicit
            if configuration.security == .startTLS {
                guard extensions.contains("STARTTLS") else {
                    throw DeliveryError.configuration("\(configuration.host) does not offer STARTTLS, and mail is only sent encrypted; give --smtp-security none to send in clear to a server on a trusted network")
                }
                let reply = try await session.command("STARTTLS")
                guard reply.code == 220 else { throw DeliveryError.refused(command: "STARTTLS", code: reply.code, text: reply.text) }
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName(host)), position: .first)
                }.get()
                encrypted = true
                extensions = try await session.ehlo(configuration.helloName)
            }
            if let username = configuration.username {
                try await session.login(username: username, password: configuration.password ?? "", extensions: extensions)
            }
            return SMTPConnection(channel: channel, extensions: extensions, isEncrypted: encrypted, timeout: configuration.timeout)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// What became of one message: the server's answer for each recipient, and for the content.
    public enum Outcome: Sendable, Equatable {
        case accepted(SMTPReply)
        /// 4xx: the message may go later.
        case deferred(SMTPReply)
        /// 5xx: it will not go as it is.
        case refused(SMTPReply, BounceKind)
    }

    /// Sends `message` from `sender` to `recipients` (envelope addresses). One outcome for the
    /// whole message: it is accepted only if the server took the content for at least one
    /// recipient; a recipient refused alone is reported by `refusedRecipients`. `beforeContent`
    /// runs once the server has opened DATA, just before the content and its final dot go: from
    /// then until the server's reply the message is in doubt (a sender that dies there cannot
    /// know whether the server took it), and a throw from it sends nothing.
    public func send(_ message: [UInt8], from sender: String, to recipients: [String],
                     beforeContent: (@Sendable () async throws -> Void)? = nil) async throws -> (outcome: Outcome, refusedRecipients: [String: SMTPReply]) {
        let session = Session(channel: channel, timeout: timeout)
        let utf8 = (sender + recipients.joined()).utf8.contains { $0 >= 0x80 } && extensions.contains("SMTPUTF8")
        let mail = "MAIL FROM:<\(sender)>" + (extensions.contains("8BITMIME") ? " BODY=8BITMIME" : "") + (utf8 ? " SMTPUTF8" : "")
        let commands = [mail] + recipients.map { "RCPT TO:<\($0)>" }
        var replies: [SMTPReply] = []
        if extensions.contains("PIPELINING") {
            let futures = try await session.pipeline(commands + ["DATA"])
            for future in futures { replies.append(try await session.reply(future)) }
        } else {
            for command in commands + ["DATA"] {
                let reply = try await session.command(command)
                replies.append(reply)
                if command == mail && !reply.isPositive { break }
                if command == "DATA" { break }
                if command == commands.last, !replies.dropFirst().contains(where: \.isPositive) { break }
            }
        }
        let mailReply = replies[0]
        var refused: [String: SMTPReply] = [:]
        for (recipient, reply) in zip(recipients, replies.dropFirst()) where !reply.isPositive { refused[recipient] = reply }
        let dataReply = replies.count == commands.count + 1 ? replies[replies.count - 1] : nil
        guard mailReply.isPositive, let dataReply, dataReply.code == 354 else {
            if dataReply?.code == 354 { _ = try await session.send(Self.dotStuffed([])) }  // a server that opened DATA regardless
            _ = try? await session.command("RSET")
            let worst = !mailReply.isPositive ? mailReply : (refused.values.first ?? dataReply ?? mailReply)
            return (worst.isTransient ? .deferred(worst) : .refused(worst, BounceKind(worst)), refused)
        }
        do {
            try await beforeContent?()
        } catch {
            // The server waits for content: closing drops the transaction (no dot, no message),
            // where a QUIT would be read as content and its reply waited for until the timeout.
            try? await channel.close()
            throw error
        }
        let final = try await session.send(Self.dotStuffed(message))
        if final.isPositive { return (.accepted(final), refused) }
        _ = try? await session.command("RSET")
        return (final.isTransient ? .deferred(final) : .refused(final, BounceKind(final)), refused)
    }

    /// Whether the connection to the server is still open.
    public var isOpen: Bool { channel.isActive }

    public func close() async {
        let session = Session(channel: channel, timeout: timeout)
        _ = try? await session.command("QUIT")
        try? await channel.close()
    }

    /// The message with every line that starts with "." doubled (RFC 5321 §4.5.2), ended with
    /// CRLF.CRLF.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(byte) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        if !output.isEmpty && !(output.suffix(2) == [0x0D, 0x0A]) { output += [0x0D, 0x0A] }
        output += [UInt8(ascii: "."), 0x0D, 0x0A]
        return output
    }

    static func tlsContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustedCertificates {
            do { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file)) } catch {
                throw DeliveryError.configuration("cannot read the certificates to trust from \(file): \(error)")
            }
        }
        do { return try NIOSSLContext(configuration: tls) } catch {
            throw DeliveryError.configuration("TLS cannot be set up: \(error)")
        }
    }
}

/// The server name for TLS (SNI and certificate check): nil for an IP address, which SNI forbids.
private func serverName(_ host: String) -> String? {
    host.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? nil : host
}

/// Commands and replies on one channel, each reply awaited with the time limit.
private struct Session: Sendable {
    let channel: any Channel
    let timeout: TimeAmount

    func command(_ line: String) async throws -> SMTPReply {
        try await reply(write(Array((line + "\r\n").utf8)))
    }

    func send(_ bytes: [UInt8]) async throws -> SMTPReply {
        try await reply(write(bytes))
    }

    func pipeline(_ lines: [String]) async throws -> [EventLoopFuture<SMTPReply>] {
        var futures: [EventLoopFuture<SMTPReply>] = []
        for line in lines { futures.append(write(Array((line + "\r\n").utf8), flush: false)) }
        channel.flush()
        return futures
    }

    /// Writes `bytes`; the future is their reply, or the failure of the write itself (a channel
    /// already closed has no handler left to answer, so the write's failure must fail the reply).
    private func write(_ bytes: [UInt8], flush: Bool = true) -> EventLoopFuture<SMTPReply> {
        guard channel.isActive else {
            return channel.eventLoop.makeFailedFuture(DeliveryError.connection("the connection to the server is closed"))
        }
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { promise.fail(DeliveryError.connection("the connection to the server is lost: \($0)")) }
        let request = SMTPRequest(bytes: channel.allocator.buffer(bytes: bytes), reply: promise)
        if flush { channel.writeAndFlush(request, promise: written) } else { channel.write(request, promise: written) }
        return promise.futureResult
    }

    /// The reply, or a failure when none came within the time limit (the connection is closed).
    func reply(_ future: EventLoopFuture<SMTPReply>) async throws -> SMTPReply {
        let answer = channel.eventLoop.makePromise(of: SMTPReply.self)
        future.cascade(to: answer)
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { [channel, timeout] in
            answer.fail(DeliveryError.connection("the server did not answer within \(timeout.nanoseconds / 1_000_000_000) s"))
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        return try await answer.futureResult.get()
    }

    /// EHLO: the extensions the server offers (upper case, the keyword alone; AUTH keeps its methods).
    func ehlo(_ name: String) async throws -> Set<String> {
        let reply = try await command("EHLO \(name)")
        guard reply.code == 250 else { throw DeliveryError.refused(command: "EHLO", code: reply.code, text: reply.text) }
        var extensions: Set<String> = []
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ")
            guard let keyword = words.first else { continue }
            extensions.insert(String(keyword))
            if keyword == "AUTH" { for method in words.dropFirst() { extensions.insert("AUTH=\(method)") } }
        }
        return extensions
    }

    func login(username: String, password: String, extensions: Set<String>) async throws {
        if extensions.contains("AUTH=PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            let reply = try await command("AUTH PLAIN \(token)")
            guard reply.code == 235 else { throw DeliveryError.refused(command: "AUTH PLAIN", code: reply.code, text: reply.text) }
        } else if extensions.contains("AUTH=LOGIN") {
            var reply = try await command("AUTH LOGIN")
            guard reply.code == 334 else { throw DeliveryError.refused(command: "AUTH LOGIN", code: reply.code, text: reply.text) }
            reply = try await command(Data(username.utf8).base64EncodedString())
            guard reply.code == 334 else { throw DeliveryError.refused(command: "AUTH LOGIN (user)", code: reply.code, text: reply.text) }
            reply = try await command(Data(password.utf8).base64EncodedString())
            guard reply.code == 235 else { throw DeliveryError.refused(command: "AUTH LOGIN (password)", code: reply.code, text: reply.text) }
        } else {
            throw DeliveryError.configuration("the server offers no AUTH PLAIN or LOGIN\(extensions.contains("STARTTLS") ? " before STARTTLS" : ""); it cannot take a login")
        }
    }
}
