// One record bound for rendering: its data, locale, default currency and labels, plus the scope
// variables (loop elements, component parameters, page, row, subtotal); what layouts ask of it.
import Foundation

public struct BindingContext: Sendable {
    /// Innermost first; shared by every context made from this one with `with`.
    final class Scope: Sendable {
        let name: String
        let value: BoundValue
        let parent: Scope?
        init(name: String, value: BoundValue, parent: Scope?) {
            self.name = name
            self.value = value
            self.parent = parent
        }
    }

    public private(set) var record: DataValue
    /// BCP 47, e.g. "cs-CZ": formatters and labels follow it.
    public var locale: String {
        didSet { labelTables = labels.tables(for: locale) }
    }
    /// ISO 4217 code `money` uses when not given one.
    public var currency: String?
    let labels: LabelTable
    /// The label tables of the locale's fallback chain, found once per record.
    private(set) var labelTables: [(language: String, labels: [String: String])]
    private(set) var scope: Scope?

    public init(record: DataValue, locale: String, currency: String?, labels: LabelTable) {
        self.record = record
        self.locale = locale
        self.currency = currency
        self.labels = labels
        self.labelTables = labels.tables(for: locale)
    }

    /// A context with `name` bound to `value` in a new innermost scope: a loop element, a
    /// component parameter, "page" ({number, count}), "row" ({number}), "subtotal".
    public func with(_ name: String, _ value: BoundValue) -> BindingContext {
        var copy = self
        copy.scope = Scope(name: name, value: value, parent: scope)
        return copy
    }

    /// The expression's value and, when it comes from the record, its path. A missing field is
    /// `.missingField` naming the path, unless a `default(…)` replaces it.
    public func evaluate(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> BoundValue {
        switch try outcome(of: expression, at: location) {
        case .value(let value): return value
        case .missing(let missing): throw missing.error(at: location)
        }
    }

    /// An `if:` condition. A missing field is false, not an error. True: true, a non-zero number,
    /// non-empty text, a non-empty list or object.
    public func isTrue(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> Bool {
        switch try outcome(of: expression, at: location) {
        case .value(let value): return value.value.isTruthy
        case .missing: return false
        }
    }

    /// The template's text: literal parts as written, each placeholder's value as text (null as
    /// nothing). Errors point at the template's location.
    public func render(_ template: Template) throws(LayoutError) -> String {
        var text = ""
        for part in template.parts {
            switch part {
            case .text(let literal):
                text += literal
            case .placeholder(let expression):
                text += try self.text(of: evaluate(expression, at: template.location), expression: expression,
                                      at: template.location)
            }
        }
        return text
    }

    /// The elements of a list (`each:`, `rows:`) with their paths. Null is an empty list; a
    /// missing field is `.missingField`, anything but a list `.wrongType`.
    public func list(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> BoundList {
        let bound = try evaluate(expression, at: location)
        switch bound.value {
        case .null:
            return .empty
        case .array(let elements):
            return BoundList(elements: elements, path: bound.path)
        default:
            throw BindingError.wrongType(bound, expression: expression, expected: "a list", at: location,
                                         hint: "`each:` and `rows:` go through a list, e.g. items")
        }
    }

    /// A number, or text holding one ("1234.50"), exactly. `.wrongType` otherwise.
    public func decimal(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> Decimal {
        let bound = try evaluate(expression, at: location)
        guard let number = bound.value.decimalValue else {
            throw BindingError.wrongType(bound, expression: expression, expected: "a number", at: location,
                                         hint: "write it as 1234.50 or \"1234.50\"")
        }
        return number
    }

    /// A value as a placeholder prints it: text as is, numbers as written (no grouping; use a
    /// formatter for that), true/false, null as nothing. Lists and objects are `.wrongType`.
    func text(of bound: BoundValue, expression: Expression, at location: SourceLocation) throws(LayoutError) -> String {
        switch bound.value {
        case .string(let text): return text
        case .number(let number): return DecimalText.plain(number)
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .array:
            throw BindingError.wrongType(bound, expression: expression, expected: "text", at: location,
                                         hint: "go through it with `each:` or a table, or count it: {{ \(expression) | count }}")
        case .object(let members):
            let example = members.keys.sorted().first.map { "{{ \(expression).\($0) }}" } ?? "one of its fields"
            throw BindingError.wrongType(bound, expression: expression, expected: "text", at: location,
                                         hint: "print one of its fields, e.g. \(example)")
        }
    }
}

extension DataValue {
    /// `if:` truth: true, a non-zero number, non-empty text, list or object.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .number(let number): !number.isZero
        case .string(let text): !text.isEmpty
        case .array(let elements): !elements.isEmpty
        case .object(let members): !members.isEmpty
        }
    }

    /// A number, or text that is one ("1234.50"), as an exact decimal.
    var decimalValue: Decimal? {
        switch self {
        case .number(let number): number
        case .string(let text): DecimalText.decimal(text)
        default: nil
        }
    }
}
