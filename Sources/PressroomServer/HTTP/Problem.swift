// Every error the API answers with: RFC 9457 problem details (application/problem+json), with
// each located problem (record number, file:line:column, JSON path of the data field) listed.
import Foundation
import Hummingbird
import PressroomLayout
import PressroomProduction

public struct Problem: HTTPResponseError, Encodable {
    public struct Item: Encodable, Sendable {
        var record: Int?
        var location: String?
        var path: String?
        var message: String
    }

    public var status: HTTPResponse.Status
    var type: String
    var title: String
    var detail: String
    var problems: [Item]
    var retryAfter: Int?

    init(_ status: HTTPResponse.Status, _ type: String, _ title: String, _ detail: String, problems: [Item] = [], retryAfter: Int? = nil) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.problems = problems
        self.retryAfter = retryAfter
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail, problems }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("https://pressroom.dev/problems/\(type)", forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(Int(status.code), forKey: .status)
        try container.encode(detail, forKey: .detail)
        if !problems.isEmpty { try container.encode(problems, forKey: .problems) }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try body())))
    }

    /// The answer's headers: its content type, and Retry-After when it says when.
    var headers: HTTPFields {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return headers
    }

    /// The answer's body, application/problem+json.
    func body() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A layout or data error as a located item; the service's own paths are cut to the file's name.
    static func item(_ error: LayoutError, record: Int? = nil) -> Item {
        Item(record: record ?? error.record, location: error.location.map(Self.location), path: error.dataPath, message: error.message)
    }

    static func item(_ failure: RecordFailure, record: Int?) -> Item {
        if case .layout(let error) = failure { return item(error, record: record) }
        return Item(record: record, location: nil, path: nil, message: String(failure.description.prefix(2000)))
    }

    static func location(_ location: SourceLocation) -> String {
        let file = location.file.hasPrefix("/") ? (location.file as NSString).lastPathComponent : location.file
        return "\(file):\(location.line):\(location.column)"
    }

    // The problems the API answers with.
    static let unauthorized = Problem(.unauthorized, "unauthorized", "No valid API key",
                                      "send the key as 'Authorization: Bearer pr_…'; the key given is unknown or was removed")
    static func forbidden(_ detail: String) -> Problem { Problem(.forbidden, "forbidden", "Not allowed for this key", detail) }
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "not-found", "Not found", detail) }
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, "bad-request", "Bad request", detail) }
    static func tooLarge(_ limit: Int) -> Problem {
        Problem(.contentTooLarge, "too-large", "Request body too large", "the body is over the limit of \(limit) bytes; split the batch or raise the limit")
    }
    static func busy(_ detail: String, retryAfter: Int) -> Problem {
        Problem(.tooManyRequests, "busy", "Queue full", detail, retryAfter: retryAfter)
    }
    static func invalid(_ detail: String, _ problems: [Item], title: String = "Cannot be rendered") -> Problem {
        Problem(.unprocessableContent, "invalid", title, detail, problems: problems)
    }
    static func idempotencyConflict(_ key: String) -> Problem {
        Problem(.unprocessableContent, "idempotency-conflict", "Idempotency key reused",
                "the Idempotency-Key \"\(key.prefix(80))\" was used before for a different request; use a new key for a new request")
    }
}
