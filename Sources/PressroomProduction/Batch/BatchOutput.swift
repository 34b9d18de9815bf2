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

/// One PDF per record: `folder/name.pdf`, each written whole or not at all (`AtomicFileStream`).
public final class PDFFolderOutput: BatchOutput {
    public let folder: String
    /// Flush every file to the disk before the next (`--durable`); otherwise once at the end.
    public let durable: Bool

    public init(folder: String, durable: Bool = false) throws {
        self.folder = folder
        self.durable = durable
        try Self.makeFolder(folder)
    }

    public func write(_ record: DataValue, number: Int, name: String, producer: DocumentProducer) throws -> Int {
        // Written into its file as it is made: a long statement is never whole in memory.
        let file = try AtomicFileStream(path: folder + "/" + name + ".pdf", hashing: false)
        let document = try producer.document(for: record, into: file)
        try file.commit(durable: durable)
        return document.pageCount
    }

    public func finish(producer: DocumentProducer) throws { AtomicFile.sync(folder: folder) }

    /// Makes the output folder, or says in words why it cannot be.
    public static func makeFolder(_ folder: String) throws(RecordFailure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .output(path: folder, reason: "it is a file; the output must be a folder") }
            guard FileManager.default.isWritableFile(atPath: folder) else {
                throw .output(path: folder, reason: "the folder is not writable; choose another output folder or fix its permissions")
            }
            return
        }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .output(path: folder, reason: "the folder cannot be made (a part of the path is a file, or a parent is not writable)")
        }
    }
}

/// Every record in one PDF at `path`, written when the batch ends, whole or not at all.
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
        try AtomicFile.write(try combined.finish(), to: path, durable: true)
    }
}
