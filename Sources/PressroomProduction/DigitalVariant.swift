// The digital variant, for email and archives: PDF/A-3b (XMP identification, an sRGB output
// intent; the renderer must paint in screen colours, RGB and gray), tagged for PDF/UA-1,
// compressed as small as libdeflate can, and, for invoice layouts that name a profile, the
// Factur-X / ZUGFeRD XML inside, made from the same checked totals the page prints. The record is
// checked before anything is written, so an invoice whose totals do not add up is refused whole.
import PressroomLayout
import PressroomPDF

public struct DigitalVariant: Sendable {
    /// Which e-invoice to embed: the layout's `e-invoice:` (the default), none, or a given level.
    public var eInvoice: EInvoiceChoice
    public let outputIntent: ICCProfile

    public enum EInvoiceChoice: Sendable, Equatable {
        /// Whatever the layout names (its `e-invoice:` key), or none.
        case layout
        case none
        case level(EInvoiceLevel)
    }

    public init(eInvoice: EInvoiceChoice = .layout, outputIntent: ICCProfile) {
        self.eInvoice = eInvoice
        self.outputIntent = outputIntent
    }

    /// The sRGB profile from Debian's icc-profiles-free.
    public static func standard(eInvoice: EInvoiceChoice = .layout) throws -> DigitalVariant {
        DigitalVariant(eInvoice: eInvoice, outputIntent: try ICCProfile.sRGB())
    }

    /// The e-invoice level for documents of `layout`.
    public func level(for layout: Layout) -> EInvoiceLevel? {
        switch eInvoice {
        case .layout: layout.eInvoice
        case .none: nil
        case .level(let level): level
        }
    }

    /// The record as a tagged PDF/A-3b document, with its e-invoice when the layout asks for one.
    /// Turns the renderer's tagging and smallest compression on.
    public func render(_ record: DataValue, with renderer: DocumentRenderer) throws(LayoutError) -> RenderedDocument {
        renderer.tagged = true
        renderer.writerOptions.flateLevels = .smallest
        let attachment = try eInvoiceAttachment(for: record, layout: renderer.layout)
        let conformance = PDFConformance.pdfA3b(outputIntent: outputIntent)
        return try renderer.renderPDF(record) { writer, _ in
            writer.conformance = conformance
            if let attachment {
                writer.attach(attachment.file)
                writer.addXMPExtension(attachment.metadata)
            }
        }
    }

    /// The checked e-invoice XML and its XMP, or nil when the layout embeds none.
    /// Reading the invoice checks its totals, so a record that does not add up stops here.
    func eInvoiceAttachment(for record: DataValue, layout: Layout) throws(LayoutError) -> (file: EmbeddedFile, metadata: XMPExtension)? {
        guard let level = level(for: layout) else { return nil }
        let facts = try InvoiceFacts(record: record)
        // BASIC and EN 16931 need at least one line (BR-16); an invoice without lines (a fee
        // waived, a zero invoice) is embedded as MINIMUM, the profile that has none.
        let profile = facts.lines.isEmpty ? .minimum : FacturXAttachment.profile(level)
        return (try FacturXAttachment.file(facts, profile: profile), FacturXAttachment.metadata(profile))
    }
}
