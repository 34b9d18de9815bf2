// The blocks of the layout language: what a flow, a fixed box, a table cell's neighbour or a
// component is made of. Bound to a record and measured by the engine; never drawn directly.
import PressroomBarcode
import PressroomGraphics
import PressroomText

public struct Block: Sendable {
    public var kind: BlockKind
    /// The block is laid out only when this is true (truthy: non-empty, non-zero, not null/false).
    public var condition: Expression?
    /// Never split over two pages: moves whole to the next page when it does not fit.
    public var keepTogether: Bool
    /// Stays on the same page as the block after it (a heading with its table).
    public var keepWithNext: Bool
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// A bookmark (outline entry) to where the block starts, with this title.
    public var bookmark: Template?
    public var location: SourceLocation

    public init(_ kind: BlockKind, condition: Expression? = nil, keepTogether: Bool = false, keepWithNext: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, location: SourceLocation) {
        self.kind = kind
        self.condition = condition
        self.keepTogether = keepTogether
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.location = location
    }
}

public indirect enum BlockKind: Sendable {
    case text(TextBlock)
    case image(ImageBlock)
    case rule(RuleBlock)
    case spacer(Double)
    case columns(ColumnsBlock)
    case table(TableBlock)
    /// Blocks laid out one under the other, e.g. to keep them together.
    case group([Block])
    /// The blocks repeated for each element of an array.
    case each(EachBlock)
    case component(ComponentUse)
    /// A barcode drawn as vectors: QR, Data Matrix, Code 128, or a payment QR code (EPC / SPAYD).
    case barcode(BarcodeBlock)
    case pageBreak
}

/// A paragraph: one or more spans, each with its own style.
public struct TextBlock: Sendable {
    public var spans: [SpanTemplate]
    /// Theme text style for the paragraph (and spans without their own); nil = the theme's `body`.
    public var style: String?
    /// Overrides the style's alignment.
    public var alignment: TextAlignment?
    /// What the paragraph is in a tagged PDF; nil = its style's role, or a paragraph.
    public var role: TextRole?

    public init(spans: [SpanTemplate], style: String? = nil, alignment: TextAlignment? = nil, role: TextRole? = nil) {
        self.spans = spans
        self.style = style
        self.alignment = alignment
        self.role = role
    }
}

/// A text block's structure type in a tagged PDF: `p` or `h1`…`h6`.
public enum TextRole: Sendable, Equatable {
    case paragraph
    /// 1…6.
    case heading(Int)
}

public struct SpanTemplate: Sendable {
    public var text: Template
    /// Theme text style; nil = the paragraph's.
    public var style: String?
    /// Makes the span a link to this URI.
    public var link: Template?
    public var location: SourceLocation

    public init(text: Template, style: String? = nil, link: Template? = nil, location: SourceLocation) {
        self.text = text
        self.style = style
        self.link = link
        self.location = location
    }
}

public struct ImageBlock: Sendable {
    public enum Source: Sendable {
        /// The theme's logo.
        case logo
        /// A PNG or JPEG path, relative to the layouts folder; may use placeholders.
        case file(Template)
    }
    public var source: Source
    /// Either, both or neither may be given; missing ones follow the image's aspect ratio (and
    /// the frame width when neither is given).
    public var width: Double?
    public var height: Double?
    public var alignment: HorizontalAlignment
    /// The text a tagged PDF gives the image (a Figure's /Alt); the theme's `logo-alt` for the
    /// logo when nil. An image with neither is decoration: an artifact.
    public var alt: Template?

    public init(source: Source, width: Double? = nil, height: Double? = nil, alignment: HorizontalAlignment = .left,
                alt: Template? = nil) {
        self.source = source
        self.width = width
        self.height = height
        self.alignment = alignment
        self.alt = alt
    }
}

public struct RuleBlock: Sendable {
    public var thickness: Double
    /// Palette colour name.
    public var colour: String

    public init(thickness: Double = 0.5, colour: String = "rule") {
        self.thickness = thickness
        self.colour = colour
    }
}

/// The width of a column (of a `columns` block or a table).
public enum TrackWidth: Sendable, Equatable {
    case fixed(Double)
    /// A share of the space left after fixed, percentage and auto tracks ("2fr").
    case fraction(Double)
    /// Percent of the whole width (0…100).
    case percent(Double)
    /// As wide as the widest content (tables: header and cells of the rows measured).
    case auto
}

public struct ColumnsBlock: Sendable {
    public struct Column: Sendable {
        public var width: TrackWidth
        public var content: [Block]
        public init(width: TrackWidth, content: [Block]) {
            self.width = width
            self.content = content
        }
    }
    public var gap: Double
    public var columns: [Column]

    public init(gap: Double = 0, columns: [Column]) {
        self.gap = gap
        self.columns = columns
    }
}

public struct TableBlock: Sendable {
    public struct Column: Sendable {
        public var header: Template
        /// The cell's text; the row's element is bound to the table's `as` name.
        public var cell: Template
        public var width: TrackWidth
        public var alignment: HorizontalAlignment
        /// Theme text style for this column's cells (e.g. `figures` for tabular numbers).
        public var style: String?
        public var location: SourceLocation

