// Typed access to a record's fields for the e-invoice: each read knows its JSON path, so a missing
// or wrong-typed field becomes a LayoutError naming `$.items[3].unit_price` and what was expected.
import Foundation
import PressroomGraphics
import PressroomLayout

struct RecordField {
    let value: DataValue?
    /// The path up to the field's parent, and the field's own key or index: joined only when
    /// asked for (an error, or a field under this one), since most fields are read and never named.
    private let parentPath: DataPath
    private let component: DataPath.Component?

    init(_ value: DataValue?, at path: DataPath) {
        self.value = value
        parentPath = path
        component = nil
    }

    private init(_ value: DataValue?, under parentPath: DataPath, _ component: DataPath.Component) {
        self.value = value
        self.parentPath = parentPath
        self.component = component
    }

    var path: DataPath { component.map { parentPath.appending($0) } ?? parentPath }

    subscript(key: String) -> RecordField {
        RecordField(value?[key], under: path, .key(key))
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
            // The syntax is checked again only for what the fast reading leaves to Foundation.
            guard let number = Decimal(decimalText: trimmed)
                    ?? (Self.isDecimalText(trimmed) ? Decimal(string: trimmed, locale: Self.posix) : nil) else {
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
            let path = self.path
            return elements.enumerated().map { RecordField($1, under: path, .index($0)) }
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
        var digitsBefore = 0, digitsAfter = 0, sawPoint = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0: continue
            case UInt8(ascii: ".") where !sawPoint: sawPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default: return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}
