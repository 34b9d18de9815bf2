// A file written piece by piece that appears under its name only when complete: the bytes go to a
// temporary file in the same folder (as AtomicFile's do), `commit()` renames it over the name,
// `abandon()` removes it. It keeps the SHA-256 of what it wrote, for the batch's checksums. A
// print batch streams its PDF and its manifests through these in constant memory, as `render`
// does each record's PDF (named only once it is done, when records are rendered on many cores).
import Crypto
import Foundation
import PressroomPDF
#if canImport(Glibc)
import Glibc
#endif

// Unchecked: a stream is written by one thread, then handed whole to another that commits it.
public final class AtomicFileStream: PDFByteStream, @unchecked Sendable {
    public let path: String
    private let hashing: Bool
    private let temporary: String
    private var descriptor: Int32
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    public private(set) var byteCount = 0
    private static let bufferSize = 1 << 16

    /// `hashing`: keep the SHA-256 that `commit` returns (off: it returns an empty text).
    public init(path: String, hashing: Bool = true) throws(RecordFailure) {
        self.path = path
        self.hashing = hashing
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().path + "/." + String(url.lastPathComponent.prefix(80))
            + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.failure(path, errno) }
    }

    deinit { abandon() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if hashing { hasher.update(bufferPointer: bytes) }
        byteCount += bytes.count
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    private func flush() throws(RecordFailure) {
        var written = 0
        while written < buffer.count {
            let count = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.failure(path, errno)
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and puts the file under its name, or under `name` when given (a
    /// path in the same folder), flushed to the disk first when `durable`. Returns the file's
    /// SHA-256 in hex.
    @discardableResult
    public func commit(as name: String? = nil, durable: Bool = false) throws(RecordFailure) -> String {
        let path = name ?? self.path
        guard descriptor >= 0 else { throw RecordFailure.output(path: path, reason: "the file was abandoned") }
        try flush()
        if durable && fsync(descriptor) != 0 { throw AtomicFile.failure(path, errno) }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 { let code = errno; unlink(temporary); throw AtomicFile.failure(path, code) }
        if rename(temporary, path) != 0 { let code = errno; unlink(temporary); throw AtomicFile.failure(path, code) }
        return hashing ? hasher.finalize().map { String(format: "%02x", $0) }.joined() : ""
    }

    /// Removes the temporary file; an earlier file of the name stays as it was.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
