// OWNED BY THE BINDING WORK: a record's JSON as a value with exact decimals, and JSON parsing.
// Skeleton: the contract the engine compiles against.
import Foundation

public enum DataValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Exact: "1234.50" and 0.1 keep every digit.
    case number(Decimal)
    case string(String)
    case array([DataValue])
    case object([String: DataValue])
}
