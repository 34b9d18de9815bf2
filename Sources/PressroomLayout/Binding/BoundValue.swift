// A value bound from a record together with where it came from, so errors about it (and about
// the fields inside it) can name the record's JSON path.

public struct BoundValue: Sendable {
    public var value: DataValue
    /// Where in the record the value came from; nil for literals, labels and computed values
    /// (a formatted text, a sum, a count).
    public var path: DataPath?
    public init(_ value: DataValue, path: DataPath?) { self.value = value; self.path = path }
}
