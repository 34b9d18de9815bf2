// The preview's HTTP surface: the page itself, the update stream (server-sent events), each
// page's SVG, the PDF download and the record picker.
import Foundation
import Hummingbird

enum PreviewRoutes {
    static func router(for preview: LivePreview) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in
            response(PreviewPage.html, type: "text/html; charset=utf-8")
        }
        router.get("/state") { _, _ in
            let json = try JSONEncoder().encode(preview.state)
            return response(String(decoding: json, as: UTF8.self), type: "application/json")
        }
        router.get("/events") { _, _ in
            let updates = preview.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await json in updates {
                    try await writer.write(ByteBuffer(string: "event: state\ndata: \(json)\n\n"))
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
