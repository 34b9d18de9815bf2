// Renders records with one layout and theme: binds the record, paginates the flow, draws each
// page's fixed boxes once the page count is known, and hands pages to a PDF writer or to memory.
// One renderer serves a whole batch, so fonts, images, styles and set text are shared.
import Foundation
import PressroomGraphics
import PressroomPDF
import PressroomText

public struct RenderedDocument: Sendable {
    public var bytes: [UInt8]
    public var pageCount: Int
    /// From the layout's `file-name`, without ".pdf"; nil when the layout has none.
    public var fileName: String?
    public var title: String?
}

public final class DocumentRenderer {
    public let layout: Layout
    public let theme: Theme
    public let library: LayoutLibrary
    private let environment: RenderEnvironment
    /// Font embeddings, encoded images and the deflate state shared by the documents of a batch.
    /// A renderer is used by one thread at a time (make one per worker).
    public let pdfCache = PDFWriterCache()

    /// Checks every reference of the layout (components, parameters, styles, colours) first, so
    /// a layout mistake is reported once, before any record.
    public init(library: LayoutLibrary, layout: Layout, theme: Theme, registry: FontRegistry,
                mode: ColourMode = .screen) throws(LayoutError) {
        if let problem = library.problems(in: layout, theme: theme).first { throw problem }
        // The flow is set at the first page's width, so later pages must be at least as wide.
        let firstWidth = layout.page.size.width - layout.first.body.left - layout.first.body.right
        let followingWidth = layout.page.size.width - layout.following.body.left - layout.following.body.right
        if followingWidth < firstWidth - 0.01 {
            throw LayoutError(.invalidValue, "the following pages' body (\(Paginator.mm(followingWidth)) wide) is narrower than the first page's (\(Paginator.mm(firstWidth))); the flow is set at one width, so give them the same left and right insets",
                              at: layout.location)
        }
        self.layout = layout
        self.theme = theme
        self.library = library
        environment = RenderEnvironment(library: library, theme: theme, registry: registry, mode: mode)
    }

    /// How the PDF files are written (compression levels, object streams).
    public var writerOptions = PDFFileWriter.Options()

    /// Previews: pages also carry `.source` marks naming the block and component behind each area
    /// (the PDF writer ignores them). Off for batches.
    public var recordsSources: Bool {
        get { environment.recordsSources }
        set { environment.recordsSources = newValue }
    }

    /// Tagged PDF (PDF/UA): pages carry `.structure` marks (paragraphs, headings, tables, figures;
    /// repeated boxes as artifacts) and `renderPDF`/`render(into:)` write a structure tree.
    /// Off by default: untagged documents pay nothing for it.
    public var tagged: Bool {
        get { environment.recordsStructure }
        set { environment.recordsStructure = newValue }
    }

    /// The image files (full paths) the renderer has read so far: the theme's logo, pictures.
    public var imageFiles: [String] { environment.images.files }

    /// What a record says about its document before layout: locale, title, file name.
    public struct Preamble: Sendable {
        public var locale: String
        public var title: String?
        public var fileName: String?
        var context: BindingContext

        /// A template (a file-name pattern, say) bound to the record.
        public func render(_ template: Template) throws(LayoutError) -> String { try context.render(template) }
    }

    public func preamble(for record: DataValue) throws(LayoutError) -> Preamble {
        let bootstrap = BindingContext(record: record, locale: "en", currency: nil, labels: library.labels)
        let locale = try layout.locale.map { t throws(LayoutError) in try bootstrap.render(t) } ?? "en"
        let currency = try layout.currency.map { t throws(LayoutError) in try bootstrap.render(t) }
        let context = BindingContext(record: record, locale: locale, currency: currency, labels: library.labels)
        return Preamble(locale: locale, title: try layout.title.map { t throws(LayoutError) in try context.render(t) },
                        fileName: try layout.fileName.map { t throws(LayoutError) in try context.render(t) },
                        context: context)
    }

    /// Lays the record out: page bodies go to `body` as soon as they are full, each page's fixed
    /// boxes to `overlay` at the end. Returns the page count.
    public func layOut(_ record: DataValue, body: @escaping (Int, Page) throws(LayoutError) -> Void,
                       overlay: (Int, [PageItem]) throws(LayoutError) -> Void) throws(LayoutError) -> Int {
        try layOut(try preamble(for: record), body: body, overlay: overlay)
    }

