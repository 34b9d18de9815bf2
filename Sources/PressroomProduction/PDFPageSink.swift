// The sink a variant puts between layout and the PDF writer for one document: it opens a writer
// with the variant's settings when the document begins, passes pages (on their press sheets, for
// print), overlays and bookmarks on as they come (a document of thousands of pages needs the
// memory of one page), and finishes the file, with the profile checks, when the document ends.
import PressroomGraphics
import PressroomPDF

final class PDFPageSink: PageSink {
    private let settings: PDFSettings
    private let cache: PDFWriterCache
    private let attachments: [DocumentAttachment]
    private var writer: PDFDocumentWriter?
    private var title: String?
    /// Where the file goes as it is written (nil: kept in memory, `bytes`).
    private let stream: (any PDFByteStream)?
    /// The finished file, after `end()` (empty when it went to `stream`).
    private(set) var bytes: [UInt8]?

    init(settings: PDFSettings, cache: PDFWriterCache, attachments: [DocumentAttachment], stream: (any PDFByteStream)? = nil) {
        self.settings = settings
        self.cache = cache
        self.attachments = attachments
        self.stream = stream
    }

    func begin(_ info: DocumentInfo) throws {
        let writer = settings.writer(info: info, cache: cache, stream: stream)
        title = info.title
        for attachment in attachments {
            writer.attach(attachment.file)
            if let metadata = attachment.metadata { writer.addXMPExtension(metadata) }
        }
        self.writer = writer
    }

    func add(_ page: Page) throws {
        let writer = try openWriter()
        try writer.add(settings.sheet?.sheet(for: page, number: writer.pageCount + 1, title: title) ?? page)
    }

    func overlay(_ items: [PageItem], onPage index: Int) throws {
        try openWriter().overlay(settings.sheet?.moved(items) ?? items, onPage: index)
    }

    func bookmark(_ bookmark: Bookmark) throws {
        var bookmark = bookmark
        if let sheet = settings.sheet { bookmark.top = sheet.moved(top: bookmark.top) }
        try openWriter().addOutlineItem(bookmark)
    }

    func end() throws { bytes = try openWriter().finish() }

    private func openWriter() throws -> PDFDocumentWriter {
        guard let writer else { throw PDFDocumentError.alreadyFinished }
        return writer
    }
}
