// A minimal top-to-bottom flow for the specimen: paragraphs and blocks stacked down the page,
// starting a new page when the next one does not fit. (Real pagination lives in PressroomLayout.)
import PressroomGraphics
import PressroomText

struct FlowComposer {
    let pageSize: Size
    let margin: Double
    let typesetter: Typesetter
    private(set) var pages: [Page] = []
    private(set) var missing: [MissingCharacter] = []
    private var page: Page
    private(set) var y: Double

    init(pageSize: Size, margin: Double, typesetter: Typesetter) {
        self.pageSize = pageSize
        self.margin = margin
        self.typesetter = typesetter
        page = Page(size: pageSize)
        y = margin
    }

    var contentWidth: Double { pageSize.width - 2 * margin }

    /// Makes room for a block of `height`, moving to a new page if it does not fit.
    mutating func reserve(_ height: Double) {
        if y + height > pageSize.height - margin && y > margin { newPage() }
    }

    mutating func newPage() {
        pages.append(page)
        page = Page(size: pageSize)
        y = margin
    }

    mutating func space(_ height: Double) { y += height }

    /// Sets a paragraph across the column (or at `indent`, `width`) and advances past it.
    @discardableResult
    mutating func paragraph(_ spans: [TextSpan], style: ParagraphStyle = ParagraphStyle(), indent: Double = 0,
                            width: Double? = nil, link uri: String? = nil,
                            colour: @escaping (Int) -> Swatch = { _ in .black }) throws -> TypesetParagraph {
        let set = try typesetter.typeset(spans, width: width ?? contentWidth - indent, style: style)
        missing += set.missingCharacters
        reserve(set.height)
        page.add(set, at: Point(x: margin + indent, y: y), colour: colour)
        if let uri {
            let widest = set.lines.map(\.width).max() ?? 0
            page.add(.link(Rect(x: margin + indent, y: y, width: widest, height: set.height), uri: uri))
        }
        y += set.height
        return set
    }

    /// Adds items drawn relative to the current position; `height` is how far the flow moves on.
    mutating func block(height: Double, _ draw: (inout Page, Point) -> Void) {
        reserve(height)
        draw(&page, Point(x: margin, y: y))
        y += height
    }

    mutating func finish() -> [Page] {
        pages.append(page)
        page = Page(size: pageSize)
        return pages
    }
}
