// What both job stores share beyond the schema: their errors, and the JSON columns (a job's
// spec, a record's failure), encoded one way everywhere.
import Foundation
import PressroomProduction

public enum StoreError: Error, CustomStringConvertible {
    case missing(String)
    case badURL(String)
    case unreachable(String)

    public var description: String {
        switch self {
        case .missing(let what): "\(what) is not in the job store"
        case .badURL(let why), .unreachable(let why): why
        }
    }
}

/// JSON columns (a job's spec, a record's failure), encoded one way everywhere.
enum StoreCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A failed record's stored failure (one of an older shape reads as a plain failure).
    static func failure(_ text: String?) -> RecordFailure {
        text.flatMap { try? decode(RecordFailure.self, $0) } ?? .output(path: "", reason: "the record could not be rendered")
    }
}
