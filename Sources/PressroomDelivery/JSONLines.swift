// One JSON value appended as a line to a JSON Lines file, made when missing: the webhook
// dead letters and a postal batch's acknowledgements. (The delivery ledger keeps its own
// descriptor open for its many writes.) A reader skips a torn last line.
import Foundation

enum JSONLines {
    static func append(_ value: some Encodable, to path: String, synchronize: Bool = false) throws(DeliveryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(value) else { throw .message("cannot encode a line of \(path)") }
        line.append(UInt8(ascii: "\n"))
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw .configuration("cannot write \(path)") }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            if synchronize { try handle.synchronize() }
        } catch {
            throw .configuration("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
