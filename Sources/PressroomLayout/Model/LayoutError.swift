// Everything that can go wrong between a layout file, a record and finished pages, as one value
// that says what is wrong and where: layout file:line:column, the record's JSON path, and (set by
// the batch renderer) the record's number in the batch.

public struct LayoutError: Error, CustomStringConvertible, Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The file is not valid YAML, or a value has the wrong shape ("a list was expected").
        case syntax
        /// A key the layout language does not know (a typo).
        case unknownKey
        /// A component, theme, style, colour, font role or label that is not defined.
        case unknownReference
        /// A value the layout language cannot accept ("12xx" as a length).
        case invalidValue
        /// The record has no field at the data path a placeholder, loop or table asks for.
        case missingField
        /// The record's field has the wrong type (an object where text was expected).
        case wrongType
        /// A placeholder's formatter failed ("abc" formatted as money).
        case format
        /// Content does not fit a fixed box and its overflow policy is `error`.
        case overflow
        /// The document needs more pages than the layout's `max-pages`.
        case pageLimit
        /// A file the layout names (image, font, component) cannot be read or decoded.
        case resource
        /// A record line that is not valid JSON.
        case data
    }

    public var kind: Kind
    /// One sentence: what is wrong and how to fix it.
    public var message: String
    public var location: SourceLocation?
    /// JSON path into the record, "$.customer.name", "$.items[3].unit_price".
    public var dataPath: String?
    /// 1-based record number in a batch (the line of a JSON Lines file).
    public var record: Int?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, dataPath: String? = nil,
                record: Int? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.dataPath = dataPath
        self.record = record
    }

    public var description: String {
        var prefix: [String] = []
        if let record { prefix.append("record \(record)") }
        if let location { prefix.append(location.description) }
        if let dataPath { prefix.append(dataPath) }
        return prefix.isEmpty ? message : prefix.joined(separator: ": ") + ": " + message
    }

    /// The same error, tagged with the record it happened in.
    public func inRecord(_ number: Int) -> LayoutError {
        var copy = self
        copy.record = number
        return copy
    }
}
