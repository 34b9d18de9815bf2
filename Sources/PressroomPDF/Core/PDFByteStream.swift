// Where a PDF's bytes go while it is being written, for files too long to hold in memory (a
// print batch of ten thousand letters): the writer hands over finished objects in order.

public protocol PDFByteStream: AnyObject {
    /// Appends `bytes` to the file. A failure (a full disk) is thrown; the writer stops handing
    /// bytes over and `finish()` throws it.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}
