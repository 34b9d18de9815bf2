// Mistakes in driving PDFDocumentWriter: a page index that does not exist, a call after the
// document was finished, an ICC profile an output intent cannot use, page boxes that do not nest.

public enum PDFDocumentError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    case noSuchPage(index: Int, pageCount: Int)
    case outlinePageMissing(title: String, index: Int, pageCount: Int)
    case alreadyFinished
    /// An ICC profile for an output intent that cannot be read or used.
    case invalidICCProfile(source: String, detail: String)
    /// A page whose boxes do not nest (trim inside bleed inside media, §14.11.2).
    case invalidPageBoxes(page: Int, detail: String)
    /// A placed page of a kind this writer cannot copy.
    case unsupportedForm(name: String)
    /// A PDF file that cannot be read (qpdf's words), or a page it does not have.
    case unreadableSource(file: String, detail: String)

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
        case .invalidPageBoxes(let page, let detail):
            return "Page \(page + 1) cannot be written: \(detail)."
        case .unsupportedForm(let name):
            return "\(name) cannot be placed: the PDF writer copies pages of PDF files read with PDFSource only."
        case .unreadableSource(let file, let detail):
            return "\(file) cannot be read as a PDF: \(detail)."
        }
    }
}
