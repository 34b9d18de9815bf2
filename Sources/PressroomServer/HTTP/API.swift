// The API's parts and limits, shared by its routes, and the router that joins them.
import Foundation
import HTTPTypes
import Hummingbird
import PressroomLayout

public struct APILimits: Sendable {
    /// On-line render bodies, uploads.
    public var documentBytes = 16 << 20
    /// Batch job bodies.
    public var jobBytes = 512 << 20
    /// An on-line render longer than this answers 504.
    public var onlineTimeLimit: Duration = .seconds(10)
    /// Records waiting in the batch queue, over every job, before a new job is refused (429).
    public var maxQueuedRecords = 2_000_000
    /// On-line renders waiting for a lane before a new one is refused (429).
    public var maxOnlineWaiting = 64
    public var data = DataLimits()
    /// Where tenants' webhooks may lead.
    public var webhookAddresses = WebhookAddressGuard(allowsPrivate: false)
    /// The bearer token /metrics asks for (nil: open, as Prometheus endpoints usually are).
    public var metricsToken: String?

    public init() {}
}

struct API: Sendable {
    let store: any JobStore
    let tenants: TenantStore
    let files: JobFiles
    let postFolder: String
    let lanes: LanePool
    let gate: PriorityGate
    let metrics: ServerMetrics
    let limits: APILimits
    /// Weight of each document type's batch jobs (default 1): a type of weight 4 gets four
    /// records rendered for each one of a type of weight 1 while both have work.
    let weights: [String: Double]

    func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: KeyMiddleware(store: store, metrics: metrics))
        addOperations(to: router)
        addDocuments(to: router)
        addJobs(to: router)
        addLayouts(to: router)
        addPrint(to: router)
        // Last: the generated operations' body middleware applies to the routes added after it.
        do { try addTypedRoutes(to: router) } catch {
            preconditionFailure("the generated routes do not register: \(error)")
        }
        return router
    }

    /// The body, up to `limit` bytes (413 past it).
    static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            if bytes.count + buffer.readableBytes > limit { throw Problem.tooLarge(limit) }
            bytes += buffer.readableBytesView
        }
        return bytes
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static func file(_ path: String, type: String, headers extra: HTTPFields = [:]) throws -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem.notFound("the file is gone") }
        var headers = extra
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!

    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let key = request.headers[idempotencyHeader] else { return nil }
        guard !key.isEmpty, key.count <= 200 else { throw Problem.badRequest("an Idempotency-Key has 1 to 200 characters") }
        return key
    }
}
