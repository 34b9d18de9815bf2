// A JSON list of a record. A short list holds its values; a long one (a statement's million
// transactions) holds only where each element starts in the record's bytes and parses an element
// when it is read, so it costs its bytes and one offset per element instead of a million parsed
// objects. Both read the same: elements by position, equal when their elements are.
public struct DataList: RandomAccessCollection, MutableCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case values([DataValue])
        /// The record's bytes and where each element starts in them (checked when the record was read).
        case source(JSONSource, offsets: [Int])
    }

    private var storage: Storage

    /// Lists of at least this many elements are read lazily when their record keeps its bytes.
    static let lazyFrom = 1_024

    public init(_ values: [DataValue]) { storage = .values(values) }

    public init(arrayLiteral elements: DataValue...) { storage = .values(elements) }

    init(source: JSONSource, offsets: [Int]) { storage = .source(source, offsets: offsets) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let values): values.count
        case .source(_, let offsets): offsets.count
        }
    }

    /// Setting an element of a lazy list parses the list whole first.
    public subscript(position: Int) -> DataValue {
        get {
            switch storage {
            case .values(let values): values[position]
            case .source(let source, let offsets): source.value(at: offsets[position])
            }
        }
        set {
            var values: [DataValue]
            switch storage {
            case .values(let held): values = held
            case .source: values = Array(self)
            }
            storage = .values([])  // `values` is then the only reference: changed in place
            values[position] = newValue
            storage = .values(values)
        }
    }

    /// Whether the elements are parsed only when read.
    public var isLazy: Bool {
        if case .source = storage { return true }
        return false
    }

    /// At most how many UTF-8 bytes a text inside element `position` can have: its bytes in the
    /// record (escapes only shrink when decoded); nil when the elements are held parsed.
    func byteBound(at position: Int) -> Int? {
        guard case .source(let source, let offsets) = storage else { return nil }
        let end = position + 1 < offsets.count ? offsets[position + 1] : source.bytes.count
        return end - offsets[position]
    }

    public static func == (left: DataList, right: DataList) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}

/// A record's JSON bytes, kept for the long lists in it that are read element by element.
final class JSONSource: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The value that starts at `offset`, parsed again (the whole record was checked when read,
    /// so this cannot fail; were it to, the value reads as null rather than stopping the batch).
    func value(at offset: Int) -> DataValue {
        switch bytes.withUnsafeBufferPointer({ JSONParser.parseValue($0, at: offset, source: self) }) {
        case .success(let value): return value
        case .failure:
            assertionFailure("a lazily read JSON value did not parse again at byte \(offset)")
            return .null
        }
    }
}
