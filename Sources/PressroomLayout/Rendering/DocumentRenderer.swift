// Lays records out with one layout and theme: binds the record, paginates the flow, draws each
// page's fixed boxes once the page count is known, and hands the pages to a `PageSink`. What the
// sink makes of them (a PDF variant, SVG, pages in memory) is not the renderer's business.
// One renderer serves a whole batch, so fonts, images, styles and set text are shared; it holds
// caches that are not shareable, so each worker has its own (the type is not Sendable).
import Foundation
import PressroomGraphics
import PressroomText

/// What laying out one record told about its document.
public struct LaidOutDocument: Sendable {
    public var pageCount: Int
    /// From the layout's `title`, bound to the record.
    public var title: String?
    /// From the layout's `file-name`, without an extension; nil when the layout has none.
    public var fileName: String?
    /// The record's locale (BCP 47).
    public var language: String
}

public final class DocumentRenderer {
    public let layout: Layout
    public let theme: Theme
    public let library: LayoutLibrary
    private let environment: RenderEnvironment

    /// Checks every reference of the layout (components, parameters, styles, colours) first, so
    /// a layout mistake is reported once, before any record.
    /// `allowedPaths`: folders images may also be read from, besides the layouts folder.
    public init(library: LayoutLibrary, layout: Layout, theme: Theme, registry: FontRegistry,
                allowedPaths: [String] = []) throws(LayoutError) {
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
        environment = RenderEnvironment(library: library, theme: theme, registry: registry, allowedPaths: allowedPaths)
    }

    /// Pages also carry `.source` marks naming the block and component behind each area: the
    /// preview's box outlines, and the locations of conformance violations. Off by default.
    public var recordsSources: Bool {
        get { environment.recordsSources }
        set { environment.recordsSources = newValue }
    }

    /// Tagged output (PDF/UA): pages carry `.structure` marks (paragraphs, headings, tables,
    /// figures; repeated boxes as artifacts) for a writer to build a structure tree from.
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

    /// Lays the record out into `sink`: `begin` with the document's info, each page as soon as its
    /// body is full, the fixed boxes as overlays once the page count is known, the layout's
    /// bookmarks, then `end`. Throws `LayoutError` for the record's mistakes and passes whatever
    /// the sink throws on unchanged.
    @discardableResult
    public func render(_ record: DataValue, into sink: some PageSink) throws -> LaidOutDocument {
        try render(try preamble(for: record), into: sink)
    }

    @discardableResult
    public func render(_ preamble: Preamble, into sink: some PageSink) throws -> LaidOutDocument {
        // The layout engine throws LayoutError only; a sink's own error is carried past it.
        var sinkError: (any Error)?
        func forward(_ body: () throws -> Void) throws(LayoutError) {
            do { try body() } catch {
                sinkError = error
                throw LayoutError(.resource, "the output refused the document: \(error)")
            }
        }
        do {
            try forward { try sink.begin(info(preamble)) }
            let count = try layOut(preamble, body: { _, page throws(LayoutError) in
                try forward { try sink.add(page) }
            }, overlay: { index, items throws(LayoutError) in
                try forward { try sink.overlay(items, onPage: index) }
            }, bookmarks: { bookmarks throws(LayoutError) in
                for bookmark in bookmarks { try forward { try sink.bookmark(bookmark) } }
            })
            try forward { try sink.end() }
            return LaidOutDocument(pageCount: count, title: preamble.title, fileName: preamble.fileName, language: preamble.locale)
        } catch {
            if let sinkError { throw sinkError }
            throw error
        }
    }

    /// `bookmarks` receives the layout's bookmarks (`bookmark`, `bookmark-rows`) once the flow is paginated.
    private func layOut(_ preamble: Preamble, body: @escaping (Int, Page) throws(LayoutError) -> Void,
                        overlay: (Int, [PageItem]) throws(LayoutError) -> Void,
                        bookmarks: ([Bookmark]) throws(LayoutError) -> Void) throws(LayoutError) -> Int {
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
        try bookmarks(paginator.bookmarks)
        let tagged = environment.recordsStructure

        // Fixed boxes: those that print the page number are laid out per page, the others once.
        let composer = BoxComposer(flow: flow)
        var reusable: [String: [PageItem]] = [:]
        for index in 0..<count {
            let template = index == 0 ? layout.first : layout.following
            let page = BoundValue(.object(["number": .number(Decimal(index + 1)), "count": .number(Decimal(count))]), path: nil)
            var items: [PageItem] = []
            for (boxIndex, box) in template.boxes.enumerated() {
                let key = "\(index == 0 ? "first" : "following")/\(boxIndex)\(tagged ? "/tagged" : "")\(environment.recordsSources ? "/sources" : "")"
                if let known = reusable[key] ?? environment.constantBoxes[key] {
                    items.append(contentsOf: known)
                    continue
                }
                // Tagged PDF: the first page's boxes are content, read before or after the flow by
                // where they sit (but for a page number); the boxes of following pages repeat: furniture.
                flow.structurePart = index == 0 ? boxParts[boxIndex] : Self.flowPart
                flow.artifact = index > 0 ? .pagination : nil
                defer { flow.artifact = nil }
                let composed = try composer.compose(box, pageSize: layout.page.size, context: preamble.context.with("page", page))
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

    /// The record's pages in memory (tests, previews, SVG).
    public func pages(for record: DataValue) throws(LayoutError) -> [Page] {
        let collector = PageCollector()
        do { try render(record, into: collector) } catch let error as LayoutError { throw error } catch {
            throw LayoutError(.resource, "\(error)")  // a collector throws nothing
        }
        return collector.pages
    }

    /// The document's info: its title and language from the record, the layout as creator.
    public func info(_ preamble: Preamble) -> DocumentInfo {
        DocumentInfo(title: preamble.title, creator: "Pressroom layout \(layout.name)", language: preamble.locale)
    }
}
