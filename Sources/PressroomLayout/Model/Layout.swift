// A layout: the page setup, the page templates (first and following pages with their fixed boxes:
// letterhead, address window, header, footer) and the flow of blocks that fills the body frames.
import PressroomGraphics

/// The Factur-X / ZUGFeRD profile of the XML an invoice layout embeds in the digital variant.
public enum EInvoiceLevel: String, Sendable, CaseIterable {
    case minimum
    case basic
    case en16931 = "en16931"
}

public struct Layout: Sendable {
    public var name: String
    public var location: SourceLocation
    /// The theme used unless the caller names another.
    public var theme: String
    /// BCP 47 locale for formatters, hyphenation and shaping, usually bound to the record:
    /// "{{ language }}-{{ seller.country }}". Rendered once per record.
    public var locale: Template?
    /// ISO 4217 code the `money` formatter uses when not given one, e.g. "{{ currency }}".
    public var currency: Template?
    /// The PDF's title (Info and XMP).
    public var title: Template?
    /// The output file name without ".pdf" when rendering one PDF per record, e.g. "{{ number }}".
    public var fileName: Template?
    /// The e-invoice the digital variant embeds (Factur-X / ZUGFeRD); nil for none.
    public var eInvoice: EInvoiceLevel?
    public var page: PageSetup
    public var first: PageTemplate
    public var following: PageTemplate
    public var flow: [Block]

    public init(name: String, location: SourceLocation, theme: String, locale: Template? = nil, currency: Template? = nil,
                title: Template? = nil, fileName: Template? = nil, page: PageSetup, first: PageTemplate,
                following: PageTemplate, flow: [Block]) {
        self.name = name
        self.location = location
        self.theme = theme
        self.locale = locale
        self.currency = currency
        self.title = title
        self.fileName = fileName
        self.eInvoice = nil
        self.page = page
        self.first = first
        self.following = following
        self.flow = flow
    }
}

public struct PageSetup: Sendable {
    public var size: Size
    /// A runaway layout (a loop that never ends, a table with a million rows by mistake) stops
    /// with an error at this many pages.
    public var maxPages: Int

    public init(size: Size = .a4, maxPages: Int = 1000) {
        self.size = size
        self.maxPages = maxPages
    }
}

/// Distances from the page edges, in points.
public struct EdgeInsets: Sendable, Equatable {
    public var top: Double, right: Double, bottom: Double, left: Double
    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
}

/// What one kind of page (first or following) looks like: where the flow goes, and the boxes
/// fixed on the page around it.
public struct PageTemplate: Sendable {
    /// The flow's frame, as distances from the page edges.
    public var body: EdgeInsets
    public var boxes: [FixedBox]

    public init(body: EdgeInsets, boxes: [FixedBox] = []) {
        self.body = body
        self.boxes = boxes
    }
}

/// A box at a fixed place on every page of its template: the address window, the letterhead, a
/// footer. Its blocks may use `page.number` and `page.count`.
public struct FixedBox: Sendable {
    public var name: String?
    /// Page coordinates, top-left origin, points.
    public var frame: Rect
    public var content: [Block]
    public var overflow: OverflowPolicy
    public var verticalAlignment: VerticalAlignment
    /// A palette colour filling the frame under the box's content.
    public var background: String?
    /// How far the background and full-width rules run past each page edge the frame touches,
    /// into the bleed a press trims off (`bleed: true` is 3 mm); nil: they stop at the page.
    public var bleed: Double?
    public var location: SourceLocation

    public init(name: String? = nil, frame: Rect, content: [Block], overflow: OverflowPolicy = .error,
                verticalAlignment: VerticalAlignment = .top, background: String? = nil, bleed: Double? = nil,
                location: SourceLocation) {
        self.name = name
        self.frame = frame
        self.content = content
        self.overflow = overflow
        self.verticalAlignment = verticalAlignment
        self.background = background
        self.bleed = bleed
        self.location = location
    }
}

/// What happens when a fixed box's content is taller or wider than the box.
public enum OverflowPolicy: Sendable, Equatable {
    /// Stop with an error that names the box and the data that did not fit.
    case error
    /// Scale the text down, no further than `minimumScale` (0.7 = 70 %), then error.
    case shrink(minimumScale: Double)
    /// Drop the lines that do not fit and end the last kept line with "…".
    case ellipsis
}

public enum VerticalAlignment: String, Sendable, Equatable {
    case top, middle, bottom
}

public enum HorizontalAlignment: String, Sendable, Equatable {
    case left, center, right
}
