// A text with placeholders, "{{ label.invoice }} {{ number }}", parsed once at layout load into
// literal parts and expressions, so rendering a record never parses again.

public struct Template: Sendable {
    enum Part: Sendable {
        case text(String)
        case placeholder(Expression)
    }

    let parts: [Part]
    /// The text as written in the layout (assigning it does not parse it again).
    public var source: String
    public var location: SourceLocation
    /// Exactly one placeholder with no formatter and no text around it, `{{ customer }}`: component
    /// arguments pass the value itself (an object, a list) instead of its text.
    public let singleExpression: Expression?
    /// Uses `page.number` or `page.count`, so it can only be rendered once pages are counted.
    public var referencesPage: Bool { reads("page") }
    /// The names the placeholders' references start from (`item` of `item.net`).
    private let names: [String]

    /// Parses `source`. Errors: `.syntax` with the column of the problem counted from `location`
    /// (the value's first character), `.unknownReference` for a formatter that does not exist.
    public static func parse(_ source: String, at location: SourceLocation) throws(LayoutError) -> Template {
        let bytes = Array(source.utf8)
        var parts: [Part] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            if textStart < index { parts.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self))) }
            var parser = ExpressionParser(source: bytes, from: index + 2)
            do {
                let expression = try parser.parseExpression()
                index = try parser.expectClosePlaceholder()
                parts.append(.placeholder(expression))
            } catch {
                throw error.layoutError(source: source, bytes: bytes, location: location, quoted: source)
            }
            textStart = index
        }
        if textStart < bytes.count { parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return Template(parts: parts, source: source, location: location)
    }

    /// A text printed as it is, without looking for placeholders.
    public init(literal: String) {
        self.init(parts: literal.isEmpty ? [] : [.text(literal)], source: literal, location: .builtIn)
    }

    private init(parts: [Part], source: String, location: SourceLocation) {
        self.parts = parts
        self.source = source
        self.location = location
        if parts.count == 1, case .placeholder(let expression) = parts[0] {
            if case .filtered = expression { singleExpression = nil } else { singleExpression = expression }
        } else {
            singleExpression = nil
        }
        var names: [String] = []
        for case .placeholder(let expression) in parts {
            for reference in expression.references {
                if case .name(let name) = reference.root, !names.contains(name) { names.append(name) }
            }
        }
        self.names = names
    }

    /// Whether a placeholder reads `name` (a variable or a field of the record).
    public func reads(_ name: String) -> Bool { names.contains(name) }

    /// No placeholders: the text is the same for every record.
    public var isLiteral: Bool {
        !parts.contains { part in
            if case .placeholder = part { return true }
            return false
        }
    }

    /// The placeholders' expressions in order, for checking references when a layout is loaded.
    public var placeholders: [Expression] {
        parts.compactMap { part in
            if case .placeholder(let expression) = part { return expression }
            return nil
        }
    }
}

extension Expression {
    /// Every reference the expression reads, formatter arguments included.
    public var references: [Reference] {
        switch self {
        case .literal: return []
        case .reference(let reference): return [reference]
        case .not(let operand): return operand.references
        case .and(let left, let right), .or(let left, let right), .comparison(_, let left, let right):
            return left.references + right.references
        case .filtered(let value, let filter):
            switch filter {
            case .money(let argument?), .number(let argument?), .date(let argument?), .defaultValue(let argument):
                return value.references + argument.references
            default:
                return value.references
            }
        }
    }
}
