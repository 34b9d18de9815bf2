// Status webhooks on their way out: each payload is POSTed as JSON to the client's endpoint,
// signed the Standard Webhooks way, by a few workers at once so one slow or failing request
// does not hold up the others. A request that fails (no connection, no answer in time, a status
// other than 2xx) is tried again after a wait that doubles; after the last try the request, with
// its headers and the last failure, goes to the dead-letter file, from which it can be sent again.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

public actor WebhookSender {
    public struct Configuration: Sendable {
        public var url: String
        public var secret: String
        public var attempts = 5
        public var retryDelay: TimeAmount = .seconds(1)
        public var timeout: TimeAmount = .seconds(10)
        public var workers = 4
        /// The dead-letter file (JSON Lines).
        public var deadLetters: String

        public init(url: String, secret: String, deadLetters: String) {
            self.url = url
            self.secret = secret
            self.deadLetters = deadLetters
        }
    }

    /// What became of the requests so far.
    public struct Tally: Sendable {
        public var delivered = 0, retried = 0, dead = 0
    }

    private struct Request: Sendable {
        var id: String
        var body: [UInt8]
    }

    /// A request that failed every try, as the dead-letter file keeps it.
    public struct DeadLetter: Codable, Sendable {
        public var url: String
        public var id: String
        public var attempts: Int
        public var error: String
        public var body: String
    }

    public let configuration: Configuration
    private let signature: WebhookSignature
    private let client: HTTPClient
    private var queue: [Request] = []
    private var waiting: [CheckedContinuation<Request?, Never>] = []
    private var closed = false
    private var workers: [Task<Void, Never>] = []
    public private(set) var tally = Tally()

    public init(_ configuration: Configuration) throws {
        guard let url = URL(string: configuration.url), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw DeliveryError.configuration("the webhook URL \(configuration.url) is not an http or https address")
        }
        self.configuration = configuration
        self.signature = try WebhookSignature(secret: configuration.secret)
        self.client = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    /// Queues `payload`; a worker sends it.
    public func post(_ payload: WebhookPayload) throws {
        let request = Request(id: payload.id, body: try payload.encoded())
        if workers.isEmpty { startWorkers() }
        if let next = waiting.popLast() { next.resume(returning: request) } else { queue.append(request) }
    }

    /// Queues a dead letter again, with its own id (receivers drop it if the first try did
    /// arrive after all) and a fresh signature.
    public func post(again letter: DeadLetter) {
        let request = Request(id: letter.id, body: Array(letter.body.utf8))
        if workers.isEmpty { startWorkers() }
        if let next = waiting.popLast() { next.resume(returning: request) } else { queue.append(request) }
    }

    /// The dead letters in `path` (JSON Lines; a torn line is skipped).
    public static func deadLetters(in path: String) -> [DeadLetter] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(DeadLetter.self, from: $0) }
    }

    /// Waits until every queued payload is delivered or dead-lettered, then shuts the client down.
    public func finish() async -> Tally {
        closed = true
        for continuation in waiting { continuation.resume(returning: nil) }
        waiting = []
        for worker in workers { await worker.value }
        try? await client.shutdown()
        return tally
    }

    private func startWorkers() {
        for _ in 0..<max(1, configuration.workers) {
            workers.append(Task { [weak self] in
                while let self, let request = await self.next() { await self.deliver(request) }
            })
        }
    }

    private func next() async -> Request? {
        if !queue.isEmpty { return queue.removeFirst() }
        if closed { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func deliver(_ request: Request) async {
        var delay = configuration.retryDelay
        var failure = ""
        for attempt in 1...max(1, configuration.attempts) {
            if attempt > 1 {
                tally.retried += 1
                try? await Task.sleep(nanoseconds: UInt64(delay.nanoseconds))
                delay = delay * 2
            }
            let http = Self.request(to: configuration.url, id: request.id, body: request.body, signature: signature)
            do {
                let response = try await client.execute(http, timeout: configuration.timeout)
                _ = try? await response.body.collect(upTo: 64 * 1024)
                if (200..<300).contains(response.status.code) {
                    tally.delivered += 1
                    return
                }
                failure = "the endpoint answered \(response.status.code) \(response.status.reasonPhrase)"
            } catch {
                failure = "\(error)"
            }
        }
        tally.dead += 1
        deadLetter(DeadLetter(url: configuration.url, id: request.id, attempts: configuration.attempts, error: failure,
                              body: String(decoding: request.body, as: UTF8.self)))
    }

    /// The signed POST of one try (signed at each try: the timestamp is the try's, as receivers
    /// check it against their clock).
    public static func request(to url: String, id: String, body: [UInt8], signature: WebhookSignature) -> HTTPClientRequest {
        var http = HTTPClientRequest(url: url)
        http.method = .POST
        http.headers.add(name: "content-type", value: "application/json")
        http.headers.add(name: "user-agent", value: "pressroom")
        for (name, value) in signature.headers(id: id, timestamp: Int(Date().timeIntervalSince1970), body: body) {
            http.headers.add(name: name, value: value)
        }
        http.body = .bytes(ByteBuffer(bytes: body))
        return http
    }

    /// A lost dead letter cannot be reported anywhere but the tally, which counts it already.
    private func deadLetter(_ letter: DeadLetter) {
        try? JSONLines.append(letter, to: configuration.deadLetters)
    }
}
