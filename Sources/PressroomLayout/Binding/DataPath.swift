// Where a value sits in a record, written as errors show it: "$.items[3].unit_price",
// with keys that are not plain names quoted: `$.customer["tax id"]`.

public struct DataPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public private(set) var components: [Component]

    public static let root = DataPath(components: [])

    public init(components: [Component]) { self.components = components }

    /// The record itself, `$` (as `root`).
    public init() { components = [] }

    public func appending(key: String) -> DataPath { appending(.key(key)) }
    public func appending(index: Int) -> DataPath { appending(.index(index)) }

    public func appending(_ component: Component) -> DataPath {
        var copy = self
        copy.components.append(component)
        return copy
    }

    public var description: String {
        var text = "$"
        Self.write(components[...], to: &text)
        return text
    }

    /// Appends components as a placeholder writes them: `.name`, `[3]`, `["key with space"]`.
    static func write(_ components: ArraySlice<Component>, to text: inout String) {
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key) where isPlainName(key): text += "." + key
            case .key(let key): text += "[" + quoted(key) + "]"
            }
        }
    }

    /// A key that can be written after a dot in a placeholder: a letter or "_", then letters,
    /// digits, "_" or "-" (any non-ASCII character counts as a letter).
    static func isPlainName(_ key: String) -> Bool {
        guard let first = key.utf8.first, ExpressionLexer.startsName(first) else { return false }
        return key.utf8.allSatisfy(ExpressionLexer.continuesName)
    }

    /// `key` as a double-quoted literal, escaping quotes and backslashes.
    static func quoted(_ key: String) -> String {
        var text = "\""
        for character in key {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }
}
