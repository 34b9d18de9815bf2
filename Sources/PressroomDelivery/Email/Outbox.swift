// The embedded default for email when no SMTP server is configured: each signed message is
// written as an .eml file into a folder (whole or not at all), named by its number in the batch
// and its Message-ID, for a person or another mailer to pick up.
import Foundation

public struct Outbox: Sendable {
    public let folder: String

    public init(folder: String) throws(DeliveryError) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw DeliveryError.configuration("cannot make the outbox folder \(folder): \(error.localizedDescription)")
        }
        self.folder = folder
    }

    /// Writes the message; returns its path.
    @discardableResult
    public func put(_ bytes: [UInt8], number: Int, messageID: String) throws(DeliveryError) -> String {
        let id = messageID.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "@" }
        let path = "\(folder)/\(String(format: "%05d", number))-\(id).eml"
        let temporary = "\(folder)/.\(String(format: "%05d", number)).\(UUID().uuidString).part"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DeliveryError.connection("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}
