// The elements of a bound list (`each:`, a table's `rows:`), each with its JSON path, made when
// read: a table of a million rows goes through them one at a time instead of holding them all.

public struct BoundList: RandomAccessCollection, Sendable {
    let elements: DataList
    /// The list's own path; an element's is this with its index.
    let path: DataPath?

    public static let empty = BoundList(elements: [], path: nil)

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }

    public subscript(position: Int) -> BoundValue {
        BoundValue(elements[position], path: path?.appending(index: position))
    }
}
