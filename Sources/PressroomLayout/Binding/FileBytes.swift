// A file read forward in 64 KiB chunks with look-ahead, keeping only the bytes not yet consumed:
// what lets RecordReader go through a data file of any size in the memory of one record.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class FileBytes {
    private static let chunkSize = 1 << 16
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the first byte not consumed yet.
    private var start = 0
    private var atEnd = false
    /// Set when reading failed part way (the file then looks as if it ended there).
    private(set) var readFailure: String?
    /// Bytes consumed so far: the file offset of the next unconsumed byte.
    private(set) var offset = 0

    /// Opens `path`; the reason (strerror) when it cannot be opened.
    init(path: String) throws(FileOpenFailure) {
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else { throw FileOpenFailure(reason: String(cString: strerror(errno))) }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// The byte `offset` places past the consumed ones, reading on as needed; nil past the end.
    func peek(_ offset: Int) -> UInt8? {
        if start + offset < buffer.count { return buffer[start + offset] }
        // Reading may move the unconsumed bytes to the front: `start` changes, the offset holds.
        while start + offset >= buffer.count {
            guard readChunk() else { return nil }
        }
        return buffer[start + offset]
    }

    /// Takes the next `count` bytes (all of them already peeked at).
    func consume(_ count: Int) -> [UInt8] {
        offset += count
        guard count >= Self.handedOverFrom else {
            let taken = Array(buffer[start..<(start + count)])
            start += count
            return taken
        }
        // A large record: the buffer itself is handed over, without the bytes before it and with
        // what follows it moved to a new buffer, so the record is never in memory twice.
        buffer.removeSubrange(0..<start)
        let rest = Array(buffer[count...])
        buffer.removeSubrange(count...)
        var taken = rest
        swap(&taken, &buffer)
        start = 0
        return taken
    }

    /// From this many bytes, `consume` hands over its buffer rather than copying out of it.
    private static let handedOverFrom = 1 << 20

    private func readChunk() -> Bool {
        guard !atEnd else { return false }
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)  // drop what was consumed before growing
            start = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: [UInt8](repeating: 0, count: Self.chunkSize))  // a memset, also in debug builds
        var got = 0
        repeat {
            got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + oldCount, Self.chunkSize) }
        } while got < 0 && errno == EINTR
        if got < 0 { readFailure = String(cString: strerror(errno)) }
        buffer.removeSubrange((oldCount + max(got, 0))...)
        if got <= 0 { atEnd = true }
        return got > 0
    }
}

struct FileOpenFailure: Error {
    var reason: String
}

extension FileBytes {
    /// `count` bytes at `offset` of the file at `path`, read directly (a record found earlier).
    static func bytes(path: String, offset: Int, count: Int) throws(FileOpenFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileOpenFailure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let step = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if step < 0 && errno == EINTR { continue }
            guard step > 0 else { throw FileOpenFailure(reason: step == 0 ? "the file is shorter than it was" : String(cString: strerror(errno))) }
            got += step
        }
        return bytes
    }
}
