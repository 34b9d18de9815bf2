// Applying formatters (`| money`, `| date("long")`, `| sum("net")`…) to values: locale formats
// through ICU via FormatterCache, exact decimal sums, and null passed through as nothing.
import Foundation
import PressroomGraphics

extension BindingContext {
    func apply(_ filter: Filter, to input: Outcome, of expression: Expression,
               at location: SourceLocation) throws(LayoutError) -> Outcome {
        let bound: BoundValue
        switch input {
        case .value(let value):
            if case .defaultValue(let fallback) = filter, case .null = value.value {
                return try outcome(of: fallback, at: location)
            }
            bound = value
        case .missing(let missing):
            if case .defaultValue(let fallback) = filter { return try outcome(of: fallback, at: location) }
            throw missing.error(at: location)
        }
        func computed(_ value: DataValue) -> Outcome { .value(BoundValue(value, path: nil)) }

        switch filter {
        case .defaultValue:
            return .value(bound)
        case .count:
            switch bound.value {
            case .null: return computed(.number(0))
            case .array(let elements): return computed(.number(Decimal(elements.count)))
            case .object(let members): return computed(.number(Decimal(members.count)))
            default:
                throw BindingError.wrongType(bound, expression: expression, expected: "a list", at: location,
                                             hint: "`count` counts the elements of a list")
            }
        case .sum(let field):
            return computed(.number(try total(bound, field: field, of: expression, filter: "sum", at: location) { _ in true }))
        case .credits(let field):
            return computed(.number(try total(bound, field: field, of: expression, filter: "credits", at: location) { $0 > 0 }))
        case .debits(let field):
            return computed(.number(try total(bound, field: field, of: expression, filter: "debits", at: location) { $0 < 0 }))
        case .join(let separatorArgument):
            var separator = ", "
            if let separatorArgument {
                let argument = try evaluate(separatorArgument, at: location)
                guard case .string(let text) = argument.value else {
                    throw BindingError.wrongType(argument, expression: separatorArgument, expected: "text", at: location,
                                                 hint: "the separator is written in quotes: join(\" · \")")
                }
                separator = text
            }
            guard case .array(let elements) = bound.value else {
                if case .null = bound.value { return computed(.string("")) }
                throw BindingError.wrongType(bound, expression: expression, expected: "a list", at: location,
                                             hint: "`join` joins the elements of a list into one text")
            }
            var parts: [String] = []
            for element in elements {
                switch element {
                case .null: continue
                case .string(let text): parts.append(text)
                case .number(let number): parts.append(DecimalText.plain(number))
                case .bool(let flag): parts.append(flag ? "true" : "false")
                case .array, .object:
                    throw BindingError.wrongType(bound, expression: expression, expected: "a list of texts or numbers",
                                                 at: location, hint: "`join` joins texts and numbers")
                }
            }
            return computed(.string(parts.joined(separator: separator)))
        default:
            break
        }

        // The text formatters: null prints as nothing, whatever the format.
        if case .null = bound.value { return .value(bound) }
        switch filter {
        case .money(let currencyArgument):
            let code = try currency(currencyArgument, for: expression, at: location)
            return computed(.string(try formatNumber(bound, .money(currency: code), of: expression, filter: "money", at: location)))
        case .amount:
            return computed(.string(try formatNumber(bound, .amount, of: expression, filter: "amount", at: location)))
        case .percent:
            return computed(.string(try formatNumber(bound, .percent, of: expression, filter: "percent", at: location)))
        case .number(let decimalsArgument):
            var decimals: Int?
            if let decimalsArgument {
                let argument = try evaluate(decimalsArgument, at: location)
                guard let count = NumberStyle.decimals(argument.value) else {
                    throw BindingError.wrongType(argument, expression: decimalsArgument, expected: "a whole number from 0 to 20",
                                                 at: location, hint: "`number(2)` prints two decimals")
                }
                decimals = count
            }
            return computed(.string(try formatNumber(bound, .number(decimals: decimals), of: expression, filter: "number",
                                                     at: location)))
        case .date(let styleArgument):
            var style = DateStyle.medium
            if let styleArgument {
                let argument = try evaluate(styleArgument, at: location)
                guard case .string(let text) = argument.value, !text.isEmpty else {
                    throw BindingError.wrongType(argument, expression: styleArgument, expected: "a date style", at: location,
                                                 hint: "write \"short\", \"medium\", \"long\", \"full\" or a pattern such as \"dd.MM.yyyy\"")
                }
                style = DateStyle(text)
            }
            return computed(.string(try formatDate(bound, style, of: expression, at: location)))
        case .upper, .lower:
            let upper = if case .upper = filter { true } else { false }
            let text: String
            switch bound.value {
            case .string(let string): text = string
            case .number(let number): text = DecimalText.plain(number)
            default:
                throw BindingError.wrongType(bound, expression: expression, expected: "text", at: location,
                                             hint: "`\(filter.name)` changes the case of text")
            }
            let mapped = try icu(location) { () throws(FormatFailure) in
                try FormatterCache.shared.caseMap(locale: locale).map(text, upper: upper)
            }
            guard let mapped else {
                throw BindingError.format(bound, expression: expression, filter: filter.name, at: location,
                                          problem: "could not change its case")
            }
            return computed(.string(mapped))
        default:
            preconditionFailure("every formatter is handled above")
        }
    }

    // MARK: Numbers