    /// `bookmarks` receives the layout's bookmarks (`bookmark`, `bookmark-rows`) once the flow is paginated.
    func layOut(_ preamble: Preamble, body: @escaping (Int, Page) throws(LayoutError) -> Void,
                overlay: (Int, [PageItem]) throws(LayoutError) -> Void,
                bookmarks: ([Paginator.Bookmark]) -> Void = { _ in }) throws(LayoutError) -> Int {
        let language = preamble.locale
        let paginator = Paginator(layout: layout, sink: body)
        let flow = FlowBuilder(environment: environment, language: language, pageBreak: { () throws(LayoutError) in
            try paginator.pageBreak()
        }, output: { fragment throws(LayoutError) in
            try paginator.append(fragment)
        })
        let boxParts = Self.structureParts(layout)
        flow.structurePart = Self.flowPart
        try flow.build(layout.flow, width: paginator.flowWidth, context: preamble.context)
        let count = try paginator.finish()
        bookmarks(paginator.bookmarks)
        let tagged = environment.recordsStructure

        // Fixed boxes: those that print the page number are laid out per page, the others once.
        let composer = BoxComposer(flow: flow)
        var reusable: [String: [PageItem]] = [:]
        for index in 0..<count {
            let template = index == 0 ? layout.first : layout.following
            let page = BoundValue(.object(["number": .number(Decimal(index + 1)), "count": .number(Decimal(count))]), path: nil)
            var items: [PageItem] = []
            for (boxIndex, box) in template.boxes.enumerated() {
                let key = "\(index == 0 ? "first" : "following")/\(boxIndex)\(tagged ? "/tagged" : "")"
                if let known = reusable[key] ?? environment.constantBoxes[key] {
                    items.append(contentsOf: known)
                    continue
                }
                // Tagged PDF: the first page's boxes are content, read before or after the flow by
                // where they sit (but for a page number); the boxes of following pages repeat: furniture.
                flow.structurePart = index == 0 ? boxParts[boxIndex] : Self.flowPart
                flow.artifact = index > 0 ? .pagination : nil
                defer { flow.artifact = nil }
                let composed = try composer.compose(box, context: preamble.context.with("page", page))
                if environment.isConstant(box.content) {
                    environment.constantBoxes[key] = composed
                } else if !environment.referencesPage(box.content) {
                    reusable[key] = composed
                }
                items.append(contentsOf: composed)
            }
            if !items.isEmpty { try overlay(index, items) }
        }
        return count
    }

    /// Reading order parts (see `StructureKey`): the first page's fixed boxes top to bottom, left to
    /// right; those that start above the body before the flow, the others after it.
    private static let flowPart = 10_000

    private static func structureParts(_ layout: Layout) -> [Int] {
        let boxes = layout.first.boxes
        let order = boxes.indices.sorted { a, b in
            (boxes[a].frame.minY, boxes[a].frame.minX, a) < (boxes[b].frame.minY, boxes[b].frame.minX, b)
        }
        var parts = Array(repeating: 0, count: boxes.count)
        for (rank, index) in order.enumerated() {
            parts[index] = boxes[index].frame.minY < layout.first.body.top ? rank : flowPart + 1 + rank
        }
        return parts
    }

    /// The record's pages in memory (tests, previews).
    public func pages(for record: DataValue) throws(LayoutError) -> [Page] {
        try pages(for: try preamble(for: record))
    }

    private func pages(for preamble: Preamble) throws(LayoutError) -> [Page] {
        var pages: [Page] = []
        _ = try layOut(preamble, body: { _, page in pages.append(page) }, overlay: { index, items in
            pages[index].items.append(contentsOf: items)
        })
        return pages
    }

    /// The record as a PDF file of its own. Page bodies are written as soon as they are full,
    /// so a document of thousands of pages needs the memory of one page plus its compressed bytes.
    /// `prepare` sets the writer up before the first page (a variant's conformance, attachments).
    public func renderPDF(_ record: DataValue,
                          prepare: (PDFDocumentWriter, Preamble) throws(LayoutError) -> Void = { _, _ in }) throws(LayoutError) -> RenderedDocument {
        let preamble = try preamble(for: record)
        let writer = PDFDocumentWriter(info: info(preamble), options: writerOptions, cache: pdfCache, tagged: tagged)
        try prepare(writer, preamble)
        let count = try layOut(preamble, body: { _, page throws(LayoutError) in
            _ = try Self.writing { try writer.add(page) }
        }, overlay: { index, items throws(LayoutError) in
            try Self.writing { try writer.overlay(items, onPage: index) }
        }, bookmarks: { bookmarks in
            for bookmark in bookmarks { writer.addOutlineItem(title: bookmark.title, page: bookmark.page, top: bookmark.top) }
        })
        let bytes = try Self.writing { try writer.finish() }
        return RenderedDocument(bytes: bytes, pageCount: count, fileName: preamble.fileName, title: preamble.title)
    }

    /// Appends the record's pages to a PDF shared by many records (`--combine`), with an outline
    /// entry. The record is laid out completely before anything is written, so a record that
    /// fails leaves nothing behind in the shared file.
    public func render(_ record: DataValue, into writer: PDFDocumentWriter, outlineTitle: String? = nil) throws(LayoutError) -> Int {
        let preamble = try preamble(for: record)
        var pages = try pages(for: preamble)
        if tagged { pages = Self.inPart(pages, language: preamble.locale) }
        let outlineTitle = outlineTitle ?? preamble.title ?? preamble.fileName
        let first = writer.pageCount
        writer.startStructureSection()
        try Self.writing {
            for page in pages { _ = try writer.add(page) }
        }
        if let outlineTitle, !pages.isEmpty { writer.addOutlineItem(title: outlineTitle, page: first) }
        return pages.count
    }

    /// Tagged, a record of a combined file is one Part element in its own language: records may
    /// be in different languages, and the file's catalog names none.
    private static func inPart(_ pages: [Page], language: String) -> [Page] {
        let part = StructureElement(key: StructureKey(part: 0, serial: 0), role: .part, language: language)
        return pages.map { page in
            var page = page
            page.items = page.items.map { item in
                if case .structure(.content(let path)) = item { return .structure(.content([part] + path)) }
                return item
            }
            return page
        }
    }

    /// PDF writer errors (an image that cannot be decoded) as layout errors.
    private static func writing<T>(_ body: () throws -> T) throws(LayoutError) -> T {
        do { return try body() } catch let error as LayoutError { throw error } catch {
            throw LayoutError(.resource, "\(error)")
        }
    }

    func info(_ preamble: Preamble) -> DocumentInfo {
        DocumentInfo(title: preamble.title, creator: "Pressroom layout \(layout.name)", language: preamble.locale)
    }
}
