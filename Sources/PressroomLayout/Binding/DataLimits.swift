// How much data one record may bring: a record's bytes and one text field's. Layout takes
// hundreds of bytes of memory per character set, so a ten-megabyte string in one record would
// take gigabytes; past these limits the record is refused (the others go on), with the JSON path.
import Foundation

public struct DataLimits: Sendable, Equatable {
    /// The bytes of one record as written in the data file (default 16 MiB).
    public var recordBytes: Int
    /// The UTF-8 bytes of one text value (default 256 KiB: a hundred pages of a letter).
    public var fieldBytes: Int

    public init(recordBytes: Int = 16 << 20, fieldBytes: Int = 256 << 10) {
        self.recordBytes = recordBytes
        self.fieldBytes = fieldBytes
    }

    /// "10.0 MiB", "256 KiB", "900 bytes".
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

extension DataValue {
    /// The JSON path and size of the first text longer than `limit` bytes, depth first.
    func firstText(longerThan limit: Int, path: String) -> (String, Int)? {
        switch self {
        case .string(let text):
            let size = text.utf8.count
            return size > limit ? (path, size) : nil
        case .array(let elements):
            for index in elements.indices {
                // An element of a lazy list whose bytes are within the limit holds no longer text.
                if let bound = elements.byteBound(at: index), bound <= limit { continue }
                let element = elements[index]
                if let found = element.firstText(longerThan: limit, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let fields):
            for key in fields.keys.sorted() {
                if let found = fields[key]?.firstText(longerThan: limit, path: "\(path).\(key)") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
