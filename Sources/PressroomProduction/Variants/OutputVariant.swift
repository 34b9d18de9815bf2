// What makes one variant of a document differ from another: which colours are painted, which
// profiles it claims (and is checked against), whether it is tagged, how hard it is compressed,
// and what rides inside it (an e-invoice). Variants decide; the PDF writer carries it out.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

/// How a document is written.
public struct PDFSettings: Sendable {
    public var colours: ColourChoice
    public var profiles: [PDFProfile]
    /// Tagged PDF: the renderer marks structure, the writer builds the tree.
    public var tagged: Bool
    public var options: PDFFileWriter.Options
    /// Link annotations (not on paper).
    public var links: Bool
    /// The profile RGB images are tagged with where device RGB is not allowed.
    public var rgbImages: ICCProfile?
    /// Each page put on a press sheet (bleed, trim, marks); nil: pages as laid out.
    public var sheet: PrintSheet?
    /// The document's creation date, when the record gives none (PDF/X requires one).
    public var creationDate: DocumentDate?

    public init(colours: ColourChoice = .screen, profiles: [PDFProfile] = [], tagged: Bool = false,
                options: PDFFileWriter.Options = .init(), links: Bool = true, rgbImages: ICCProfile? = nil,
                sheet: PrintSheet? = nil, creationDate: DocumentDate? = nil) {
        self.colours = colours
        self.profiles = profiles
        self.tagged = tagged
        self.options = options
        self.links = links
        self.rgbImages = rgbImages
        self.sheet = sheet
        self.creationDate = creationDate
    }

    /// A writer for a document of these settings.
    func writer(info: DocumentInfo, cache: PDFWriterCache, options: PDFFileWriter.Options? = nil,
                stream: (any PDFByteStream)? = nil) -> PDFDocumentWriter {
        var info = info
        if info.creationDate == nil { info.creationDate = creationDate }
        return PDFDocumentWriter(info: info, options: options ?? self.options, cache: cache, tagged: tagged, colours: colours,
                                 profiles: profiles, links: links, rgbImages: rgbImages, stream: stream)
    }
}

/// A file carried inside the document, with the XMP properties that announce it.
public struct DocumentAttachment: Sendable {
    public var file: EmbeddedFile
    public var metadata: XMPExtension?

    public init(file: EmbeddedFile, metadata: XMPExtension? = nil) {
        self.file = file
        self.metadata = metadata
    }
}

public protocol OutputVariant: Sendable {
    /// "plain", "digital", "print".
    var name: String { get }
    /// How one record's document of `layout` is written.
    func settings(for layout: Layout) -> PDFSettings
    /// How a file of many records is written (`--combine`, proofs).
    func combinedSettings(for layout: Layout) -> PDFSettings
    /// What the record's document carries besides its pages, checked before any page is laid
    /// out (an invoice whose totals do not add up is refused here, whole).
    func attachments(for record: DataValue, layout: Layout) throws(LayoutError) -> [DocumentAttachment]
}

extension OutputVariant {
    public func combinedSettings(for layout: Layout) -> PDFSettings { settings(for: layout) }
    public func attachments(for record: DataValue, layout: Layout) throws(LayoutError) -> [DocumentAttachment] { [] }
}
