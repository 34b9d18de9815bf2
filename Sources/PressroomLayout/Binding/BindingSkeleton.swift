// OWNED BY THE BINDING WORK. Skeleton of the API the engine compiles against; replaced by the real
// implementation (Expression.swift, Template.swift, BindingContext.swift, DataPath.swift, …).
import Foundation

public struct DataPath: Sendable, Hashable, CustomStringConvertible {
    public static let root = DataPath()
    public init() {}
    public func appending(key: String) -> DataPath { self }
    public func appending(index: Int) -> DataPath { self }
    public var description: String { "$" }
}

public struct BoundValue: Sendable {
    public var value: DataValue
    /// Where in the record the value came from; nil for literals and computed values.
    public var path: DataPath?
    public init(_ value: DataValue, path: DataPath?) { self.value = value; self.path = path }
}

public indirect enum Expression: Sendable {
    case placeholder
    public static func parse(_ source: String, at location: SourceLocation) throws(LayoutError) -> Expression { .placeholder }
}

public struct Template: Sendable {
    public var source: String
    public var location: SourceLocation
    public static func parse(_ source: String, at location: SourceLocation) throws(LayoutError) -> Template {
        Template(source: source, location: location)
    }
    public init(literal: String) { source = literal; location = .builtIn }
    private init(source: String, location: SourceLocation) { self.source = source; self.location = location }
    public var isLiteral: Bool { true }
    public var singleExpression: Expression? { nil }
    public var referencesPage: Bool { false }
}

public struct LabelTable: Sendable {
    public init(_ tables: [String: [String: String]]) {}
}

public struct BindingContext: Sendable {
    public init(record: DataValue, locale: String, currency: String?, labels: LabelTable) { self.locale = locale }
    public var locale: String
    public func with(_ name: String, _ value: BoundValue) -> BindingContext { self }
    public func evaluate(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> BoundValue { BoundValue(.null, path: nil) }
    public func isTrue(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> Bool { false }
    public func render(_ template: Template) throws(LayoutError) -> String { template.source }
    public func list(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> [BoundValue] { [] }
    public func decimal(_ expression: Expression, at location: SourceLocation) throws(LayoutError) -> Decimal { 0 }
}

public struct RecordReader: Sequence {
    public init(path: String) throws(LayoutError) {}
    public func makeIterator() -> AnyIterator<(number: Int, result: Result<DataValue, LayoutError>)> { AnyIterator { nil } }
}
