// The preview's HTTP surface: the page itself, the update stream (server-sent events, with a
// heartbeat so a closed tab is noticed at once), each page's SVG, the PDF download and the record
// picker; all behind `PreviewGuard`.
import Foundation
import Hummingbird

enum PreviewRoutes {
    /// Update streams open at once, at most (a browser keeps one per tab).
    static let streamLimit = 64

    static func router(for preview: LivePreview, token: String, heartbeat: Duration) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PreviewGuard(token: token))
        let page = PreviewPage.html.replacingOccurrences(of: PreviewPage.tokenPlaceholder, with: token)
        router.get("/") { _, _ in
            response(page, type: "text/html; charset=utf-8")
        }
        router.get("/state") { _, _ in
            let json = try JSONEncoder().encode(preview.state)
            return response(String(decoding: json, as: UTF8.self), type: "application/json")
        }
        router.get("/events") { _, _ in
            guard preview.subscriberCount < streamLimit else {
                return response("too many open previews; close some tabs", type: "text/plain; charset=utf-8", status: .serviceUnavailable)
            }
            // States and heartbeats in one stream: a write to a closed connection fails, which ends
            // the loop, drops the subscription and frees the connection.
            let updates = preview.subscribe()
            let (events, feed) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
            let relay = Task {
                for await json in updates { feed.yield("event: state\ndata: \(json)\n\n") }
                feed.finish()
            }
            let pulse = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    feed.yield(": heartbeat\n\n")
                }
            }
            feed.onTermination = { _ in
                relay.cancel()
                pulse.cancel()
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                defer { relay.cancel(); pulse.cancel() }
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event))
                }
                try await writer.finish(nil)
            })
        }
        router.get("/pages/:version/:page") { _, context in
            let name = context.parameters.get("page") ?? ""
            guard name.hasSuffix(".svg"), let page = Int(name.dropLast(4)), let svg = preview.svg(page: page) else {
                return response("no such page", type: "text/plain; charset=utf-8", status: .notFound)
            }
            return response(svg, type: "image/svg+xml")
        }
        router.get("/document.pdf") { _, _ in
            do {
                let (bytes, fileName) = try await preview.pdf()
                var headers = HTTPFields()
                headers[.contentType] = "application/pdf"
                headers[.contentDisposition] = "inline; filename=\"\(fileName.replacingOccurrences(of: "\"", with: "'"))\""
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            } catch {
                return response("\(error)", type: "text/plain; charset=utf-8", status: .conflict)
            }
        }
        router.post("/record/:number") { _, context in
            guard let number = context.parameters.get("number", as: Int.self), number >= 1 else {
                return response("the record number must be 1 or more", type: "text/plain; charset=utf-8", status: .badRequest)
            }
            preview.select(record: number)
            return response("", type: "text/plain; charset=utf-8", status: .accepted)
        }
        return router
    }

    private static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
