// A YAML node read by the loaders: its file and key for error messages, and typed reads (text,
// templates, expressions, true/false, numbers, lists, one-of choices) that fail with a located error.
import Foundation
import Yams

struct YAMLValue {
    let node: Node
    let file: String
    /// How messages name the value: "`space-before`", "an item of `flow`".
    let name: String

    var location: SourceLocation { node.location(in: file) }

    /// The scalar's text exactly as written (a plain `no` stays "no"), nil for lists and mappings.
    var scalarText: String? { node.scalar?.string }

    /// An empty value (`key:` with nothing after it, `~`, `null`).
    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What the user wrote, in a few words, for "… not X" in messages.
    var shapeDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "`\(text)`"
        }
    }

    func error(_ kind: LayoutError.Kind, _ message: String) -> LayoutError {
        LayoutError(kind, message, at: location)
    }

    /// "`columns` expects a list, not a mapping".
    func wrongShape(_ expected: String) -> LayoutError {
        error(.syntax, "\(name) expects \(expected), not \(shapeDescription)")
    }

    // MARK: Scalars

    /// Any non-empty scalar as text (numbers and true/false included, as written).
    func text() throws(LayoutError) -> String {
        guard let text = scalarText, !isNull else { throw wrongShape("text") }
        return text
    }

    func template() throws(LayoutError) -> Template {
        try Template.parse(try text(), at: location)
    }

    func expression() throws(LayoutError) -> Expression {
        let source = try text()
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw wrongShape("an expression") }
        return try Expression.parse(source, at: location)
    }

    /// `true` or `false` only: YAML 1.1's yes/no/on/off are not booleans in the layout language.
    func bool() throws(LayoutError) -> Bool {
        switch node.scalar.map({ $0.style == .plain ? $0.string.lowercased() : "" }) {
        case "true": return true
        case "false": return false
        default: throw error(.invalidValue, "\(name) expects true or false, not \(shapeDescription)")
        }
    }

    func integer(in range: ClosedRange<Int>) throws(LayoutError) -> Int {
        guard let text = scalarText, let value = Int(text) else { throw wrongShape("a whole number") }
        guard range.contains(value) else {
            throw error(.invalidValue, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A name used in templates (`as: item`, a component parameter, a label key): letters, digits
    /// and `_`; names bound beside the record must also not be one the language reserves.
    func identifier(reserved: Bool = true) throws(LayoutError) -> String {
        let text = try text()
        // ASCII, as placeholders' names are (and the schemas' pattern `^[A-Za-z_][A-Za-z0-9_]*$`).
        let valid = text.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard valid else {
            throw error(.invalidValue, "\(name) must be a name of ASCII letters, digits and `_` (as used in `{{ name.field }}`), not `\(text)`")
        }
        guard !reserved || YAMLValue.reservedNames[text] == nil else {
            throw error(.invalidValue, "`\(text)` is reserved for \(YAMLValue.reservedNames[text]!); choose another name for \(name)")
        }
        return text
    }

    static let reservedNames = ["label": "the labels", "page": "page numbers", "row": "table row numbers"]

    /// One of a fixed set of words, e.g. `align: right`; a near miss is suggested.
    func choice<T>(_ options: KeyValuePairs<String, T>) throws(LayoutError) -> T {
        let words = options.map(\.key)
        if let text = scalarText, let match = options.first(where: { $0.key == text }) { return match.value }
        let written = scalarText ?? ""
        let hint = Suggestion.closest(to: written, in: words).map { "; did you mean `\($0)`?" } ?? ""
        throw error(.invalidValue, "\(name) must be one of \(Suggestion.list(words)), not \(shapeDescription)\(hint)")
    }

    // MARK: Collections

    func list() throws(LayoutError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw wrongShape("a list") }
        return sequence.map { YAMLValue(node: $0, file: file, name: "an item of \(name)") }
    }

    /// The mapping, its keys checked against `allowed` (`what` names it in the message: "a text block").
    func mapping(_ what: String, allowed: [String]) throws(LayoutError) -> YAMLMapping {
        let mapping = try YAMLMapping(self)
        try mapping.checkKeys(allowed: allowed, in: what)
        return mapping
    }
}

extension Node {
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }
}

extension Double {
    /// 0.7, 12, 2.5: no trailing ".0" in messages.
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
