// Why a record's document cannot go by post: what is wrong, and where it comes from (the layout
// file and line of the component that put the address outside the window or ink under the
// inserter's marks, the JSON path of a missing field).
import PressroomGraphics
import PressroomLayout

public struct Unmailable: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var reason: String
    public var location: SourceLocation?
    public var component: String?
    public var dataPath: String?

    public init(_ reason: String, location: SourceLocation? = nil, component: String? = nil, dataPath: String? = nil) {
        self.reason = reason
        self.location = location
        self.component = component
        self.dataPath = dataPath
    }

    /// Located by the source mark of the block that drew what is wrong.
    init(_ reason: String, mark: SourceMark?) {
        self.init(reason, location: mark.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) },
                  component: mark?.component, dataPath: mark?.dataPath)
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "cannot be mailed: \(reason)"
        if let component { text += " (component \(component))" }
        if let dataPath { text += " [\(dataPath)]" }
        return text
    }
}
