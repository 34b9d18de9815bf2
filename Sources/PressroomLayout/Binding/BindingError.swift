// The errors binding raises, worded in one place: a missing field (with the ways to fix it), a
// value of the wrong type, a value a formatter cannot format; each with the record's data path.

/// A field an expression needs that the record does not have.
struct MissingField {
    /// The reference as written, `customer.address.city`.
    var reference: Reference
    /// How many of its components were found before the missing one (0: the name itself).
    var resolvedComponents: Int
    /// The missing field's path in the record, when the reference reads the record.
    var path: DataPath?
    /// What the missing field was looked for in.
    var parent: DataValue

    func error(at location: SourceLocation) -> LayoutError {
        let written = BindingError.shown(reference.description)
        let missingPart = BindingError.shown(reference.text(upTo: resolvedComponents))
        var message = "`\(written)` is not in the record"
        if missingPart != written { message = "`\(written)` cannot be read: `\(missingPart)` is not in the record" }
        if resolvedComponents > 0 {
            let parentText = BindingError.shown(reference.text(upTo: resolvedComponents - 1))
            switch (parent, reference.components[resolvedComponents - 1]) {
            case (.null, _): message += " (`\(parentText)` is null)"
            case (.array(let elements), .index): message += " (`\(parentText)` has \(elements.count) element\(elements.count == 1 ? "" : "s"))"
            default: break
            }
        }
        message += ": add the field, test it with `if: \(written)`, or give a default: {{ \(written) | default(\"\") }}"
        return LayoutError(.missingField, message, at: location, dataPath: path?.description)
    }
}

enum BindingError {
    /// A value that is not the kind the layout needs there.
    static func wrongType(_ bound: BoundValue, expression: Expression, expected: String, at location: SourceLocation,
                          hint: String) -> LayoutError {
        LayoutError(.wrongType, "`\(shown("\(expression)"))` is \(describe(bound.value)), not \(expected): \(hint)",
                    at: location, dataPath: bound.path?.description)
    }

    /// A value a formatter cannot format ("abc" as money, "15.3.2026" as an ISO date).
    static func format(_ bound: BoundValue, expression: Expression, filter: String, at location: SourceLocation,
                       problem: String) -> LayoutError {
        LayoutError(.format, "`\(shown("\(expression)"))` is \(describe(bound.value)); `\(filter)` \(problem)",
                    at: location, dataPath: bound.path?.description)
    }

    /// An expression or reference as a message shows it: at most `limit` characters, so a
    /// 20 KB expression makes a readable error.
    static func shown(_ text: String, limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// "the text \"abc\"", "a list of 3", "the number 12.5": enough to recognise the value.
    static func describe(_ value: DataValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return "the number \(DecimalText.plain(number))"
        case .string(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "the text " + DataPath.quoted(shown)
        case .array(let elements): return "a list of \(elements.count)"
        case .object(let members):
            let keys = members.keys.sorted()
            let shown = keys.prefix(4).joined(separator: ", ") + (keys.count > 4 ? ", …" : "")
            return keys.isEmpty ? "an empty object" : "an object (\(shown))"
        }
    }
}
