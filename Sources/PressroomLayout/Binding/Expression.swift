// A placeholder's or condition's expression, parsed once at layout load: literals, references
// into the record and scopes, comparisons, and/or/not, and formatters applied with `|`.
import Foundation

public indirect enum Expression: Sendable {
    /// "text", 'text', 12.50, true, false, null.
    case literal(DataValue)
    /// A name and the fields and elements after it: `customer.address[0]`, `label.invoice`, `$.items`.
    case reference(Reference)
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    /// Numbers (and numeric text against a number) compare as exact decimals, text as text.
    case comparison(Comparison, Expression, Expression)
    /// `value | formatter`.
    case filtered(Expression, Filter)

    /// Parses a bare expression (`if:`, `each:`, `rows:`, `carry.value`). Errors are `.syntax` (with
    /// the column inside the expression, counted from `location`) or `.unknownReference` (a formatter).
    public static func parse(_ source: String, at location: SourceLocation) throws(LayoutError) -> Expression {
        let bytes = Array(source.utf8)
        var parser = ExpressionParser(source: bytes, from: 0)
        do {
            let expression = try parser.parseExpression()
            try parser.expectEnd()
            return expression
        } catch {
            throw error.layoutError(source: source, bytes: bytes, location: location, quoted: source)
        }
    }
}

/// The start of a reference: a name looked up through the scopes, labels and record, or `$`, the record itself.
public enum ReferenceRoot: Sendable, Hashable {
    case name(String)
    case record
}

public struct Reference: Sendable, Hashable, CustomStringConvertible {
    public var root: ReferenceRoot
    public var components: [DataPath.Component]

    public init(root: ReferenceRoot, components: [DataPath.Component]) {
        self.root = root
        self.components = components
    }

    /// As written in a layout: `items[0].description`.
    public var description: String { text(upTo: components.count) }

    /// The root and the first `count` components.
    func prefix(_ count: Int) -> Reference { Reference(root: root, components: Array(components.prefix(count))) }

    /// The root and the first `count` components, for naming the part of a reference that is missing.
    func text(upTo count: Int) -> String {
        var text: String
        switch root {
        case .name(let name): text = name
        case .record: text = "$"
        }
        DataPath.write(components.prefix(count), to: &text)
        return text
    }
}

public enum Comparison: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// The formatters of the layout language (README "Data binding"). Arguments are expressions, so
/// `money(invoice.currency)` works as well as `money("EUR")`.
public enum Filter: Sendable {
    /// Locale currency format; the currency defaults to the layout's `currency:`.
    case money(currency: Expression?)
    /// Two decimals with the locale's grouping, no currency symbol.
    case amount
    /// The locale's number format; with a digit count, exactly that many decimals.
    case number(decimals: Expression?)
    /// The value is already in percent: 21 → "21 %".
    case percent
    /// An ISO date "2026-03-15" in the locale's medium style, or "short", "long", "full", or an ICU pattern.
    case date(style: Expression?)
    case upper
    case lower
    /// Replaces a missing field or null.
    case defaultValue(Expression)
    /// Elements of a list (members of an object).
    case count
    /// Sum of a list's numbers, or of one field of each element.
    case sum(field: [DataPath.Component]?)
    /// Sum of the positive values.
    case credits(field: [DataPath.Component]?)
    /// Sum of the negative values (a negative number).
    case debits(field: [DataPath.Component]?)
    /// The elements of a list as one text, with a separator (default ", "), nulls left out.
    case join(separator: Expression?)

    public static let names = ["money", "amount", "number", "percent", "date", "upper", "lower", "default", "count",
                               "sum", "credits", "debits", "join"]

    public var name: String {
        switch self {
        case .money: "money"
        case .amount: "amount"
        case .number: "number"
        case .percent: "percent"
        case .date: "date"
        case .upper: "upper"
        case .lower: "lower"
        case .defaultValue: "default"
        case .count: "count"
        case .sum: "sum"
        case .credits: "credits"
        case .debits: "debits"
        case .join: "join"
        }
    }
}

extension Expression: CustomStringConvertible {
    /// The expression in canonical layout syntax, for messages.
    public var description: String {
        switch self {
        case .literal(let value): Self.literalText(value)
        case .reference(let reference): reference.description
        case .not(let operand): "not " + operand.logicalOperandText
        case .and(let left, let right): "\(left.logicalOperandText) and \(right.logicalOperandText)"
        case .or(let left, let right): "\(left.logicalOperandText) or \(right.logicalOperandText)"
        case .comparison(let op, let left, let right): "\(left.atomText) \(op.rawValue) \(right.atomText)"
        case .filtered(let value, let filter): "\(value.atomText) | \(filter.text)"
        }
    }

    /// Operands of and, or, not: parenthesised when they are themselves and/or.
    private var logicalOperandText: String {
        switch self {
        case .and, .or: "(\(self))"
        default: description
        }
    }

    /// Operands of a comparison or a formatter: parenthesised unless a value, reference or formatted value.
    private var atomText: String {
        switch self {
        case .literal, .reference, .filtered: description
        default: "(\(self))"
        }
    }

    static func literalText(_ value: DataValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): DecimalText.plain(number)
        case .string(let text): DataPath.quoted(text)
        case .array, .object: "…"
        }
    }
}

extension Filter {
    fileprivate var text: String {
        func call(_ argument: Expression?) -> String { argument.map { "\(name)(\($0))" } ?? name }
        func field(_ components: [DataPath.Component]?) -> String {
            guard let components, case .key(let first)? = components.first else { return name }
            let path = Reference(root: .name(first), components: Array(components.dropFirst())).description
            return "\(name)(\(DataPath.quoted(path)))"
        }
        switch self {
        case .money(let currency): return call(currency)
        case .number(let decimals): return call(decimals)
        case .date(let style): return call(style)
        case .defaultValue(let fallback): return call(fallback)
        case .join(let separator): return call(separator)
        case .sum(let components), .credits(let components), .debits(let components): return field(components)
        case .amount, .percent, .upper, .lower, .count: return name
        }
    }
}