    /// The currency code for `money`: its argument, or the layout's currency.
    private func currency(_ argument: Expression?, for expression: Expression,
                          at location: SourceLocation) throws(LayoutError) -> String {
        guard let argument else {
            guard let currency, !currency.isEmpty else {
                throw LayoutError(.format, "`\(Expression.filtered(expression, .money(currency: nil)))` needs a currency: "
                                  + "give one, money(\"EUR\"), or set the layout's `currency:`",
                                  at: location)
            }
            guard CurrencyCode.isValid(currency) else {
                throw LayoutError(.format, "the layout's currency \(DataPath.quoted(currency)) is not a three-letter ISO 4217 code such as \"EUR\"",
                                  at: location)
            }
            return currency
        }
        let bound = try evaluate(argument, at: location)
        guard case .string(let code) = bound.value, CurrencyCode.isValid(code) else {
            throw BindingError.format(bound, expression: argument, filter: "money", at: location,
                                      problem: "needs a three-letter ISO 4217 currency code such as \"EUR\"")
        }
        return code
    }

    /// The value's exact digits for ICU: a number's, or a numeric text's own.
    private func digits(_ bound: BoundValue, of expression: Expression, filter: String,
                        at location: SourceLocation) throws(LayoutError) -> String {
        switch bound.value {
        case .number(let number):
            return DecimalText.digits(number)
        case .string(let text):
            // The text's own digits are exact already; only check that they are a number.
            guard DecimalText.decimal(text) != nil else {
                throw BindingError.format(bound, expression: expression, filter: filter, at: location,
                                          problem: "formats numbers, written 1234.50 or \"1234.50\"")
            }
            return text
        default:
            throw BindingError.wrongType(bound, expression: expression, expected: "a number", at: location,
                                         hint: "`\(filter)` formats numbers, written 1234.50 or \"1234.50\"")
        }
    }

    private func formatNumber(_ bound: BoundValue, _ style: NumberStyle, of expression: Expression, filter: String,
                              at location: SourceLocation) throws(LayoutError) -> String {
        let digits = try digits(bound, of: expression, filter: filter, at: location)
        let text = try icu(location) { () throws(FormatFailure) in
            try FormatterCache.shared.numberFormatter(style, locale: locale).format(digits: digits)
        }
        guard let text else {
            throw BindingError.format(bound, expression: expression, filter: filter, at: location,
                                      problem: "could not format it (ICU refuses numbers with this many digits)")
        }
        return text
    }

    /// The sum of a list's numbers (or of one field of each element) that pass `include`.
    private func total(_ bound: BoundValue, field: [DataPath.Component]?, of expression: Expression, filter: String,
                       at location: SourceLocation, include: (Decimal) -> Bool) throws(LayoutError) -> Decimal {
        let elements: DataList
        switch bound.value {
        case .null: return 0
        case .array(let list): elements = list
        default:
            throw BindingError.wrongType(bound, expression: expression, expected: "a list", at: location,
                                         hint: "`\(filter)` adds up the elements of a list")
        }
        var sum = Decimal(0)
        for (index, element) in elements.enumerated() {
            var value = BoundValue(element, path: bound.path?.appending(index: index))
            let written = Reference(root: .name("\(expression)[\(index)]"), components: field ?? [])
            if let field {
                switch try walk(field[...], from: value, of: written, at: location) {
                case .value(let found):
                    value = found
                case .missing(let missing):
                    throw LayoutError(.missingField, "`\(written)` is not in the record: `\(filter)` needs "
                                      + "\(Self.fieldText(field)) in every element (null counts as nothing)",
                                      at: location, dataPath: missing.path?.description)
                }
            }
            if case .null = value.value { continue }
            guard let number = value.value.decimalValue else {
                throw BindingError.wrongType(value, expression: .reference(written), expected: "a number", at: location,
                                             hint: "`\(filter)` adds up numbers, written 1234.50 or \"1234.50\"")
            }
            if include(number) { sum += number }
        }
        return sum
    }

    /// `"net"` for the `field` of `sum("net")`.
    private static func fieldText(_ field: [DataPath.Component]?) -> String {
        guard let field, case .key(let first)? = field.first else { return "the value" }
        return "`" + Reference(root: .name(first), components: Array(field.dropFirst())).description + "`"
    }

    // MARK: Dates

    private func formatDate(_ bound: BoundValue, _ style: DateStyle, of expression: Expression,
                            at location: SourceLocation) throws(LayoutError) -> String {
        guard case .string(let text) = bound.value else {
            throw BindingError.wrongType(bound, expression: expression, expected: "a date", at: location,
                                         hint: "`date` formats ISO dates written as text, \"2026-03-15\"")
        }
        guard let date = CalendarDay(iso: text, allowingTime: true) else {
            throw BindingError.format(bound, expression: expression, filter: "date", at: location,
                                      problem: "formats ISO dates such as \"2026-03-15\" (year-month-day)")
        }
        let formatted = try icu(location) { () throws(FormatFailure) in
            try FormatterCache.shared.dateFormat(style, locale: locale).format(daysSinceEpoch: date.daysSinceEpoch)
        }
        guard let formatted else {
            throw BindingError.format(bound, expression: expression, filter: "date", at: location,
                                      problem: "could not format it with \(style)")
        }
        return formatted
    }

    /// Runs an ICU call, reporting a format it cannot open as a `.format` error here.
    private func icu<T>(_ location: SourceLocation, _ body: () throws(FormatFailure) -> T) throws(LayoutError) -> T {
        do {
            return try body()
        } catch {
            throw LayoutError(.format, error.message + "; check the layout's locale (\(locale)) and the format", at: location)
        }
    }
}
