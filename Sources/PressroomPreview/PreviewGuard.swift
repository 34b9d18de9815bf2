// What keeps the preview server to its one user, the browser on this machine: requests must name
// this machine as their host (a page elsewhere that resolves its own name to 127.0.0.1, DNS
// rebinding, is refused), changes (POST) must come from the preview page itself (it carries a
// token only this server hands out, and the browser's Origin must be this server), and a bounded
// number of update streams may be open at once.
import Foundation
import Hummingbird

struct PreviewGuard: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// Handed to the page inside its HTML; a POST without it is refused.
    let token: String

    static func makeToken() -> String {
        (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
    }

    /// The header a POST carries the token in.
    static let tokenHeader = "x-pressroom-token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, Self.isLocal(authority) else {
            return Self.refusal(.misdirectedRequest, "this preview answers to 127.0.0.1 and localhost only")
        }
        if request.method == .post {
            if let origin = request.headers[.origin], !Self.isLocal(origin.replacingOccurrences(of: "http://", with: "")) {
                return Self.refusal(.forbidden, "changes come from the preview page only")
            }
            guard request.headers.first(where: { $0.name.canonicalName == Self.tokenHeader })?.value == token else {
                return Self.refusal(.forbidden, "changes come from the preview page only (its token is missing)")
            }
        }
        return try await next(request, context)
    }

    /// "127.0.0.1:8080", "localhost:8080", "[::1]:8080" (any port).
    static func isLocal(_ authority: String) -> Bool {
        let host: Substring
        if authority.hasPrefix("[") {
            host = authority.prefix { $0 != "]" }.dropFirst()
        } else {
            host = authority.prefix { $0 != ":" }
        }
        return ["127.0.0.1", "localhost", "::1"].contains(host.lowercased())
    }

    static func refusal(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
