// A new job's records, from the request body to a durable file: streamed to a temporary file
// beside its final name (hashed on the way, for the idempotency key), flushed to the disk and
// renamed; then read once to find where each record lies, so workers read one record without
// reading the rest. A malformed line is that record's failure; the others render.
import Crypto
import Foundation
import PressroomLayout
import PressroomProduction

struct JobIntake {
    let files: JobFiles

    enum Refusal: Error {
        case tooLarge(limit: Int)
        case empty
    }

    /// Writes `body` to the job's records file; returns the body's SHA-256 hex.
    func store<Body: AsyncSequence>(_ body: Body, job: String, limit: Int) async throws -> String where Body.Element == [UInt8] {
        let folder = files.folder(job)
        try FileManager.default.createDirectory(atPath: files.documents(job), withIntermediateDirectories: true)
        let temporary = folder + "/records.jsonl.part"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw RecordFailure.output(path: temporary, reason: "cannot create the file")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        var hash = SHA256()
        var size = 0
        do {
            for try await chunk in body {
                size += chunk.count
                if size > limit { throw Refusal.tooLarge(limit: limit) }
                hash.update(data: chunk)
                try handle.write(contentsOf: chunk)
            }
            guard size > 0 else { throw Refusal.empty }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        guard rename(temporary, files.records(job)) == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw RecordFailure.output(path: files.records(job), reason: String(cString: strerror(errno)))
        }
        AtomicFile.sync(folder: folder)
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Where each record of the job's file lies, or why it cannot be read.
    func entries(_ job: String, limits: DataLimits) throws -> [RecordEntry] {
        let reader = try RecordReader(path: files.records(job), limits: limits)
        var iterator = reader.makeIterator()
        var entries: [RecordEntry] = []
        while let (number, result) = iterator.next() {
            switch result {
            case .success:
                if let span = iterator.lastSpan {
                    entries.append(.readable(number: number, offset: span.offset, length: span.length, line: span.line, column: span.column))
                }
            case .failure(let error):
                entries.append(.unreadable(number: number, line: error.location?.line ?? 0, failure: .layout(error)))
            }
        }
        return entries
    }
}
