// Where a value sits in a record, written as errors show it: "$.items[3].unit_price",
// with keys that are not plain names quoted: `$.customer["tax id"]`.

public struct DataPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The components before the last, linked: binding appends a component for every key and
    /// index it follows, and a link costs one small allocation where an array of the components
    /// would be copied whole each time.
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

    private let links: Link?
    /// The last component, kept in the value until a component is appended after it: most paths
    /// binding makes end at a field read once (`item.unit_price`), and those now allocate nothing.
    private let pending: Component?

    public static let root = DataPath()

    /// The record itself, `$` (as `root`).
    public init() {
        links = nil
        pending = nil
    }

    private init(links: Link?, pending: Component?) {
        self.links = links
        self.pending = pending
    }

    public init(components: [Component]) {
        links = components.dropLast().reduce(nil as Link?) { Link(parent: $0, component: $1) }
        pending = components.last
    }

    /// How many components the path has.
    private var count: Int { (links?.count ?? 0) + (pending == nil ? 0 : 1) }

    /// From the record down.
    public var components: [Component] {
        var components: [Component] = []
        components.reserveCapacity(count)
        if let pending { components.append(pending) }
        var link = links
        while let current = link {
            components.append(current.component)
            link = current.parent
        }
        return components.reversed()
    }

    public func appending(key: String) -> DataPath { appending(.key(key)) }
    public func appending(index: Int) -> DataPath { appending(.index(index)) }

    public func appending(_ component: Component) -> DataPath {
        guard let pending else { return DataPath(links: links, pending: component) }
        return DataPath(links: Link(parent: links, component: pending), pending: component)
    }

    /// Paths are equal when their components are, however many of them are linked.
    public static func == (lhs: DataPath, rhs: DataPath) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var left = lhs.links, right = rhs.links
        var leftPending = lhs.pending, rightPending = rhs.pending
        while true {
            if leftPending == nil, rightPending == nil, left === right { return true }
            let l: Component?, r: Component?
            if let pending = leftPending { l = pending; leftPending = nil } else { l = left?.component; left = left?.parent }
            if let pending = rightPending { r = pending; rightPending = nil } else { r = right?.component; right = right?.parent }
            guard let l, let r else { return l == nil && r == nil }
            if l != r { return false }
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
