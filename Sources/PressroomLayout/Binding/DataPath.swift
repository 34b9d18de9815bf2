// Where a value sits in a record, written as errors show it: "$.items[3].unit_price",
// with keys that are not plain names quoted: `$.customer["tax id"]`.

public struct DataPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The last component, linked to the ones before it: binding appends a component for every
    /// key and index it follows, and a link costs one small allocation where an array of the
    /// components would be copied whole each time.
    private final class Link: Sendable {
        let parent: Link?
        let component: Component
        let count: Int
        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
            count = (parent?.count ?? 0) + 1
        }
    }

    private let last: Link?

    public static let root = DataPath()

    /// The record itself, `$` (as `root`).
    public init() { last = nil }

    private init(last: Link?) { self.last = last }

    public init(components: [Component]) {
        last = components.reduce(nil as Link?) { Link(parent: $0, component: $1) }
    }

    /// From the record down.
    public var components: [Component] {
        var components: [Component] = []
        components.reserveCapacity(last?.count ?? 0)
        var link = last
        while let current = link {
            components.append(current.component)
            link = current.parent
        }
        return components.reversed()
    }

    public func appending(key: String) -> DataPath { appending(.key(key)) }
    public func appending(index: Int) -> DataPath { appending(.index(index)) }

    public func appending(_ component: Component) -> DataPath {
        DataPath(last: Link(parent: last, component: component))
    }

    public static func == (lhs: DataPath, rhs: DataPath) -> Bool {
        var left = lhs.last, right = rhs.last
        while true {
            guard let l = left, let r = right else { return left == nil && right == nil }
            if l === r { return true }
            guard l.count == r.count, l.component == r.component else { return false }
            left = l.parent
            right = r.parent
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(components)
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
