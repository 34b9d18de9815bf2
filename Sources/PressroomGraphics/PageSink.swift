// Where a layout's pages go: the renderer hands each document's info, its pages (as soon as their
// bodies are full), the overlays only known at the end ("Page 3 of 41"), and its bookmarks to a
// sink, and knows nothing of what the sink makes of them (a PDF variant, SVG for a preview, pages
// in memory for a test).

/// A document outline entry: a title and where it opens.
public struct Bookmark: Sendable, Hashable {
    public var title: String
    /// 0-based page index within the document.
    public var page: Int
    /// Points from the page's top edge where the view opens; nil for the top.
    public var top: Double?

    public init(title: String, page: Int, top: Double? = nil) {
        self.title = title
        self.page = page
        self.top = top
    }
}

/// Receives one document at a time: `begin`, pages and overlays in any interleaving the
/// renderer needs, bookmarks, then `end`. Errors a sink throws (an image it cannot encode, a
/// profile the document breaks) end that document; the renderer passes them on unchanged.
public protocol PageSink: AnyObject {
    /// A document starts; `info` says its title, language and creator.
    func begin(_ info: DocumentInfo) throws
    /// The next page (0-based index: the number of pages added before it), its body complete.
    func add(_ page: Page) throws
    /// Items painted over page `index` once the document's page count is known.
    func overlay(_ items: [PageItem], onPage index: Int) throws
    /// An outline entry for a page already added or still to come.
    func bookmark(_ bookmark: Bookmark) throws
    /// The document is complete.
    func end() throws
}

/// A sink that keeps the pages in memory (tests, previews, SVG export).
public final class PageCollector: PageSink {
    public private(set) var info = DocumentInfo()
    public private(set) var pages: [Page] = []
    public private(set) var bookmarks: [Bookmark] = []
    public private(set) var ended = false

    public init() {}

    public func begin(_ info: DocumentInfo) throws { self.info = info }
    public func add(_ page: Page) throws { pages.append(page) }
    public func overlay(_ items: [PageItem], onPage index: Int) throws { pages[index].items.append(contentsOf: items) }
    public func bookmark(_ bookmark: Bookmark) throws { bookmarks.append(bookmark) }
    public func end() throws { ended = true }
}
