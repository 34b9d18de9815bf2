// Where a job's files live under the data folder: its records as they arrived
// (`jobs/<id>/records.jsonl`), one PDF per rendered record (`documents/00001.pdf`), the signed
// email of a record that goes by email (`documents/00001.eml`) and the combined file.
import Foundation

public struct JobFiles: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public func folder(_ job: String) -> String { "\(root)/\(job)" }
    public func records(_ job: String) -> String { "\(root)/\(job)/records.jsonl" }
    public func document(_ job: String, number: Int) -> String { "\(root)/\(job)/documents/\(String(format: "%05d", number)).pdf" }
    public func message(_ job: String, number: Int) -> String { "\(root)/\(job)/documents/\(String(format: "%05d", number)).eml" }
    public func documents(_ job: String) -> String { "\(root)/\(job)/documents" }
    public func combined(_ job: String) -> String { "\(root)/\(job)/combined.pdf" }

    /// Job ids are made here and checked before they name a folder.
    public static func isJobID(_ id: String) -> Bool {
        id.count == 34 && id.hasPrefix("j_") && id.dropFirst(2).allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    public static func newID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var generator = SystemRandomNumberGenerator()
        return "j_" + String((0..<32).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
