// The postal hand-off: the folder of postal batches (`post/` by default) that print shops pull
// from. Each batch folder carries `handoff.json` (which shop it is for, when it was handed over,
// its files and pieces) and `acknowledgements.jsonl`, one line per stage the shop confirms:
// received, printed, handed to the post, in that order and never back. A shop sees, downloads
// and acknowledges only its own batches: another shop's batch answers as if it did not exist.
// Files are checked against the batch's SHA256SUMS before they are handed out.
import Foundation

public struct PostalHandoff: Sendable {
    public enum Stage: String, Sendable, Codable, CaseIterable, Comparable {
        /// Written, waiting for the shop.
        case ready
        case received, printed
        /// Handed to the post.
        case posted

        public static func < (a: Stage, b: Stage) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

        /// In words, for events and listings.
        public var words: String {
            switch self {
            case .ready: "ready for the print shop"
            case .received: "received by the print shop"
            case .printed: "printed"
            case .posted: "handed to the post"
            }
        }
    }

    /// What `handoff.json` says of a batch.
    public struct Batch: Sendable, Codable, Equatable {
        public var job: String
        public var shop: String
        /// RFC 3339 UTC.
        public var handedOver: String
        public var pieces: Int
        /// File name to SHA-256 (hex), as in SHA256SUMS.
        public var files: [String: String]
    }

    public struct Acknowledgement: Sendable, Codable, Equatable {
        public var stage: Stage
        public var at: String
        public var note: String?
    }

    /// A batch with where it stands.
    public struct Status: Sendable, Equatable {
        public var batch: Batch
        public var acknowledgements: [Acknowledgement]
        public var stage: Stage { acknowledgements.map(\.stage).max() ?? .ready }
    }

    public static let recordName = "handoff.json", acknowledgementsName = "acknowledgements.jsonl", checksumsName = "SHA256SUMS"

    /// The folder holding the batch folders.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Hands the batch in `folder/job` (written, with its SHA256SUMS) to `shop`.
    @discardableResult
    public func handOver(job: String, to shop: String, pieces: Int, at date: Date = Date()) throws(DeliveryError) -> Batch {
        try Self.checkShopName(shop)
        let files = try checksums(of: job)
        let batch = Batch(job: job, shop: shop, handedOver: DeliveryEvent.timestamp(date), pieces: pieces, files: files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(batch).write(to: URL(fileURLWithPath: path(job, Self.recordName)), options: .atomic)
        } catch {
            throw .configuration("cannot write \(path(job, Self.recordName)): \(error.localizedDescription)")
        }
        return batch
    }

    /// `shop`'s batches, oldest first.
    public func batches(for shop: String) throws(DeliveryError) -> [Status] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var found: [Status] = []
        for name in names.sorted() {
            guard let batch = record(name), batch.shop == shop else { continue }
            found.append(Status(batch: batch, acknowledgements: try acknowledgements(of: name)))
        }
        return found.sorted { ($0.batch.handedOver, $0.batch.job) < ($1.batch.handedOver, $1.batch.job) }
    }

    /// One of `shop`'s batches; another shop's is not found.
    public func status(of job: String, for shop: String) throws(DeliveryError) -> Status {
        guard Self.isName(job), let batch = record(job), batch.shop == shop else {
            throw .configuration("print shop \(shop) has no batch \(job)")
        }
        return Status(batch: batch, acknowledgements: try acknowledgements(of: job))
    }

    /// Copies the batch's files into `destination` after checking each against its SHA-256;
    /// returns the paths written.
    public func download(_ job: String, for shop: String, into destination: String) throws(DeliveryError) -> [String] {
        let status = try status(of: job, for: shop)
        do {
            try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        } catch {
            throw .configuration("cannot make \(destination): \(error.localizedDescription)")
        }
        var written: [String] = []
        for (name, digest) in status.batch.files.sorted(by: { $0.key < $1.key }) + [(Self.checksumsName, "")] {
            guard let data = FileManager.default.contents(atPath: path(job, name)) else {
                throw .configuration("batch \(job) has lost its file \(name)")
            }
            if !digest.isEmpty, SHA256Hex.of(Array(data)) != digest {
                throw .configuration("batch \(job): \(name) does not match its SHA-256 in \(Self.checksumsName); it was changed or damaged after it was written")
            }
            let target = (destination as NSString).appendingPathComponent(name)
            do { try data.write(to: URL(fileURLWithPath: target), options: .atomic) } catch {
                throw .configuration("cannot write \(target): \(error.localizedDescription)")
            }
            written.append(target)
        }
        return written
    }

    /// Records that `shop` reached `stage` with `job`. Returns nil when the batch is at that stage
    /// already (a repeated acknowledgement changes nothing); a stage behind the batch's is an error.
    public func acknowledge(_ job: String, for shop: String, stage: Stage, note: String? = nil,
                            at date: Date = Date()) throws(DeliveryError) -> Acknowledgement? {
        guard stage != .ready else { throw .configuration("a print shop acknowledges received, printed or posted, not ready") }
        let status = try status(of: job, for: shop)
        if status.stage == stage { return nil }
        guard status.stage < stage else {
            throw .configuration("batch \(job) is \(status.stage.words) already; it cannot go back to \(stage.rawValue)")
        }
        let acknowledgement = Acknowledgement(stage: stage, at: DeliveryEvent.timestamp(date), note: note)
        try JSONLines.append(acknowledgement, to: path(job, Self.acknowledgementsName), synchronize: true)
        return acknowledgement
    }

    // MARK: -

    private func path(_ job: String, _ name: String) -> String {
        ((folder as NSString).appendingPathComponent(job) as NSString).appendingPathComponent(name)
    }

    private func record(_ job: String) -> Batch? {
        guard let data = FileManager.default.contents(atPath: path(job, Self.recordName)) else { return nil }
        return try? JSONDecoder().decode(Batch.self, from: data)
    }

    private func acknowledgements(of job: String) throws(DeliveryError) -> [Acknowledgement] {
        guard let data = FileManager.default.contents(atPath: path(job, Self.acknowledgementsName)) else { return [] }
        let decoder = JSONDecoder()
        // A torn last line (a crash mid-write) is no acknowledgement.
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Acknowledgement.self, from: $0) }
    }

    /// SHA256SUMS of the batch: file name to digest.
    private func checksums(of job: String) throws(DeliveryError) -> [String: String] {
        guard let text = try? String(contentsOfFile: path(job, Self.checksumsName), encoding: .utf8) else {
            throw .configuration("batch \(job) has no \(Self.checksumsName) in \(folder); only a finished postal batch can be handed over")
        }
        var files: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            files[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        return files
    }

    /// Throws unless `shop` can name a print shop.
    public static func checkShopName(_ shop: String) throws(DeliveryError) {
        guard isName(shop), shop.count <= 64, !shop.contains(".") else {
            throw .configuration("a print shop's name is letters, digits, - and _ (at most 64), not `\(shop)`")
        }
    }

    /// A shop or batch name: no path separators, no dots in front.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 128 && !text.hasPrefix(".")
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
