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
            try context.caller(\.printsForShop, Principal.printShopRefusal).shop!
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
    }

    // The generated operations.

    func listPrintBatches(_ input: Operations.ListPrintBatches.Input) async throws -> Operations.ListPrintBatches.Output {
        let shop = try Self.printShop()
        let all = input.query.all ?? false
        let batches = try PostalHandoff(folder: postFolder).batches(for: shop).filter { all || $0.stage < .posted }
        return .ok(.init(body: .json(.init(batches: batches.map(Components.Schemas.PrintBatch.init)))))
    }

    func getPrintBatch(_ input: Operations.GetPrintBatch.Input) async throws -> Operations.GetPrintBatch.Output {
        let shop = try Self.printShop()
        return .ok(.init(body: .json(Components.Schemas.PrintBatch(try Self.status(PostalHandoff(folder: postFolder), input.path.job, shop: shop)))))
    }

    /// A repeated acknowledgement of the stage reached answers as the first did, and puts its
    /// webhook event in again (once by its id): a shop that retries after an error loses nothing.
    func acknowledgePrintBatch(_ input: Operations.AcknowledgePrintBatch.Input) async throws -> Operations.AcknowledgePrintBatch.Output {
        let shop = try Self.printShop()
        let handoff = PostalHandoff(folder: postFolder)
        let job = try Self.status(handoff, input.path.job, shop: shop).batch.job
        guard case .json(let ack) = input.body, let stage = PostalHandoff.Stage(rawValue: ack.stage.rawValue) else {
            throw Problem.badRequest("send {\"stage\": \"received\" | \"printed\" | \"posted\", \"note\": \"…\"}")
        }
        do {
            _ = try handoff.acknowledge(job, for: shop, stage: stage, note: ack.note)
        } catch {
            throw Problem(.conflict, "stage", "Stage not accepted", "\(error)")
        }
        try await announce(batch: job, shop: shop, stage: stage.rawValue, note: ack.note)
        return .ok(.init(body: .json(Components.Schemas.PrintBatch(try handoff.status(of: job, for: shop)))))
    }

    /// The calling print shop.
    private static func printShop() throws -> String {
        try Principal.caller(\.printsForShop, Principal.printShopRefusal).shop!
    }

    private static func status(_ handoff: PostalHandoff, _ job: String, shop: String) throws -> PostalHandoff.Status {
        guard let status = try? handoff.status(of: job, for: shop) else { throw Problem.notFound("this print shop has no such batch") }
        return status
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
        try Self.status(handoff, context.parameters.get("job") ?? "", shop: shop)
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
extension Components.Schemas.PrintBatch {
    init(_ status: PostalHandoff.Status) {
        self.init(job: status.batch.job, shop: status.batch.shop, handedOver: Self.date(status.batch.handedOver), pieces: status.batch.pieces,
                  files: FilesPayload(additionalProperties: status.batch.files), stage: StagePayload(rawValue: status.stage.rawValue) ?? .ready,
                  acknowledgements: status.acknowledgements.map {
                      AcknowledgementsPayloadPayload(stage: Components.Schemas.AckStage(rawValue: $0.stage.rawValue) ?? .received,
                                                     at: Self.date($0.at), note: $0.note)
                  })
    }

    /// A hand-off's RFC 3339 time (with milliseconds).
    private static func date(_ text: String) -> Date {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.date(from: text) ?? ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}
