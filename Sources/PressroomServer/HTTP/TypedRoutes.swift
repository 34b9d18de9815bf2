// The API's JSON operations, served through the stubs swift-openapi-generator makes from the
// checked-in OpenAPI document (`openapi-generator-config.yaml` names them): their inputs are
// decoded and their answers encoded by the generated types, so what they take and give is what
// the document says. Handlers throw `Problem`; the problem middleware answers with it (a body
// that does not decode is a 400 naming what the call takes). Bodies are JSON whatever the
// client labels them (`curl -d` says form data) and at most 64 KiB.
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

extension API: APIProtocol {
    /// The generated routes on `router`, after the key middleware.
    func addTypedRoutes(to router: Router<ServerContext>) throws {
        router.add(middleware: JSONBodyMiddleware(paths: Self.jsonBodies))
        try registerHandlers(on: router, configuration: Configuration(dateTranscoder: .iso8601WithFractionalSeconds,
                                                                     jsonEncodingOptions: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]),
                             middlewares: [ProblemMiddleware(hints: Self.bodyHints, logger: Logger(label: "pressroom.api"))])
    }

    /// Operations whose request body is JSON: method and path (`*` for one segment).
    static let jsonBodies: [(HTTPRequest.Method, [String])] = [
        (.put, ["v1", "webhook"]), (.put, ["v1", "email"]), (.post, ["v1", "print", "batches", "*", "ack"]),
    ]

    /// What a body that does not decode should have been, by operation.
    static let bodyHints = [
        "setWebhook": "send {\"url\": \"https://…\"}: the endpoint job and print events are POSTed to",
        "setEmailSender": "send {\"from\": \"Billing <billing@example.com>\", \"dkimSelector\": \"pressroom\", \"dkimKey\": \"-----BEGIN PRIVATE KEY-----…\"}",
        "acknowledgePrintBatch": "send {\"stage\": \"received\" | \"printed\" | \"posted\", \"note\": \"…\"}",
    ]
}

/// Errors of the generated operations as problem details: a handler's `Problem` as it is, a
/// request that does not decode as 400, anything else as 500 (logged, not told).
struct ProblemMiddleware: ServerMiddleware {
    let hints: [String: String]
    let logger: Logger

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch let error as ServerError {
            if let problem = error.underlyingError as? Problem { return try problem.openAPIResponse() }
            if error.operationInput == nil {
                let hint = hints[operationID].map { ": \($0)" } ?? ""
                return try Problem.badRequest("the request does not fit \(operationID)\(hint)").openAPIResponse()
            }
            logger.error("\(operationID): \(error.underlyingError)")
            return try Problem(.internalServerError, "internal", "Internal error",
                               "the service could not answer \(operationID); the reason is in its log").openAPIResponse()
        }
    }
}

/// Takes a JSON operation's body whole (at most `limit` bytes: 413 past it) and labels it JSON.
struct JSONBodyMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let paths: [(HTTPRequest.Method, [String])]
    var limit = 64 << 10

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/").map(String.init)
        guard paths.contains(where: { method, pattern in
            method == request.method && pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }) else { return try await next(request, context) }
        let bytes = try await API.body(request, limit: limit)
        var head = request.head
        head.headerFields[.contentType] = "application/json"
        return try await next(Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: bytes))), context)
    }
}

extension Problem {
    /// The problem as the generated server's answer.
    func openAPIResponse() throws -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: status, headerFields: headers), HTTPBody(try body()))
    }
}
