// The SVG side of the pipeline: a sink that keeps a document's pages and writes each as an SVG
// document when the document ends (a page is complete only then: "Page 3 of 41" arrives as an
// overlay after the last page). The watch preview and `render --format svg` read from it.
import PressroomGraphics

public final class SVGPageSink: PageSink {
    private let writer: SVGPageWriter
    private let options: (Int) -> SVGOptions
    public private(set) var pages: [Page] = []
    /// One SVG document per page, after `end()`.
    public private(set) var svgs: [String] = []

    /// `options` gives each page's options by its 0-based index (id prefixes for pages inlined
    /// in one HTML page, source marks, colours).
    public init(writer: SVGPageWriter, options: @escaping (Int) -> SVGOptions = { _ in SVGOptions() }) {
        self.writer = writer
        self.options = options
    }

    public func begin(_ info: DocumentInfo) throws {
        pages.removeAll()
        svgs.removeAll()
    }

    public func add(_ page: Page) throws { pages.append(page) }

    public func overlay(_ items: [PageItem], onPage index: Int) throws { pages[index].items.append(contentsOf: items) }

    public func bookmark(_ bookmark: Bookmark) throws {}

    public func end() throws {
        svgs = pages.enumerated().map { index, page in writer.svg(for: page, options: options(index)) }
    }
}
