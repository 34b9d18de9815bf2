// Typed access to a record's fields for the e-invoice: each read knows its JSON path, so a missing
// or wrong-typed field becomes a LayoutError naming `$.items[3].unit_price` and what was expected.
import Foundation
import PressroomGraphics
import PressroomLayout

struct RecordField {
    let value: DataValue?
    let path: DataPath

    init(_ value: DataValue?, at path: DataPath) {
        self.value = value
        self.path = path
    }

    subscript(key: String) -> RecordField {
        RecordField(value?[key], at: path.appending(key: key))
    }

    var isAbsent: Bool {
        if case .null = value ?? .null { return true }
        return false
    }

    func missing(_ what: String) -> LayoutError {
        LayoutError(.missingField, "the invoice needs \(what) here; add it to the record", dataPath: path.description)
    }

    func wrongType(_ expected: String, _ found: String) -> LayoutError {
        LayoutError(.wrongType, "expected \(expected), found \(found)", dataPath: path.description)
    }

    /// Non-empty text (numbers are accepted as their digits: an invoice number 1042).
    func text(_ what: String) throws(LayoutError) -> String {
        switch value {
        case .string(let text)?:
            let trimmed = text.trimmingWhitespace
            if trimmed.isEmpty { throw missing(what + " (it is empty)") }
            return trimmed
        case .number(let number)?: return number.description
        case nil, .null?: throw missing(what)
        case let other?: throw wrongType("text (\(what))", other.typeName)
        }
    }

    func optionalText(_ what: String) throws(LayoutError) -> String? {
        if isAbsent { return nil }
        if case .string(let text)? = value, text.trimmingWhitespace.isEmpty { return nil }
        return try self.text(what)
    }

    /// An exact decimal from a JSON number or a decimal string ("1234.50", "-34.09"); never via Double.
    func decimal(_ what: String) throws(LayoutError) -> Decimal {
        switch value {
        case .number(let number)?: return number
        case .string(let text)?:
            let trimmed = text.trimmingWhitespace
            guard Self.isDecimalText(trimmed), let number = Decimal(string: trimmed, locale: Self.posix) else {
                throw wrongType("\(what) as a decimal number like \"1234.50\"", "\"\(text)\"")
            }
            return number
        case nil, .null?: throw missing(what)
        case let other?: throw wrongType("\(what) as a number", other.typeName)
        }
    }

    func list(_ what: String) throws(LayoutError) -> [RecordField] {
        switch value {
        case .array(let elements)?:
            return elements.enumerated().map { RecordField($1, at: path.appending(index: $0)) }
        case nil, .null?: throw missing(what)
        case let other?: throw wrongType("a list (\(what))", other.typeName)
        }
    }

    func optionalTextList(_ what: String) throws(LayoutError) -> [String] {
        if isAbsent { return [] }
        var lines: [String] = []
        for line in try list(what) {
            if let text = try line.optionalText(what) { lines.append(text) }
        }
        return lines
    }

    func object(_ what: String) throws(LayoutError) -> RecordField {
        switch value {
        case .object?: return self
        case nil, .null?: throw missing(what)
        case let other?: throw wrongType("an object (\(what))", other.typeName)
        }
    }

    /// "2026-08-17" (ISO 8601 calendar date, as records write dates).
    func day(_ what: String) throws(LayoutError) -> CalendarDay {
        let text = try self.text(what)
        guard let day = CalendarDay(iso: text) else {
            throw wrongType("\(what) as a date like \"2026-08-17\"", "\"\(text)\"")
        }
        return day
    }

    /// Made once: a Locale per amount read cost more than parsing it.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// -?digits(.digits)? — JSON-number syntax without exponent, as records write amounts.
    static func isDecimalText(_ text: String) -> Bool {
        var characters = Substring(text)
        if characters.first == "-" { characters.removeFirst() }
        let parts = characters.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
