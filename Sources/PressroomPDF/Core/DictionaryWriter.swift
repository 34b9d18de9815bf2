// Writes one dictionary object's entries straight into the file's bytes, in the syntax the object
// serialiser gives a PDFDictionary (§7.3.7), without building the PDFObject tree first: for
// objects written by the thousand, such as a tagged table's structure elements.

public struct DictionaryWriter {
    var bytes: ByteBuffer
    /// Inside an array entry: whether an element was written (the next one needs a space).
    private var arrayHasElements: Bool?

    init(bytes: ByteBuffer) { self.bytes = bytes }

    public mutating func name(_ key: PDFName, _ value: PDFName) { object(key, value.object) }
    public mutating func reference(_ key: PDFName, _ value: PDFReference) { object(key, value.object) }
    public mutating func integer(_ key: PDFName, _ value: Int) { object(key, .integer(value)) }

    /// Any value, spaced from its key as the serialiser spaces it.
    public mutating func object(_ key: PDFName, _ value: PDFObject) {
        bytes.append(key: key, value: value)
    }

    /// An array entry whose elements `body` appends with `element`.
    public mutating func array(_ key: PDFName, _ body: (inout DictionaryWriter) -> Void) {
        bytes.append(name: key)
        bytes.append(UInt8(ascii: "["))
        arrayHasElements = false
        body(&self)
        arrayHasElements = nil
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func element(_ value: PDFObject) {
        precondition(arrayHasElements != nil, "an array element outside array(_:_:)")
        if arrayHasElements == true { bytes.append(UInt8(ascii: " ")) }
        arrayHasElements = true
        bytes.append(object: value)
    }
}
