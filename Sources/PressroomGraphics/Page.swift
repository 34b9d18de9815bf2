// A page as a display list: everything layout decided, positioned, for a writer (PDF, SVG) to
// serialise without laying anything out again.
import PressroomText

/// Image bytes as the user supplied them (PNG or JPEG); writers decode and de-duplicate them.
public final class ImageSource: @unchecked Sendable {
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
    case text(GlyphRun, origin: Point, colour: Colour)
    case path(Path, fill: Colour?, stroke: Stroke?)
    case image(ImageSource, frame: Rect)
    /// A clickable area that opens a URI.
    case link(Rect, uri: String)
    /// Where the layout wrote what is drawn in this area (a preview's box outlines); only
    /// renderers asked to record sources emit it, and the PDF writer ignores it.
    case source(Rect, SourceMark)
    /// Tagged PDF: opens or closes a marked-content sequence; only renderers asked to record
    /// structure emit it, and the SVG writer ignores it.
    case structure(StructureMark)
}

/// The layout block (and the component it belongs to) that produced an area of a page.
public struct SourceMark: Sendable, Hashable {
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
        }
    }
}

public struct Page: Sendable {
    public var size: Size
    public var items: [PageItem]

    public init(size: Size, items: [PageItem] = []) {
        self.size = size
        self.items = items
    }

    public mutating func add(_ item: PageItem) { items.append(item) }

    /// Adds every line of a typeset paragraph whose top-left corner is at `origin`, each run
    /// painted with the colour its span asks for.
    public mutating func add(_ paragraph: TypesetParagraph, at origin: Point, colour: (Int) -> Colour = { _ in .black }) {
        for line in paragraph.lines {
            for (x, run) in line.runs {
                items.append(.text(run, origin: Point(x: origin.x + x, y: origin.y + line.baseline),
                                   colour: colour(run.spanIndex)))
            }
        }
    }
}

/// Document-level facts: the Info dictionary and XMP metadata.
public struct DocumentInfo: Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String
    /// Only what the caller supplies: output never depends on the wall clock.
    public var creationDate: DocumentDate?
    /// BCP 47 tag of the document's main language.
    public var language: String?

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                creator: String? = nil, producer: String = "Pressroom", creationDate: DocumentDate? = nil,
                language: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
        self.language = language
    }
}

/// A calendar instant with its UTC offset, as PDF and XMP write it.
public struct DocumentDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Offset from UTC in minutes.
    public var utcOffsetMinutes: Int
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetMinutes: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }
}
