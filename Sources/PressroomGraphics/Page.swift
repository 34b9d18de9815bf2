// A page as a display list: everything layout decided, positioned, for a writer (PDF, SVG) to
// serialise without laying anything out again; with its boxes (media, bleed, trim, art), groups
// that transform and clip what they hold, and finished pages placed as reusable forms.
import PressroomText

/// Image bytes as the user supplied them (PNG or JPEG); writers decode and de-duplicate them.
public final class ImageSource: Sendable {
    public let bytes: [UInt8]
    /// The file name or label used in error messages.
    public let name: String
    public init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }
}

public enum PageItem: Sendable {
    /// A glyph run with its origin at the start of the baseline.
    case text(GlyphRun, origin: Point, colour: Swatch)
    case path(Path, fill: Swatch?, stroke: Stroke?)
    case image(ImageSource, frame: Rect)
    /// A clickable area that opens a URI.
    case link(Rect, uri: String)
    /// Where the layout wrote what is drawn in this area (a preview's box outlines); only
    /// renderers asked to record sources emit it, and the PDF writer ignores it.
    case source(Rect, SourceMark)
    /// Tagged PDF: opens or closes a marked-content sequence; only renderers asked to record
    /// structure emit it, and the SVG writer ignores it.
    case structure(StructureMark)
    /// Items drawn through a transformation and inside a clip, as one unit.
    case group(PageGroup)
    /// A finished page placed as a whole (imposition puts pages on sheets this way): written once
    /// per document, however often it is placed.
    case form(PageForm, transform: Transform)
}

/// Items seen through `transform` (group space to page space) and clipped to `clip`, a path in
/// group space (nil: no clip).
public struct PageGroup: Sendable {
    public var transform: Transform
    public var clip: Path?
    public var items: [PageItem]

    public init(transform: Transform = .identity, clip: Path? = nil, items: [PageItem]) {
        self.transform = transform
        self.clip = clip
        self.items = items
    }
}

/// A reusable finished page. Its identity is the object: place the same `PageForm` many times
/// and a writer stores its content once (PDF: one Form XObject).
public final class PageForm: Sendable {
    public enum Content: Sendable {
        /// A page laid out here.
        case displayList(Page)
        /// A page of another file, copied as it is.
        case external(any ExternalPage)
    }

    public let content: Content

    public init(_ page: Page) { content = .displayList(page) }
    public init(external page: any ExternalPage) { content = .external(page) }

    /// The page's size: a placement maps (0, 0)–(width, height) of it.
    public var size: Size {
        switch content {
        case .displayList(let page): page.size
        case .external(let page): page.size
        }
    }
}

/// The layout block (and the component it belongs to) that produced an area of a page.
public struct SourceMark: Sendable, Hashable, Codable {
    /// What the block is: "text", "table", "box `address`", …
    public var kind: String
    /// The innermost component the block belongs to; nil for the layout's own blocks.
    public var component: String?
    /// The layout, component or theme file (as errors name it), line and column.
    public var file: String
    public var line: Int
    public var column: Int
    /// The record field the block prints, when it prints exactly one.
    public var dataPath: String?

    public init(kind: String, component: String?, file: String, line: Int, column: Int, dataPath: String? = nil) {
        self.kind = kind
        self.component = component
        self.file = file
        self.line = line
        self.column = column
        self.dataPath = dataPath
    }
}

extension PageItem {
    /// The same item moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case .text(let run, let origin, let colour):
            return .text(run, origin: Point(x: origin.x + dx, y: origin.y + dy), colour: colour)
        case .path(let path, let fill, let stroke):
            return .path(path.offsetBy(dx: dx, dy: dy), fill: fill, stroke: stroke)
        case .image(let source, let frame):
            return .image(source, frame: Rect(x: frame.minX + dx, y: frame.minY + dy, width: frame.width, height: frame.height))
        case .link(let rect, let uri):
            return .link(Rect(x: rect.minX + dx, y: rect.minY + dy, width: rect.width, height: rect.height), uri: uri)
        case .source(let rect, let mark):
            return .source(Rect(x: rect.minX + dx, y: rect.minY + dy, width: rect.width, height: rect.height), mark)
        case .structure:
            return self
        case .group(var group):
            group.transform = group.transform.then(.translation(x: dx, y: dy))
            return .group(group)
        case .form(let form, let transform):
            return .form(form, transform: transform.then(.translation(x: dx, y: dy)))
        }
    }
}

/// ISO 32000-1 §14.11.2: the regions of a page. The media box is the page's `size`; the others
/// are rectangles inside it, in page coordinates (y down), nil when the page has none.
public struct PageBoxes: Sendable, Hashable {
    /// Where the page is cut when printed with bleed: content running off the trim ends here.
    public var bleed: Rect?
    /// The finished page after trimming.
    public var trim: Rect?
    /// The meaningful content, as the page's creator intends it.
    public var art: Rect?

    public init(bleed: Rect? = nil, trim: Rect? = nil, art: Rect? = nil) {
        self.bleed = bleed
        self.trim = trim
        self.art = art
    }
}

public struct Page: Sendable {
    /// The media box: the whole sheet the page is drawn on, from (0, 0).
    public var size: Size
    public var items: [PageItem]
    public var boxes: PageBoxes

    public init(size: Size, items: [PageItem] = [], boxes: PageBoxes = PageBoxes()) {
        self.size = size
        self.items = items
        self.boxes = boxes
    }

    public mutating func add(_ item: PageItem) { items.append(item) }

    /// Adds every line of a typeset paragraph whose top-left corner is at `origin`, each run
    /// painted with the colour its span asks for.
    public mutating func add(_ paragraph: TypesetParagraph, at origin: Point, colour: (Int) -> Swatch = { _ in .black }) {
        for line in paragraph.lines {
            for placed in line.runs {
                let x = placed.x, run = placed.run
                items.append(.text(run, origin: Point(x: origin.x + x, y: origin.y + line.baseline),
                                   colour: colour(run.spanIndex)))
            }
        }
    }
}
