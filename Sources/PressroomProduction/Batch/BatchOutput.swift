// Where a batch's documents go: one PDF per record in a folder, or all records in one PDF. The
// batch renderer names the records; an output stores them. Other outputs (SVG pages, the
// service's job store) conform to the same protocol.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public protocol BatchOutput: AnyObject {
    /// Whether each record is stored under a name of its own (false: the batch renderer need not
    /// work names out).
    var namesDocuments: Bool { get }
    /// Renders record `number` under `name` (unique in the batch, safe as a file name) with
    /// `producer` and stores it; returns its page count. A record that throws leaves nothing.
    func write(_ record: DataValue, number: Int, name: String, producer: DocumentProducer) throws -> Int
    /// After the last record: completes what the records share (a combined file).
    func finish(producer: DocumentProducer) throws
}

extension BatchOutput {
    public var namesDocuments: Bool { true }
}

/// One PDF per record: `folder/name.pdf`.
public final class PDFFolderOutput: BatchOutput {
    public let folder: String

    public init(folder: String) throws {
        self.folder = folder
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw RecordFailure.output(path: folder, reason: "the folder cannot be made: \(error.localizedDescription)")
        }
    }

    public func write(_ record: DataValue, number: Int, name: String, producer: DocumentProducer) throws -> Int {
        let document = try producer.document(for: record)
        let path = folder + "/" + name + ".pdf"
        do { try Data(document.bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw RecordFailure.output(path: path, reason: error.localizedDescription)
        }
        return document.pageCount
    }

    public func finish(producer: DocumentProducer) throws {}
}

/// Every record in one PDF at `path`, written when the batch ends.
public final class CombinedPDFOutput: BatchOutput {
    public let path: String
    private let info: DocumentInfo
    private var combined: CombinedPDF?
    public var namesDocuments: Bool { false }

    /// `info`: the file's title and creator.
    public init(path: String, info: DocumentInfo) {
        self.path = path
        self.info = info
    }

    public func write(_ record: DataValue, number: Int, name: String, producer: DocumentProducer) throws -> Int {
        let combined = self.combined ?? producer.combinedDocument(info: info)
        self.combined = combined
        return try combined.append(record, with: producer.renderer)
    }

    public func finish(producer: DocumentProducer) throws {
        let combined = self.combined ?? producer.combinedDocument(info: info)
        let bytes = try combined.finish()
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw RecordFailure.output(path: path, reason: error.localizedDescription)
        }
    }
}
