// A record's JSON as a value with exact decimals: the six JSON kinds, their names in messages,
// and the entry point for parsing one JSON document (the parser itself is JSONParser).
import Foundation

public enum DataValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Exact: "1234.50" and 0.1 keep every digit (trailing zeros aside: 1234.50 == 1234.5).
    case number(Decimal)
    case string(String)
    /// A long list read from a data file is parsed element by element as it is read (`DataList`).
    case array(DataList)
    case object(DataObject)
}

extension DataValue {
    /// Parses one JSON document (RFC 8259) with exact decimals: numbers become `Decimal` from
    /// their digits, never via `Double`. A UTF-8 byte order mark is skipped. Errors are `.data`
    /// and say where: "invalid JSON at line 1, column 37: expected ',' or '}'".
    public static func parseJSON(_ bytes: some Collection<UInt8>) throws(LayoutError) -> DataValue {
        let parsed: Result<DataValue, JSONSyntaxError>
        if let contiguous = bytes.withContiguousStorageIfAvailable({ JSONParser.parseDocument($0) }) {
            parsed = contiguous
        } else {
            parsed = Array(bytes).withUnsafeBufferPointer { JSONParser.parseDocument($0) }
        }
        switch parsed {
        case .success(let value): return value
        case .failure(let error): throw LayoutError(.data, "invalid JSON at \(error.position): \(error.reason)")
        }
    }

    /// The kind of value, as messages name it: "text", "number", "list", "object", "true/false", "null".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "number"
        case .string: "text"
        case .array: "list"
        case .object: "object"
        }
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> DataValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
