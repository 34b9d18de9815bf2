// Many records in one PDF (`render --combine`, proofs): fonts and images shared across records,
// one outline entry per record with the layout's own bookmarks under it, and, tagged, each record
// a Part element in its own language. A record's pages are kept until it has laid out completely,
// so a record whose data or layout fails leaves nothing behind in the shared file. (The writer
// can still fail on a page of its own accord, an image that does not decode; layout decodes every
// image first, so that does not happen with layouts.) Under a profile, each record's pages are
// checked on their own before they join the file, so a record that breaks it is refused alone
// and the file goes on.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public final class CombinedPDF {
    private let writer: PDFDocumentWriter
    private let settings: PDFSettings
    private let cache: PDFWriterCache
    private var tagged: Bool { settings.tagged }

    /// `info`: the file's own title and creator (records keep theirs in the outline).
    /// `stream`: where the file goes as it grows (a print batch); `finish()` then returns nothing.
    public init(info: DocumentInfo, settings: PDFSettings, cache: PDFWriterCache = PDFWriterCache(),
                stream: (any PDFByteStream)? = nil) {
        writer = settings.writer(info: info, cache: cache, stream: stream)
        self.settings = settings
        self.cache = cache
    }

    public var pageCount: Int { writer.pageCount }

    /// Lays the record out with `renderer` and appends its pages under an outline entry titled
    /// `outlineTitle` (default: the record's title, else its file name). Returns its page count.
    @discardableResult
    public func append(_ record: DataValue, with renderer: DocumentRenderer, outlineTitle: String? = nil) throws -> Int {
        try append(try layOut(record, with: renderer), outlineTitle: outlineTitle)
    }

    /// The record laid out completely, its pages held until `append`. The renderer marks what
    /// the file needs while it lays the record out (its settings are put back afterwards).
    public func layOut(_ record: DataValue, with renderer: DocumentRenderer) throws -> LaidOutRecord {
        let preamble = try renderer.preamble(for: record)
        let buffer = PageCollector()
        _ = try renderer.marking(for: settings) { renderer in try renderer.render(preamble, into: buffer) }
        return LaidOutRecord(preamble: preamble, pages: buffer.pages, bookmarks: buffer.bookmarks)
    }

    /// Appends a laid-out record's pages (put on press sheets when the settings say so) under an
    /// outline entry titled `outlineTitle` (default: the record's title, else its file name).
    /// Under a profile the record is checked alone first and refused whole if it breaks it.
    /// Returns its page count.
    @discardableResult
    public func append(_ record: LaidOutRecord, outlineTitle: String? = nil) throws -> Int {
        let preamble = record.preamble
        var pages = record.pages
        if tagged { pages = Self.inPart(pages, language: preamble.locale) }
        let first = writer.pageCount
        if let sheet = settings.sheet {
            pages = pages.enumerated().map { index, page in sheet.sheet(for: page, number: first + index + 1, title: preamble.title) }
        }
        try check(pages, language: preamble.locale)
        writer.startStructureSection()
        for page in pages { try writer.add(page) }
        if let title = outlineTitle ?? preamble.title ?? preamble.fileName, !pages.isEmpty {
            let children = record.bookmarks.map { bookmark in
                Bookmark(title: bookmark.title, page: first + bookmark.page, top: settings.sheet?.moved(top: bookmark.top) ?? bookmark.top)
            }
            writer.addOutlineItem(title: title, page: first, children: children)
        }
        return pages.count
    }

    /// Paints the record's pages once, unwritten, under the file's profiles, and refuses the
    /// record for what they prohibit on its pages (numbered within the record).
    private func check(_ pages: [Page], language: String) throws {
        guard !settings.profiles.isEmpty else { return }
        var options = PDFFileWriter.Options()
        options.compressStreams = false
        let probe = settings.writer(info: DocumentInfo(title: "record", language: language), cache: cache, options: options)
        for page in pages { try probe.add(page) }
        let prohibited = settings.profiles.reduce(into: Set<ViolationKind>()) { $0.formUnion($1.prohibited) }
        let found = probe.violations.filter { prohibited.contains($0.kind) }
        if !found.isEmpty { throw ConformanceRefusal(profiles: settings.profiles.map(\.name), violations: found) }
    }

    /// The finished file; throws `ConformanceRefusal` when it breaks a declared profile.
    public func finish() throws -> [UInt8] { try writer.finish() }

    /// Tagged, a record of a combined file is one Part element in its own language: records may
    /// be in different languages, and the file's catalog names none.
    private static func inPart(_ pages: [Page], language: String) -> [Page] {
        let part = StructureElement(key: StructureKey(part: 0, serial: 0), role: .part, language: language)
        return pages.map { page in
            var page = page
            page.items = page.items.map { item in
                if case .structure(.content(let path)) = item { return .structure(.content([part] + path)) }
                return item
            }
            return page
        }
    }
}

/// A record laid out for a combined file: its bound preamble, its pages and its bookmarks, which
/// a caller may add to (a postal batch puts inserter marks on them) before they join the file.
public struct LaidOutRecord {
    public var preamble: DocumentRenderer.Preamble
    public var pages: [Page]
    public var bookmarks: [Bookmark]
}
