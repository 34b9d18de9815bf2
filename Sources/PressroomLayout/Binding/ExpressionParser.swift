// Recursive-descent parser for expressions, lowest precedence first:
// or → and → not → comparison → formatted value (`x | f | g`) → literal, reference or ( … ).
import Foundation

struct ExpressionParser {
    private var lexer: ExpressionLexer
    private var current: Token
    private var lookaheadError: ExpressionSyntaxError?
    /// Parentheses, `not`s and formatter arguments inside each other; bounded so that no
    /// expression can exhaust the stack.
    private var nesting = 0
    private static let maximumNesting = 64

    /// Starts at byte `start` of `source` (inside a template, just after the `{{`).
    init(source: [UInt8], from start: Int) {
        lexer = ExpressionLexer(source: source, from: start)
        current = Token(kind: .end, start: start, end: start)
        advance()
    }

    /// Where the parser stands: the start of the token not yet consumed.
    var offset: Int { current.start }

    mutating func parseExpression() throws(ExpressionSyntaxError) -> Expression {
        try check()
        if current.kind == .end || current.kind == .closePlaceholder {
            throw ExpressionSyntaxError(offset: current.start, reason: "expected an expression, e.g. a field name")
        }
        return try parseOr()
    }

    /// The whole source has been read.
    mutating func expectEnd() throws(ExpressionSyntaxError) {
        try check()
        guard current.kind == .end else { throw unexpected("the end of the expression") }
    }

    /// The `}}` that closes a placeholder; returns the offset just past it.
    mutating func expectClosePlaceholder() throws(ExpressionSyntaxError) -> Int {
        try check()
        if current.kind == .end {
            throw ExpressionSyntaxError(offset: current.start, reason: "the placeholder is not closed with '}}'")
        }
        guard current.kind == .closePlaceholder else { throw unexpected("'}}'") }
        return current.end
    }

