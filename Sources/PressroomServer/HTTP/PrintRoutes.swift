// The print shop's side of postal batches: its own batches only (the shop comes from its key),
// each file checked against its SHA-256 before it is sent, and acknowledgements that go
// forward only: received, printed, handed to the post. Another shop's batch is not found.
import Foundation
import HTTPTypes
import Hummingbird
import PressroomDelivery

extension API {
    func addPrint(to router: Router<ServerContext>) {
        let handoff = PostalHandoff(folder: postFolder)
        @Sendable func shop(_ context: ServerContext) throws -> String {
            let caller = try context.caller({ $0.role == .printshop && $0.shop != nil }, "the print-shop routes need a print shop's key")
            return caller.shop!
        }
        router.get("/v1/print/batches") { request, context in
            let shop = try shop(context)
            let all = request.uri.queryParameters.get("all") == "true"
            let batches = try handoff.batches(for: shop).filter { all || $0.stage < .posted }
            return try API.json(["batches": batches.map(PrintBatchView.init)])
        }
        router.get("/v1/print/batches/:job") { _, context in
            let shop = try shop(context)
            return try API.json(PrintBatchView(try status(handoff, context, shop: shop)))
        }
        router.get("/v1/print/batches/:job/files/:name") { _, context in
            let shop = try shop(context)
            let batch = try status(handoff, context, shop: shop).batch
            guard let name = context.parameters.get("name"), let sum = batch.files[name] ?? (name == PostalHandoff.checksumsName ? "" : nil) else {
                throw Problem.notFound("batch \(batch.job) has no such file")
            }
            let path = "\(postFolder)/\(batch.job)/\(name)"
            if !sum.isEmpty {
                guard let data = FileManager.default.contents(atPath: path), APIKeys.sha256(data) == sum else {
                    throw Problem(.internalServerError, "checksum", "File damaged", "\(name) of batch \(batch.job) does not match its SHA-256; it is not sent")
                }
            }
            return try API.file(path, type: Self.contentType(name), headers: sum.isEmpty ? [:] : [API.checksumHeader: sum])
        }
        router.post("/v1/print/batches/:job/ack") { request, context in
            let shop = try shop(context)
            let job = try status(handoff, context, shop: shop).batch.job
            struct Ack: Decodable { var stage: String; var note: String? }
            let body = try await API.body(request, limit: 64 << 10)
            guard let ack = try? JSONDecoder().decode(Ack.self, from: Data(body)), let stage = PostalHandoff.Stage(rawValue: ack.stage),
                  stage != .ready else {
                throw Problem.badRequest("send {\"stage\": \"received\" | \"printed\" | \"posted\", \"note\": \"…\"}")
            }
            do {
                _ = try handoff.acknowledge(job, for: shop, stage: stage, note: ack.note)
            } catch {
                throw Problem(.conflict, "stage", "Stage not accepted", "\(error)")
            }
            try await announce(batch: job, shop: shop, stage: stage.rawValue, note: ack.note)
            return try API.json(PrintBatchView(try handoff.status(of: job, for: shop)))
        }
    }

    /// Tells the job's tenant (by its webhook, if it has one) what the shop acknowledged. A
    /// service job's batch is named `<layout>-<job id>`.
    private func announce(batch: String, shop: String, stage: String, note: String?) async throws {
        guard let range = batch.range(of: "-j_", options: .backwards) else { return }
        let job = String(batch[batch.index(after: range.lowerBound)...])
        guard let tenant = try await store.tenant(ofJob: job), tenants.webhook(tenant) != nil else { return }
        let event = try WebhookDispatcher.event("print.\(stage)", tenant: tenant, key: batch,
                                                data: WebhookDispatcher.PrintStage(job: job, batch: batch, shop: shop, stage: stage, note: note))
        try await store.enqueueWebhooks([event], announcing: [], now: Date())
    }

    private func status(_ handoff: PostalHandoff, _ context: ServerContext, shop: String) throws -> PostalHandoff.Status {
        guard let job = context.parameters.get("job"), let status = try? handoff.status(of: job, for: shop) else {
            throw Problem.notFound("this print shop has no such batch")
        }
        return status
    }

    static let checksumHeader = HTTPField.Name("X-Checksum-SHA256")!

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".pdf") { return "application/pdf" }
        if name.hasSuffix(".csv") { return "text/csv" }
        if name.hasSuffix(".json") { return "application/json" }
        if name.hasSuffix(".xjdf") { return "application/vnd.cip4-xjdf+xml" }
        return "text/plain"
    }
}

/// A postal batch as a print shop sees it (the OpenAPI `PrintBatch` schema).
struct PrintBatchView: Encodable {
    struct Acknowledgement: Encodable { var stage: String; var at: String; var note: String? }
    var job, shop, handedOver, stage: String
    var pieces: Int
    var files: [String: String]
    var acknowledgements: [Acknowledgement]

    init(_ status: PostalHandoff.Status) {
        job = status.batch.job
        shop = status.batch.shop
        handedOver = status.batch.handedOver
        stage = status.stage.rawValue
        pieces = status.batch.pieces
        files = status.batch.files
        acknowledgements = status.acknowledgements.map { Acknowledgement(stage: $0.stage.rawValue, at: $0.at, note: $0.note) }
    }
}
