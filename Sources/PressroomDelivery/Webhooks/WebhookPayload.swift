// What a status webhook carries: the event (type, time, record key and number, channel, what
// happened and why), the record's data as it came in, and the document: its file name, size
// and SHA-256, with a link to it when documents are kept in a folder, else its bytes in base64.
import Crypto
import Foundation
import PressroomLayout

public struct WebhookPayload: Sendable, Encodable {
    public struct Document: Sendable, Encodable {
        public var fileName: String
        public var size: Int
        public var sha256: String
        /// Where the document can be fetched (a file: URL for a local folder, an https one from the service).
        public var url: String?
        /// The document itself, when there is no link.
        public var contentBase64: String?

        enum CodingKeys: String, CodingKey {
            case fileName = "file_name", size, sha256, url, contentBase64 = "content_base64"
        }

        /// A document the payload links to without its bytes (a postal batch's print file).
        public init(fileName: String, size: Int, sha256: String, url: String) {
            self.fileName = fileName
            self.size = size
            self.sha256 = sha256
            self.url = url
        }

        public init(fileName: String, bytes: [UInt8], url: String?) {
            self.fileName = fileName
            self.size = bytes.count
            self.sha256 = SHA256Hex.of(bytes)
            self.url = url
            self.contentBase64 = url == nil ? Data(bytes).base64EncodedString() : nil
        }
    }

    public struct Body: Sendable, Encodable {
        public var event: DeliveryEvent
        public var data: DataValue?
        public var document: Document?
    }

    public var type: String
    public var timestamp: String
    public var body: Body

    enum CodingKeys: String, CodingKey { case type, timestamp, body = "data" }

    public init(event: DeliveryEvent, record: DataValue?, document: Document?) {
        type = event.type
        timestamp = event.at
        body = Body(event: event, data: record, document: document)
    }

    /// The webhook-id: the same event always has the same id, so a receiver drops a repeat.
    public var id: String {
        let event = body.event
        return "msg_" + SHA256Hex.of(Array("\(event.key)\n\(event.channel.rawValue)\n\(event.kind.rawValue)\n\(event.at)".utf8)).prefix(32)
    }

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
