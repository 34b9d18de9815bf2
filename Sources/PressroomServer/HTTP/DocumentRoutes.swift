// POST /v1/documents: one record in, its PDF out, before any batch record waiting in this
// process and within the on-line time limit. Kept under its Idempotency-Key, so a retried call
// gets the same PDF without a second render.
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import PressroomLayout
import PressroomProduction

extension API {
    func addDocuments(to router: Router<ServerContext>) {
        router.post("/v1/documents") { request, context in
            let caller = try context.submitter()
            let spec = try API.spec(request, tenants: tenants, tenant: caller.tenant)
            let key = try API.idempotencyKey(request)
            let body = try await API.body(request, limit: limits.documentBytes)
            var hash = SHA256()
            hash.update(data: Data("\(spec.layout)\n\(spec.variant)\n\(spec.theme ?? "")\n".utf8))
            hash.update(data: body)
            let requestHash = hash.finalize().map { String(format: "%02x", $0) }.joined()
            if let key, let kept = try await store.onlineResult(tenant: caller.tenant, key: key) {
                guard kept.requestHash == requestHash else { throw Problem.idempotencyConflict(key) }
                return try API.file(kept.file, type: "application/pdf", headers: [API.pagesHeader: String(kept.pages)])
            }
            let record: DataValue
            do throws(LayoutError) { record = try DataValue.parseJSON(body) } catch {
                throw Problem.badRequest("the body is not a JSON record: \(error.message)")
            }
            guard case .object = record else { throw Problem.badRequest("the body must be one JSON object (a record), not a list or a single value") }

            let started = ContinuousClock.now
            let document = try await gate.online {
                guard let lane = await lanes.take() else {
                    throw Problem.busy("\(limits.maxOnlineWaiting) on-line renders are waiting already; try again in a second", retryAfter: 1)
                }
                // Past the limit the answer is 504, and the render stops at its next page: the lane is free again.
                let deadline = ContinuousClock.now + limits.onlineTimeLimit
                return try await API.within(limits.onlineTimeLimit, release: { lanes.give(lane) }) {
                    do {
                        return try await lane.withProducer(tenant: caller.tenant, layout: spec.layout, theme: spec.theme, variant: spec.variant,
                                                           created: Date()) { producer in try producer.document(for: record, deadline: deadline) }
                    } catch let stopped as RenderDeadlinePassed {
                        context.logger.warning("on-line render of \(spec.layout) for tenant \(caller.tenant): \(stopped)")
                        throw Problem.timeLimit(limits.onlineTimeLimit)
                    }
                }
            }
            let elapsed = ContinuousClock.now - started
            metrics.onlineLatency.record(elapsed)
            if let key {
                let folder = "\(files.root)/online/\(caller.tenant)"
                let path = "\(folder)/\(requestHash).pdf"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try AtomicFile.write(document.bytes, to: path, durable: true)
                try await store.keepOnlineResult(tenant: caller.tenant, key: key,
                                                 result: OnlineResult(requestHash: requestHash, file: path, pages: document.pageCount), now: Date())
            }
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            return Response(status: .ok, headers: [.contentType: "application/pdf", API.pagesHeader: String(document.pageCount),
                                                   API.renderTimeHeader: String(format: "%.1f", milliseconds)],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.bytes)))
        }
    }

    static let pagesHeader = HTTPField.Name("X-Pressroom-Pages")!
    static let renderTimeHeader = HTTPField.Name("X-Pressroom-Render-Ms")!

    /// Layout, variant and theme from the query, checked against the tenant's layouts.
    static func spec(_ request: Request, tenants: TenantStore, tenant: String) throws -> JobSpec {
        let query = request.uri.queryParameters
        guard let layout = query.get("layout"), !layout.isEmpty else {
            throw Problem.badRequest("name the layout: ?layout=invoice")
        }
        guard tenants.hasLayout(layout, tenant: tenant) else {
            throw Problem.notFound("there is no layout \"\(layout.prefix(80))\" in this tenant's layouts (GET /v1/layouts lists them)")
        }
        let variant = query.get("variant") ?? "digital"
        guard RenderLane.variants.contains(variant) else {
            throw Problem.badRequest("variant is digital, print or plain, not \"\(variant.prefix(40))\"")
        }
        let theme = query.get("theme")
        if let theme, !TenantStore.isFileName(theme) { throw Problem.badRequest("\"\(theme.prefix(80))\" is not a theme name") }
        return JobSpec(layout: layout, theme: theme, variant: variant, type: query.get("type"),
                       combine: query.get("combine") == "true", post: query.get("post"), shop: query.get("shop"),
                       deliver: query.get("deliver") == "true")
    }

    /// `body`'s result, or 504 after `limit` (the render, given the same deadline, stops at its
    /// next page and is dropped); a render's own error as the problem it is.
    static func within<T: Sendable>(_ limit: Duration, release: @escaping @Sendable () -> Void,
                                    _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let render = Task {
            defer { release() }
            do { return try await body() } catch let problem as Problem { throw problem } catch { throw Problem.rendering(error) }
        }
        let result = try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await render.value }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        guard let result else { throw Problem.timeLimit(limit) }
        return result
    }
}

extension Problem {
    static func timeLimit(_ limit: Duration) -> Problem {
        Problem(.gatewayTimeout, "time-limit", "Render took too long",
                "the document was not finished within the on-line limit of \(limit); submit it as a batch job instead")
    }

    /// A render's error as a problem: the record's or layout's, located.
    static func rendering(_ error: any Error) -> Problem {
        let failure = ServiceFailure.recordFailure(error)
        switch failure {
        case .output: return Problem(.internalServerError, "render-failed", "Render failed", String(failure.description.prefix(2000)))
        default: return invalid("the record cannot be rendered with this layout", [item(failure, record: nil)])
        }
    }
}
