// The digital variant, for email and archives: PDF/A-3b (XMP identification, an sRGB output
// intent, screen colours: RGB and gray, checked against it), tagged for PDF/UA-1,
// compressed for size (Flate.Levels.compact), and, for invoice layouts that name a profile, the
// Factur-X / ZUGFeRD XML inside, made from the same checked totals the page prints. The record is
// checked before anything is written, so an invoice whose totals do not add up is refused whole.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public struct DigitalVariant: OutputVariant {
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

    public var name: String { "digital" }

    /// Tagged PDF/A-3b and PDF/UA-1 in screen colours, compressed for size (Flate.Levels.compact).
    public func settings(for layout: Layout) -> PDFSettings {
        var options = PDFFileWriter.Options()
        options.flateLevels = .compact
        return PDFSettings(colours: .screen, profiles: [.pdfA3b(outputIntent: outputIntent), .pdfUA1], tagged: true, options: options)
    }

    /// Many records in one file: the same profiles, the writer's default compression (a batch
    /// file is written once and read by machines), and no e-invoice, which belongs to one invoice.
    public func combinedSettings(for layout: Layout) -> PDFSettings {
        PDFSettings(colours: .screen, profiles: [.pdfA3b(outputIntent: outputIntent), .pdfUA1], tagged: true)
    }

    /// The record's e-invoice, when the layout asks for one.
    public func attachments(for record: DataValue, layout: Layout) throws(LayoutError) -> [DocumentAttachment] {
        guard let attachment = try eInvoiceAttachment(for: record, layout: layout) else { return [] }
        return [DocumentAttachment(file: attachment.file, metadata: attachment.metadata)]
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
