// A JSON object of a record: its keys in their order and its values, side by side. Far smaller
// than a dictionary (a statement's million rows are a million small objects), and the rows of a
// list share one array of keys: the parser hands each object the key array of the object before
// it when the keys are the same. Small objects are searched in order; a large one keeps an index.
// Two objects are equal when they hold the same members, in any order, as dictionaries are.
public struct DataObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String]
    public private(set) var values: [DataValue]
    /// Key to position, for objects too large to search in order.
    private var index: [String: Int]?

    static let indexedFrom = 8

    /// Members in order; a repeated key keeps its first place and its last value.
    public init(keys: [String], values: [DataValue]) {
        precondition(keys.count == values.count, "a key for each value")
        self.keys = keys
        self.values = values
        if keys.count >= Self.indexedFrom { index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    public init(_ members: [String: DataValue]) {
        let sorted = members.sorted { $0.key < $1.key }
        self.init(keys: sorted.map(\.key), values: sorted.map(\.value))
    }

    public init(dictionaryLiteral elements: (String, DataValue)...) {
        self.init(keys: elements.map(\.0), values: elements.map(\.1))
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> DataValue? {
        get { position(of: key).map { values[$0] } }
        set {
            switch (position(of: key), newValue) {
            case (let position?, let value?): values[position] = value
            case (let position?, nil): self = DataObject(keys: keys.enumerated().filter { $0.offset != position }.map(\.element),
                                                         values: values.enumerated().filter { $0.offset != position }.map(\.element))
            case (nil, let value?): self = DataObject(keys: keys + [key], values: values + [value])
            case (nil, nil): break
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: DataValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    public static func == (left: DataObject, right: DataObject) -> Bool {
        guard left.count == right.count else { return false }
        if left.keys == right.keys { return left.values == right.values }
        return left.allSatisfy { right[$0.key] == $0.value }
    }
}
