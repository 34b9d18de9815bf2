// A mistake shown in the preview's error panel: what is wrong and where, in the layout files and
// in the record, as the terminal prints it.
import PressroomLayout

public struct PreviewProblem: Codable, Sendable, Equatable {
    public var kind: String
    public var message: String
    /// "components/address-block.yaml:7:9", when the mistake has a place in a file.
    public var location: String?
    public var file: String?
    public var line: Int?
    /// The JSON path of the record field involved, "$.customer.name".
    public var dataPath: String?
    /// The record's number in the data file (1-based).
    public var record: Int?

    public init(_ error: LayoutError) {
        kind = error.kind.rawValue
        message = error.message
        location = error.location?.description
        file = error.location?.file
        line = error.location?.line
        dataPath = error.dataPath
        record = error.record
    }

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    /// One line, as the terminal shows it.
    public var description: String {
        var parts: [String] = []
        if let record { parts.append("record \(record)") }
        if let location { parts.append(location) }
        if let dataPath { parts.append(dataPath) }
        return parts.isEmpty ? message : parts.joined(separator: ": ") + ": " + message
    }
}
