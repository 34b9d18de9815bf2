// /health (the process answers), /ready (the job store answers), /metrics (Prometheus; behind
// a bearer token when the operator sets `metrics-token`) and the API's OpenAPI description.
import Foundation
import Hummingbird

extension API {
    func addOperations(to router: Router<ServerContext>) {
        router.get("/metrics") { request, _ in
            if let token = limits.metricsToken {
                let given = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
                // Compared by digest: the time taken tells nothing of the token.
                guard APIKeys.sha256(Data(given.utf8)) == APIKeys.sha256(Data(token.utf8)) else {
                    throw Problem(.unauthorized, "unauthorized", "Unauthorized", "/metrics needs Authorization: Bearer and the metrics-token")
                }
            }
            if let pending = try? await store.pendingRecords() { metrics.queueDepth.set(Double(pending)) }
            metrics.onlineInFlight.set(Double(gate.onlineInFlight))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("/v1/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
                throw Problem.notFound("the API description is not installed")
            }
            return try API.file(url.path, type: "application/yaml")
        }
    }

    // The generated operations.

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    func ready(_ input: Operations.Ready.Input) async throws -> Operations.Ready.Output {
        do { try await store.ping() } catch {
            throw Problem(.serviceUnavailable, "not-ready", "Job store unavailable", "the job store does not answer: \(error)")
        }
        return .ok(.init(body: .json(.init(status: "ready"))))
    }
}
