// Mistakes in driving PDFDocumentWriter: a page index that does not exist, a call after the
// document was finished, or an ICC profile an output intent cannot use.

public enum PDFDocumentError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    case noSuchPage(index: Int, pageCount: Int)
    case outlinePageMissing(title: String, index: Int, pageCount: Int)
    case alreadyFinished
    /// An ICC profile for an output intent that cannot be read or used.
    case invalidICCProfile(source: String, detail: String)

    public var description: String {
        switch self {
        case .noSuchPage(let index, let count):
            return "There is no page \(index) to overlay: the document has \(count) page\(count == 1 ? "" : "s"), numbered from 0; add the page first."
        case .outlinePageMissing(let title, let index, let count):
            return "The bookmark \"\(title)\" points at page \(index), but the document has \(count) page\(count == 1 ? "" : "s"), numbered from 0."
        case .alreadyFinished:
            return "The document was already finished; start a new PDFDocumentWriter for more pages."
        case .invalidICCProfile(let source, let detail):
            return "The ICC profile \(source) \(detail)."
        }
    }
}
