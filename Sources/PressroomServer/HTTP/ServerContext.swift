// The request context of the API: who is calling, once the key middleware has found the
// bearer key in the store. Routes ask for the role they need; a request without a valid key
// never reaches them.
import Hummingbird

public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var principal: Principal?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    func caller(_ allowed: (Principal) -> Bool, _ refusal: String) throws -> Principal {
        try Principal.check(principal, allowed, refusal)
    }

    func submitter() throws -> Principal {
        try caller(\.submits, Principal.submitterRefusal)
    }
}

/// Finds the caller's key: `Authorization: Bearer pr_…`, hashed and looked up. Paths under
/// /v1/ need one (except the API description); /health, /ready and /metrics do not.
struct KeyMiddleware: RouterMiddleware {
    let store: any JobStore
    let metrics: ServerMetrics

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        do {
            let path = request.uri.path
            if path.hasPrefix("/v1/") && path != "/v1/openapi.yaml" {
                guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                      let key = try await store.key(hash: APIKeys.hash(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)))
                else { throw Problem.unauthorized }
                context.principal = Principal(key)
            }
            let response = try await Principal.$current.withValue(context.principal) { try await next(request, context) }
            metrics.answered(status: Int(response.status.code))
            return response
        } catch let error as HTTPResponseError {
            metrics.answered(status: Int(error.status.code))
            throw error
        }
    }
}