    // MARK: Precedence levels

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        try enterNesting()
        defer { nesting -= 1 }
        var left = try parseAnd()
        while try accept(.keyword(.or)) { left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseNot()
        while try accept(.keyword(.and)) { left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
        if try accept(.keyword(.not)) {
            try enterNesting()
            defer { nesting -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func enterNesting() throws(ExpressionSyntaxError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw ExpressionSyntaxError(offset: current.start, reason: "the expression is nested more than \(Self.maximumNesting) deep")
        }
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
        let left = try parseFiltered()
        try check()
        guard case .comparison(let op) = current.kind else { return left }
        advance()
        let right = try parseFiltered()
        try check()
        if case .comparison = current.kind {
            throw ExpressionSyntaxError(offset: current.start, reason: "compare two values at a time; join comparisons with `and`")
        }
        return .comparison(op, left, right)
    }

    private mutating func parseFiltered() throws(ExpressionSyntaxError) -> Expression {
        var value = try parsePrimary()
        while try accept(.pipe) { value = .filtered(value, try parseFilter()) }
        return value
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        try check()
        let token = current
        switch token.kind {
        case .string(let text): advance(); return .literal(.string(text))
        case .number(let number): advance(); return .literal(.number(number))
        case .keyword(.true): advance(); return .literal(.bool(true))
        case .keyword(.false): advance(); return .literal(.bool(false))
        case .keyword(.null): advance(); return .literal(.null)
        case .openParen:
            advance()
            let inner = try parseOr()
            try expect(.closeParen, "')'")
            return inner
        case .name(let name):
            advance()
            return .reference(try parseComponents(after: .name(name)))
        case .dollar:
            advance()
            return .reference(try parseComponents(after: .record))
        default:
            throw unexpected("a value: a field name, \"text\", a number, true, false or null")
        }
    }

    /// `.name`, `[0]` and `["key"]` after a reference's root.
    private mutating func parseComponents(after root: ReferenceRoot) throws(ExpressionSyntaxError) -> Reference {
        var components: [DataPath.Component] = []
        while true {
            if try accept(.dot) {
                try check()
                switch current.kind {
                case .name(let key): components.append(.key(key))
                case .keyword(let keyword): components.append(.key(keyword.rawValue))
                default: throw unexpected("a field name after '.'")
                }
                advance()
            } else if try accept(.openBracket) {
                try check()
                switch current.kind {
                case .string(let key): components.append(.key(key))
                case .number(let number):
                    guard let index = DecimalText.integer(number), index >= 0 else {
                        throw ExpressionSyntaxError(offset: current.start, reason: "a list index is a whole number from 0")
                    }
                    components.append(.index(index))
                default: throw unexpected("an index (0, 1, …) or a \"key\" inside [ ]")
                }
                advance()
                try expect(.closeBracket, "']'")
            } else {
                return Reference(root: root, components: components)
            }
        }
    }

    // MARK: Formatters

    private mutating func parseFilter() throws(ExpressionSyntaxError) -> Filter {
        try check()
        guard case .name(let name) = current.kind else { throw unexpected("a formatter name after '|'") }
        let nameStart = current.start
        advance()
        var arguments: [(expression: Expression, offset: Int)] = []
        if try accept(.openParen) {
            if try !accept(.closeParen) {
                repeat {
                    let start = offset
                    arguments.append((try parseOr(), start))
                } while try accept(.comma)
                try expect(.closeParen, "',' or ')'")
            }
        }
        func arity(_ range: ClosedRange<Int>, _ usage: String) throws(ExpressionSyntaxError) {
            guard range.contains(arguments.count) else {
                throw ExpressionSyntaxError(offset: nameStart, reason: "`\(name)` takes \(usage)")
            }
        }
        func optionalArgument() -> Expression? { arguments.first?.expression }
        switch name {
        case "money":
            try arity(0...1, "at most one argument, the currency: money or money(\"EUR\")")
            if let first = arguments.first, case .literal(let value) = first.expression {
                guard case .string(let code) = value, CurrencyCode.isValid(code) else {
                    throw ExpressionSyntaxError(offset: first.offset, reason: "a currency is a three-letter ISO 4217 code such as \"EUR\"")
                }
            }
            return .money(currency: optionalArgument())
        case "amount": try arity(0...0, "no arguments"); return .amount
        case "percent": try arity(0...0, "no arguments"); return .percent
        case "upper": try arity(0...0, "no arguments"); return .upper
        case "lower": try arity(0...0, "no arguments"); return .lower
        case "count": try arity(0...0, "no arguments"); return .count
        case "number":
            try arity(0...1, "at most one argument, the number of decimals: number or number(2)")
            if let first = arguments.first, case .literal(let value) = first.expression, NumberStyle.decimals(value) == nil {
                throw ExpressionSyntaxError(offset: first.offset, reason: "the number of decimals is a whole number from 0 to \(NumberStyle.maximumDecimals)")
            }
            return .number(decimals: optionalArgument())
        case "date":
            try arity(0...1, "at most one argument: date(\"short\"), date(\"long\") or a pattern such as date(\"dd.MM.yyyy\")")
            if let first = arguments.first, case .literal(let value) = first.expression {
                guard case .string(let style) = value, !style.isEmpty else {
                    throw ExpressionSyntaxError(offset: first.offset, reason: "a date style is \"short\", \"medium\", \"long\", \"full\" or a pattern such as \"dd.MM.yyyy\"")
                }
            }
            return .date(style: optionalArgument())
        case "join":
            try arity(0...1, "at most one argument, the separator: join(\", \")")
            return .join(separator: optionalArgument())
        case "default":
            try arity(1...1, "one argument, the value to use instead: default(\"\")")
            return .defaultValue(arguments[0].expression)
        case "sum", "credits", "debits":
            try arity(0...1, "at most one argument, the field to add up: \(name)(\"amount\")")
            var field: [DataPath.Component]?
            if let first = arguments.first {
                guard case .literal(.string(let text)) = first.expression else {
                    throw ExpressionSyntaxError(offset: first.offset, reason: "the field to add up is written in quotes: \(name)(\"amount\")")
                }
                field = try Self.fieldPath(text, offset: first.offset)
            }
            return name == "sum" ? .sum(field: field) : name == "credits" ? .credits(field: field) : .debits(field: field)
        default:
            var reason = "unknown formatter `\(name)`"
            if let suggestion = Self.nearest(to: name, among: Filter.names) { reason += " (did you mean `\(suggestion)`?)" }
            reason += "; the formatters are " + Filter.names.joined(separator: ", ")
            throw ExpressionSyntaxError(offset: nameStart, reason: reason, kind: .unknownReference)
        }
    }

    /// "net" or "price.net" in `sum("price.net")`: a reference relative to each element.
    private static func fieldPath(_ text: String, offset: Int) throws(ExpressionSyntaxError) -> [DataPath.Component] {
        var parser = ExpressionParser(source: Array(text.utf8), from: 0)
        let parsed: Expression
        do {
            parsed = try parser.parseExpression()
            try parser.expectEnd()
        } catch {
            throw ExpressionSyntaxError(offset: offset, reason: "`\(text)` is not a field name: \(error.reason)")
        }
        guard case .reference(let reference) = parsed, case .name(let first) = reference.root else {
            throw ExpressionSyntaxError(offset: offset, reason: "`\(text)` is not a field name")
        }
        return [.key(first)] + reference.components
    }

    /// The closest name at an edit distance of at most 2, for "did you mean".
    static func nearest(to name: String, among names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var row = [i + 1]
                for (j, y) in b.enumerated() {
                    row.append(min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, row[j] + 1))
                }
                previous = row
            }
            return previous[b.count]
        }
        let target = Array(name.lowercased())
        let scored = names.map { ($0, distance(target, Array($0))) }.filter { $0.1 <= 2 }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }

    // MARK: Tokens

    private mutating func advance() {
        do {
            current = try lexer.next()
        } catch {
            // Reported when the parser looks at the token, so errors keep their order.
            lookaheadError = error
            current = Token(kind: .end, start: error.offset, end: error.offset)
        }
    }

    private func check() throws(ExpressionSyntaxError) {
        if let lookaheadError { throw lookaheadError }
    }

    private mutating func accept(_ kind: Token.Kind) throws(ExpressionSyntaxError) -> Bool {
        try check()
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ExpressionSyntaxError) {
        guard try accept(kind) else { throw unexpected(what) }
    }

    private func unexpected(_ expected: String) -> ExpressionSyntaxError {
        let found: String
        switch current.kind {
        case .end: found = "the end"
        case .closePlaceholder: found = "'}}'"
        default: found = "`" + String(decoding: lexer.source[current.start..<current.end], as: UTF8.self) + "`"
        }
        return ExpressionSyntaxError(offset: current.start, reason: "expected \(expected), found \(found)")
    }
}

extension ExpressionSyntaxError {
    /// The problem as a layout error: a syntax error at its column inside the source, counted from
    /// `location` (the first character of the YAML value); an unknown formatter at `location`
    /// itself, as other unknown references are. The message quotes the expression or template.
    func layoutError(source: String, bytes: [UInt8], location: SourceLocation, quoted: String) -> LayoutError {
        guard kind == .syntax else { return LayoutError(kind, "in `\(quoted)`: \(reason)", at: location) }
        var line = location.line
        var column = location.column
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        let at = SourceLocation(file: location.file, line: line, column: column)
        return LayoutError(kind, "in `\(quoted)`: \(reason)", at: at)
    }
}
