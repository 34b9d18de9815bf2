// The sink a variant puts between layout and the PDF writer for one document: it opens a writer
// with the variant's settings when the document begins, passes pages, overlays and bookmarks on
// as they come (a document of thousands of pages needs the memory of one page), and finishes
// the file, with the profile checks, when the document ends.
import PressroomGraphics
import PressroomPDF

final class PDFPageSink: PageSink {
    private let settings: PDFSettings
    private let cache: PDFWriterCache
    private let attachments: [DocumentAttachment]
    private var writer: PDFDocumentWriter?
    /// The finished file, after `end()`.
    private(set) var bytes: [UInt8]?

    init(settings: PDFSettings, cache: PDFWriterCache, attachments: [DocumentAttachment]) {
        self.settings = settings
        self.cache = cache
        self.attachments = attachments
    }

    func begin(_ info: DocumentInfo) throws {
        let writer = PDFDocumentWriter(info: info, options: settings.options, cache: cache, tagged: settings.tagged,
                                       colours: settings.colours, profiles: settings.profiles)
        for attachment in attachments {
            writer.attach(attachment.file)
            if let metadata = attachment.metadata { writer.addXMPExtension(metadata) }
        }
        self.writer = writer
    }

    func add(_ page: Page) throws { try openWriter().add(page) }

    func overlay(_ items: [PageItem], onPage index: Int) throws { try openWriter().overlay(items, onPage: index) }

    func bookmark(_ bookmark: Bookmark) throws { try openWriter().addOutlineItem(bookmark) }

    func end() throws { bytes = try openWriter().finish() }

    private func openWriter() throws -> PDFDocumentWriter {
        guard let writer else { throw PDFDocumentError.alreadyFinished }
        return writer
    }
}
