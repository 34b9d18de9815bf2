// Why one record of a batch has no document, kept typed to the end: a layout or data error keeps
// its file:line:column and JSON path, a refusal its violations with their layout locations, an
// image its decoder's finding. Codable, so the service can store and return them as they are.
import PressroomImages
import PressroomLayout
import PressroomPDF

public enum RecordFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The record's JSON, its data against the layout, or the layout itself.
    case layout(LayoutError)
    /// The document breaks a profile the variant declares (PDF/A, PDF/UA, PDF/X).
    case refused(ConformanceRefusal)
    /// An image the PDF writer could not embed.
    case image(ImageError)
    /// The PDF writer was driven wrongly (a bookmark to a page that does not exist).
    case writer(PDFDocumentError)
    /// The finished document could not be stored: `path`, and what the system said.
    case output(path: String, reason: String)
    /// The document was made but cannot go by post (no envelope holds it, its address is not in
    /// the window, no postage class takes it); a postal batch leaves it out.
    case unmailable(Unmailable)

    /// Sorts any error a producer or an output throws into its case.
    public init(_ error: any Error) {
        switch error {
        case let error as RecordFailure: self = error
        case let error as LayoutError: self = .layout(error)
        case let error as ConformanceRefusal: self = .refused(error)
        case let error as ImageError: self = .image(error)
        case let error as PDFDocumentError: self = .writer(error)
        case let error as Unmailable: self = .unmailable(error)
        default: self = .output(path: "", reason: "\(error)")
        }
    }

    public var description: String {
        switch self {
        case .layout(let error): "\(error)"
        case .refused(let refusal): "\(refusal)"
        case .image(let error): "\(error)"
        case .writer(let error): "\(error)"
        case .output(let path, let reason): path.isEmpty ? reason : "\(path) cannot be written: \(reason)"
        case .unmailable(let reason): "\(reason)"
        }
    }
}

/// A failure with the record it belongs to (1-based, as `RecordReader` numbers them).
public struct BatchFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var record: Int
    public var failure: RecordFailure

    public init(record: Int, failure: RecordFailure) {
        self.record = record
        self.failure = failure
    }

    public var description: String {
        if case .layout(let error) = failure { return "\(error.inRecord(record))" }
        return "record \(record): \(failure)"
    }
}
