// The SwiftNIO handler under an SMTP connection: outgoing commands are written as they come and
// each leaves a promise for its reply; incoming bytes are split into CRLF lines, gathered into
// replies (`250-…` continues, `250 …` ends) and handed to the promises in order. A lost
// connection fails every promise still waiting, and every command written after it.
import NIOCore

/// A command's bytes, and the promise its reply completes (nil for the message's content, whose
/// reply the final "." collects).
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer
    var reply: EventLoopPromise<SMTPReply>?
}

final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var waiting: CircularBuffer<EventLoopPromise<SMTPReply>>
    private var received: ByteBuffer?
    private var lines: [String] = []
    private var code: Int?
    private var closed = false

    /// `greeting`: completed by the server's first reply.
    init(greeting: EventLoopPromise<SMTPReply>) {
        waiting = [greeting]
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        // A command after the connection is gone would wait for a reply that never comes.
        guard !closed, context.channel.isActive else {
            let error = DeliveryError.connection("the connection to the server is closed")
            request.reply?.fail(error)
            promise?.fail(error)
            return
        }
        if let reply = request.reply { waiting.append(reply) }
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if received == nil { received = incoming } else { received!.writeBuffer(&incoming) }
        while let line = nextLine() { take(line, context: context) }
    }

    private func nextLine() -> String? {
        guard var buffer = received, let view = buffer.readableBytesView.firstRange(of: [0x0D, 0x0A]) else { return nil }
        let length = view.lowerBound - buffer.readerIndex
        let line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 2)
        received = buffer
        return line
    }

    private func take(_ line: String, context: ChannelHandlerContext) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let value = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
            fail(DeliveryError.connection("the server sent a line that is not an SMTP reply: \(line.prefix(80))"), context: context)
            return
        }
        code = value
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if bytes.count > 3 && bytes[3] == UInt8(ascii: "-") { return }
        let reply = SMTPReply(code: value, lines: lines)
        lines = []
        code = nil
        if let promise = waiting.popFirst() { promise.succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(DeliveryError.connection("the connection failed: \(error)"), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(DeliveryError.connection("the server closed the connection"), context: context)
        context.fireChannelInactive()
    }

    private func fail(_ error: DeliveryError, context: ChannelHandlerContext) {
        closed = true
        while let promise = waiting.popFirst() { promise.fail(error) }
        context.close(promise: nil)
    }
}
