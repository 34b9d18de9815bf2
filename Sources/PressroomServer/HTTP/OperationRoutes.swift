// /health (the process answers), /ready (the job store answers), /metrics (Prometheus) and
// the API's OpenAPI description.
import Foundation
import Hummingbird

extension API {
    func addOperations(to router: Router<ServerContext>) {
        router.get("/health") { _, _ in try API.json(["status": "ok"]) }
        router.get("/ready") { _, _ in
            do { try await store.ping() } catch {
                throw Problem(.serviceUnavailable, "not-ready", "Job store unavailable", "the job store does not answer: \(error)")
            }
            return try API.json(["status": "ready"])
        }
        router.get("/metrics") { _, _ in
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
}
