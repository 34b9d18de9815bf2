// Evaluating expressions against a context: names through scopes, labels and the record; paths
// through objects and lists; comparisons and and/or/not. A missing field is an outcome, not yet
// an error, so `default(…)` and `if:` can deal with it.
import Foundation

/// The value of an expression, or the field it needed that the record does not have.
enum Outcome {
    case value(BoundValue)
    case missing(MissingField)
}

extension BindingContext {
    func outcome(of expression: Expression, at location: SourceLocation) throws(LayoutError) -> Outcome {
        switch expression {
        case .literal(let value):
            return .value(BoundValue(value, path: nil))
        case .reference(let reference):
            return try resolve(reference, at: location)
        case .not(let operand):
            return .bool(!(try truth(of: operand, at: location)))
        case .and(let left, let right):
            guard try truth(of: left, at: location) else { return .bool(false) }
            return .bool(try truth(of: right, at: location))
        case .or(let left, let right):
            if try truth(of: left, at: location) { return .bool(true) }
            return .bool(try truth(of: right, at: location))
        case .comparison(let op, let left, let right):
            let leftValue = try outcome(of: left, at: location).valueOrNull
            let rightValue = try outcome(of: right, at: location).valueOrNull
            return .bool(try compare(op, leftValue, left, rightValue, right, at: location))
        case .filtered(let value, let filter):
            return try apply(filter, to: outcome(of: value, at: location), of: value, at: location)
        }
    }

    /// Truth for and/or/not: a missing field is false.
    private func truth(of expression: Expression, at location: SourceLocation) throws(LayoutError) -> Bool {
        if case .value(let bound) = try outcome(of: expression, at: location) { return bound.value.isTruthy }
        return false
    }

    // MARK: References

    func resolve(_ reference: Reference, at location: SourceLocation) throws(LayoutError) -> Outcome {
        var components = reference.components[...]
        let start: BoundValue
        switch reference.root {
        case .record:
            start = BoundValue(record, path: .root)
        case .name(let name):
            if let variable = lookUp(name) {
                start = variable
            } else if name == "label" {
                guard case .key(let key)? = components.first else {
                    throw LayoutError(.unknownReference, "`label` needs the label's key after it, e.g. label.invoice",
                                      at: location)
                }
                components = components.dropFirst()
                start = BoundValue(.string(try label(key, at: location)), path: nil)
            } else if case .object(let members) = record, let member = members[name] {
                start = BoundValue(member, path: DataPath.root.appending(key: name))
            } else {
                return .missing(MissingField(reference: reference, resolvedComponents: 0,
                                             path: DataPath.root.appending(key: name), parent: record))
            }
        }
        return try walk(components, from: start, of: reference, at: location)
    }

    private func lookUp(_ name: String) -> BoundValue? {
        var scope = self.scope
        while let current = scope {
            if current.name == name { return current.value }
            scope = current.parent
        }
        return nil
    }

    private func label(_ key: String, at location: SourceLocation) throws(LayoutError) -> String {
        for table in labelTables {
            if let text = table.labels[key] { return text }
        }
        let searched = labelTables.map(\.language)
        let files = (searched.isEmpty ? ["en"] : searched).map { "labels/\($0).yaml" }.joined(separator: " or ")
        let looked = searched.isEmpty ? "there are no labels for \(locale) nor English"
                                      : "it is in none of the \(searched.joined(separator: ", ")) labels"
        throw LayoutError(.unknownReference, "the label `\(key)` is not defined for \(locale) (\(looked)): add `\(key): …` to \(files)",
                          at: location)
    }

    /// Follows `.key` and `[index]` components from `start`; `reference` is what the layout wrote.
    func walk(_ components: ArraySlice<DataPath.Component>, from start: BoundValue, of reference: Reference,
                      at location: SourceLocation) throws(LayoutError) -> Outcome {
        var current = start
        for (offset, component) in zip(components.indices, components) {
            let resolved = offset + 1
            switch (component, current.value) {
            case (.key(let key), .object(let members)):
                let path = current.path?.appending(key: key)
                guard let member = members[key] else {
                    return .missing(MissingField(reference: reference, resolvedComponents: resolved, path: path,
                                                 parent: current.value))
                }
                current = BoundValue(member, path: path)
            case (.index(let index), .array(let elements)):
                let path = current.path?.appending(index: index)
                guard index < elements.count else {
                    return .missing(MissingField(reference: reference, resolvedComponents: resolved, path: path,
                                                 parent: current.value))
                }
                current = BoundValue(elements[index], path: path)
            case (_, .null):
                return .missing(MissingField(reference: reference, resolvedComponents: resolved,
                                             path: current.path?.appending(component), parent: .null))
            case (.key(let key), _):
                let hint = if case .array = current.value { ", pick an element first: \(reference.text(upTo: resolved - 1))[0].\(key)" } else { "" }
                throw BindingError.wrongType(current, expression: .reference(reference.prefix(resolved - 1)),
                                             expected: "an object with the field `\(key)`", at: location,
                                             hint: "`\(reference)` reads a field of it\(hint)")
            case (.index, _):
                throw BindingError.wrongType(current, expression: .reference(reference.prefix(resolved - 1)), expected: "a list",
                                             at: location, hint: "`\(reference)` reads an element of it")
            }
        }
        return .value(current)
    }

    // MARK: Comparisons

    /// Numbers compare as exact decimals (text holding a number too, when the other side is a
    /// number), text as text (Unicode order, so ISO dates compare by date). Null equals only null
    /// and is neither less nor greater than anything.
    private func compare(_ op: Comparison, _ left: BoundValue, _ leftExpression: Expression,
                         _ right: BoundValue, _ rightExpression: Expression,
                         at location: SourceLocation) throws(LayoutError) -> Bool {
        enum Order { case less, equal, greater, unordered }
        let order: Order
        switch (left.value, right.value) {
        case (.string(let a), .string(let b)):
            order = a == b ? .equal : a < b ? .less : .greater
        case (.number, _), (_, .number):
            if let a = left.value.decimalValue, let b = right.value.decimalValue {
                order = a == b ? .equal : a < b ? .less : .greater
            } else {
                order = .unordered
            }
        default:
            order = left.value == right.value ? .equal : .unordered
        }
        switch op {
        case .equal: return order == .equal
        case .notEqual: return order != .equal
        default: break
        }
        if order == .unordered {
            if case .null = left.value { return false }
            if case .null = right.value { return false }
            let (odd, oddExpression) = left.value.decimalValue == nil && !left.value.isText ? (left, leftExpression)
                                                                                        : (right, rightExpression)
            throw BindingError.wrongType(odd, expression: oddExpression, expected: "a number or text", at: location,
                                         hint: "`\(op.rawValue)` orders numbers and texts; "
                                             + "\(left.value.typeName) and \(right.value.typeName) cannot be ordered")
        }
        switch op {
        case .less: return order == .less
        case .lessOrEqual: return order != .greater
        case .greater: return order == .greater
        default: return order != .less  // .greaterOrEqual
        }
    }
}

extension Outcome {
    static func bool(_ flag: Bool) -> Outcome { .value(BoundValue(.bool(flag), path: nil)) }

    /// Comparisons treat a missing field as null.
    var valueOrNull: BoundValue {
        switch self {
        case .value(let bound): bound
        case .missing(let missing): BoundValue(.null, path: missing.path)
        }
    }
}

extension DataValue {
    var isText: Bool {
        if case .string = self { return true }
        return false
    }
}