        public init(header: Template, cell: Template, width: TrackWidth, alignment: HorizontalAlignment = .left,
                    style: String? = nil, location: SourceLocation) {
            self.header = header
            self.cell = cell
            self.width = width
            self.alignment = alignment
            self.style = style
            self.location = location
        }
    }

    /// Running subtotal shown at page breaks: "Carried forward" at the foot of a page,
    /// "Brought forward" under the repeated header of the next.
    public struct Carry: Sendable {
        /// The number summed over the rows placed so far (a decimal string or number), e.g. `item.net`.
        public var value: Expression
        /// Where the running sum starts (an opening balance); zero when nil.
        public var initial: Expression?
        /// Index of the column that shows the subtotal.
        public var column: Int
        /// The subtotal's text; the running sum is bound to `subtotal`: "{{ subtotal | amount }}".
        public var amount: Template
        public var carriedLabel: Template
        public var broughtLabel: Template
        public var location: SourceLocation

        public init(value: Expression, initial: Expression? = nil, column: Int, amount: Template, carriedLabel: Template,
                    broughtLabel: Template, location: SourceLocation) {
            self.value = value
            self.initial = initial
            self.column = column
            self.amount = amount
            self.carriedLabel = carriedLabel
            self.broughtLabel = broughtLabel
            self.location = location
        }
    }

    /// The array of rows, e.g. `items`.
    public var rows: Expression
    /// The name each row's element is bound to (and `row.number`, 1-based, beside it).
    public var elementName: String
    public var columns: [Column]
    public var headerStyle: String?
    public var cellStyle: String?
    /// Header repeated at the top of every page the table continues on.
    public var repeatHeader: Bool
    /// Palette colour behind every second row.
    public var stripe: String?
    /// Palette colour of the header's background.
    public var headerFill: String?
    /// Palette colour of the rules under the header and between rows (none if nil).
    public var rule: String?
    public var cellPadding: Double
    public var carry: Carry?
    /// A bookmark to every row whose title differs from the row before's: "{{ tx.date | date(\"LLLL yyyy\") }}"
    /// gives a statement one bookmark per month.
    public var rowBookmarks: Template?

    public init(rows: Expression, elementName: String, columns: [Column], headerStyle: String? = nil,
                cellStyle: String? = nil, repeatHeader: Bool = true, stripe: String? = nil, headerFill: String? = nil,
                rule: String? = nil, cellPadding: Double = 3, carry: Carry? = nil) {
        self.rows = rows
        self.elementName = elementName
        self.columns = columns
        self.headerStyle = headerStyle
        self.cellStyle = cellStyle
        self.repeatHeader = repeatHeader
        self.stripe = stripe
        self.headerFill = headerFill
        self.rule = rule
        self.cellPadding = cellPadding
        self.carry = carry
    }
}

public struct EachBlock: Sendable {
    public var items: Expression
    public var elementName: String
    public var content: [Block]

    public init(items: Expression, elementName: String, content: [Block]) {
        self.items = items
        self.elementName = elementName
        self.content = content
    }
}

/// A component included by name, with its parameters' values. Each value is a template: one
/// that is exactly `{{ expression }}` passes the value itself (an object, an array), anything
/// else passes the rendered text.
public struct ComponentUse: Sendable {
    public var name: String
    public var arguments: [String: Template]
    public var location: SourceLocation

    public init(name: String, arguments: [String: Template], location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.location = location
    }
}

public struct BarcodeBlock: Sendable {
    public enum Content: Sendable {
        /// `type: qr | datamatrix | code128` with `data:`, the rendered template encoded as is.
        case symbol(Symbology, data: Template)
        /// `type: payment-qr`: an EPC or SPAYD QR code built from the payment's fields (see `PaymentCode`).
        case payment(PaymentFields)
    }

    public var content: Content
    /// The frame the symbol is drawn into, quiet zone included.
    public var width: Double
    public var height: Double

    public init(content: Content, width: Double, height: Double) {
        self.content = content
        self.width = width
        self.height = height
    }

    /// Every template the barcode renders.
    public var templates: [Template] {
        switch content {
        case .symbol(_, let data): [data]
        case .payment(let fields): fields.all.map(\.template)
        }
    }
}

/// The fields of a `payment-qr` barcode, each a template; the optional ones may be left out.
public struct PaymentFields: Sendable {
    public var iban: Template
    public var amount: Template
    public var currency: Template
    /// The payee (the seller).
    public var name: Template
    public var reference: Template?
    /// ISO date.
    public var due: Template?
    public var bic: Template?
    public var message: Template?

    public init(iban: Template, amount: Template, currency: Template, name: Template, reference: Template? = nil,
                due: Template? = nil, bic: Template? = nil, message: Template? = nil) {
        self.iban = iban
        self.amount = amount
        self.currency = currency
        self.name = name
        self.reference = reference
        self.due = due
        self.bic = bic
        self.message = message
    }

    /// The fields given, with the payment field each fills.
    public var all: [(field: PaymentField, template: Template)] {
        let optional: [(PaymentField, Template?)] = [(.reference, reference), (.due, due), (.bic, bic), (.message, message)]
        return [(.iban, iban), (.amount, amount), (.currency, currency), (.name, name)]
            + optional.compactMap { field, template in template.map { (field, $0) } }
    }
}
