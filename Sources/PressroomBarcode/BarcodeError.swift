// What can go wrong turning data into a barcode symbol.

public enum BarcodeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Nothing to encode.
    case emptyData(symbology: String)
    /// libzint refused the data; the message is its `errtxt` ("Error 561: Input too long …").
    case encoding(symbology: String, message: String)

    public var description: String {
        switch self {
        case .emptyData(let symbology):
            "a \(symbology) needs data to encode, but the data is empty"
        case .encoding(let symbology, let message):
            "the data cannot be encoded as a \(symbology): \(message)"
        }
    }
}
