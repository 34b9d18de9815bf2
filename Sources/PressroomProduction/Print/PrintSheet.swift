// A page as the press gets it: the media grown by a slug on every side, the trim box where the
// page is cut and the bleed box 3 mm beyond it, the page's content moved inside, and the printer's
// marks in the slug (crop and registration marks, a colour bar, a slug line naming the job, the
// batch and the sheet). Content is moved, never re-laid out; its structure marks stay with it.
import PressroomGraphics
import PressroomText

public struct PrintSheet: Sendable {
    /// How far content may run past the trim and still be printed (ISO 15930 bleed), 3 mm.
    public var bleed: Double
    /// The margin around the trim that holds the marks; the media is the trim plus this on each side.
    public var slug: Double
    /// The job and batch named in the slug line (the job defaults to the document's title).
    public var job: String?
    public var batch: String?
    private let typesetter: Typesetter?

    /// `typesetter`: sets the slug line (nil: no slug line).
    public init(bleed: Double = Length.mm(3).points, slug: Double = Length.mm(15).points, job: String? = nil,
                batch: String? = nil, typesetter: Typesetter?) {
        self.bleed = bleed
        self.slug = slug
        self.job = job
        self.batch = batch
        self.typesetter = typesetter
    }

    /// `page` on its sheet; `number` is its 1-based sheet number in the document.
    public func sheet(for page: Page, number: Int, title: String?) -> Page {
        let trim = Rect(x: slug, y: slug, width: page.size.width, height: page.size.height)
        let bleedBox = Rect(x: trim.minX - bleed, y: trim.minY - bleed, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed)
        let media = Size(width: page.size.width + 2 * slug, height: page.size.height + 2 * slug)
        var items = PrinterMarks(trim: trim, bleed: bleed, media: media).items(slugLine: slugLine(number: number, title: title))
        items.append(contentsOf: moved(page.items))
        return Page(size: media, items: items, boxes: PageBoxes(bleed: bleedBox, trim: trim, art: page.boxes.art.map(moved)))
    }

    /// Items of a page (an overlay) moved as `sheet(for:)` moves its content.
    public func moved(_ items: [PageItem]) -> [PageItem] { items.map { $0.offsetBy(dx: slug, dy: slug) } }

    /// A rectangle of a page as it lands on its sheet.
    public func moved(_ rect: Rect) -> Rect { Rect(x: rect.minX + slug, y: rect.minY + slug, width: rect.width, height: rect.height) }

    /// A bookmark's distance from the page's top, on the sheet.
    public func moved(top: Double?) -> Double? { (top ?? 0) + slug }

    private func slugLine(number: Int, title: String?) -> TypesetParagraph? {
        guard let typesetter else { return nil }
        var parts: [String] = []
        if let job = job ?? title { parts.append("Job \(job)") }
        if let batch { parts.append("batch \(batch)") }
        parts.append("sheet \(number)")
        return try? typesetter.typeset([TextSpan(parts.joined(separator: " · "), style: TextStyle(size: 6))], width: 10_000)
    }
}
