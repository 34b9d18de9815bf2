// PDF's object model (ISO 32000-1 §7.3): names, strings, numbers, arrays, dictionaries and
// references, as typed values that serialise themselves. PDFObject is not `indirect`: arrays and
// dictionaries already hold their elements on the heap, and a boxed case cost one allocation for
// every number and name written.

public struct PDFName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }
    public var description: String { "/" + value }
}

public struct PDFReference: Hashable, Sendable, Comparable {
    public let number: Int
    public static func < (lhs: PDFReference, rhs: PDFReference) -> Bool { lhs.number < rhs.number }
}

/// A dictionary that keeps its keys in insertion order, so output bytes are the same every run.
public struct PDFDictionary: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(PDFName, PDFObject)] = []

    public init() {}
    public init(dictionaryLiteral elements: (PDFName, PDFObject)...) { entries = elements }

    public subscript(key: PDFName) -> PDFObject? {
        get { entries.first { $0.0 == key }?.1 }
        set {
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                if let newValue { entries[index].1 = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}

public enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    case name(PDFName)
    /// A byte string, written as a literal string with escapes.
    case string([UInt8])
    /// A byte string written in hexadecimal.
    case hexString([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFReference)

    /// A text string (§7.9.2.2): PDFDocEncoding-compatible ASCII as is, anything else as UTF-16BE
    /// with a byte-order mark.
    public static func text(_ string: String) -> PDFObject {
        if string.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return .string(Array(string.utf8))
        }
        return .hexString(UTF16BE.text(string.utf16))
    }

    public static func rect(_ values: [Double]) -> PDFObject { .array(values.map { .real($0) }) }
}

extension PDFObject: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension PDFName {
    public var object: PDFObject { .name(self) }
}

extension PDFReference {
    public var object: PDFObject { .reference(self) }
}
