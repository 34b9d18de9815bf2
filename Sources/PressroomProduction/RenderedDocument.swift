// One record's finished document: its bytes and what naming and reporting need.

public struct RenderedDocument: Sendable {
    public var bytes: [UInt8]
    public var pageCount: Int
    /// From the layout's `file-name`, without ".pdf"; nil when the layout has none.
    public var fileName: String?
    public var title: String?

    public init(bytes: [UInt8], pageCount: Int, fileName: String?, title: String?) {
        self.bytes = bytes
        self.pageCount = pageCount
        self.fileName = fileName
        self.title = title
    }
}
