// Where something was written: a layout, component or theme file, its line and column
// (1-based), so every error can point at the line to fix.

public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file name as the user knows it (relative to the layouts folder where possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// For values built in code rather than read from a file.
    public static let builtIn = SourceLocation(file: "<built-in>", line: 0, column: 0)

    public var description: String { "\(file):\(line):\(column)" }
}
