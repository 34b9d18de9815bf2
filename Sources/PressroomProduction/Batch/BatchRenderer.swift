// The batch loop the command line, the preview and the service share: records in (JSON Lines, one
// record or an array), each numbered, named, rendered by the producer's variant and stored by an
// output; a record that fails is reported, typed, with its number, and the batch goes on.
import Foundation
import PressroomLayout

/// How far a batch has come, after each record.
public struct BatchProgress: Sendable {
    public var done: Int
    public var failed: Int
}

/// What a batch did.
public struct BatchSummary: Sendable, Codable {
    public var rendered: Int
    public var pages: Int
    public var failures: [BatchFailure]
    public var seconds: Double

    public var total: Int { rendered + failures.count }
}

public final class BatchRenderer {
    public let producer: DocumentProducer
    /// The file name of each record: a template bound to it (`--name`); nil: the layout's
    /// `file-name`, else the record number as 00001.
    public var nameTemplate: Template?
    /// The name of a record that has none of its own (no template, no `file-name`), by number.
    public var fallbackName: (Int) -> String

    /// The names given so far; kept across runs, so batches written into one folder do not
    /// overwrite each other.
    public private(set) var names = BatchNames()

    public init(producer: DocumentProducer, nameTemplate: Template? = nil,
                fallbackName: @escaping (Int) -> String = BatchNames.numbered) {
        self.producer = producer
        self.nameTemplate = nameTemplate
        self.fallbackName = fallbackName
    }

    /// Renders every record of `records` into `output`. A record that cannot be read, laid out,
    /// written or stored becomes a `BatchFailure`; the others render. Throws only when what the
    /// records share cannot be finished (the combined file); the summary then is lost with it.
    public func run(_ records: RecordReader, into output: some BatchOutput,
                    progress: (BatchProgress) -> Void = { _ in }) throws(BatchFailure) -> BatchSummary {
        let started = Date()
        var summary = BatchSummary(rendered: 0, pages: 0, failures: [], seconds: 0)
        for (number, result) in records {
            do {
                let record = try result.get()
                // A name is taken only by a record that was written.
                let name = output.namesDocuments ? names.unique(try name(of: record, number: number), fallback: fallbackName(number)) : ""
                summary.pages += try output.write(record, number: number, name: name, producer: producer)
                if output.namesDocuments { names.take(name) }
                summary.rendered += 1
            } catch {
                summary.failures.append(BatchFailure(record: number, failure: RecordFailure(error)))
            }
            progress(BatchProgress(done: summary.total, failed: summary.failures.count))
        }
        do { try output.finish(producer: producer) } catch {
            throw BatchFailure(record: 0, failure: RecordFailure(error))
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The record's name before it is made unique.
    private func name(of record: DataValue, number: Int) throws(LayoutError) -> String {
        try Self.name(of: try producer.renderer.preamble(for: record), template: nameTemplate, fallback: fallbackName(number))
    }

    /// A document's name before it is made unique: the template bound to the record, else the
    /// layout's `file-name`, else `fallback`.
    static func name(of preamble: DocumentRenderer.Preamble, template: Template?, fallback: String) throws(LayoutError) -> String {
        if let template { return try preamble.render(template) }
        return preamble.fileName ?? fallback
    }
}

/// File names for a batch's records: safe on every file system, unique within the batch,
/// letter case aside (a second "Invoice 7" or "invoice 7" becomes "-2").
public struct BatchNames: Sendable {
    private var used: Set<String> = []

    public static func numbered(_ number: Int) -> String { String(format: "%05d", number) }

    public init() {}

    /// The safe form of `name` (or of `fallback`), with a suffix if that is taken.
    public func unique(_ name: String, fallback: String) -> String {
        let base = Self.safe(name, fallback: fallback)
        var candidate = base
        var suffix = 2
        while used.contains(candidate.lowercased()) { candidate = "\(base)-\(suffix)"; suffix += 1 }
        return candidate
    }

    /// Marks `name` as used.
    public mutating func take(_ name: String) { used.insert(name.lowercased()) }

    /// Path separators, characters Windows forbids and control characters become "_"; an empty
    /// name or one starting with "." (hidden, or "..") becomes `fallback`; a name too long for a
    /// file system (255 bytes, less room for a suffix and ".pdf") is cut and ends with a hash of
    /// the whole name, so two long names stay apart.
    public static func safe(_ name: String, fallback: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .control ? "_" : scalar
        })).trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty, !cleaned.hasPrefix(".") else { return fallback }
        guard cleaned.utf8.count > maximumBytes else { return cleaned }
        var cut = ""
        for character in cleaned {
            if cut.utf8.count + String(character).utf8.count > maximumBytes - 17 { break }
            cut.append(character)
        }
        // FNV-1a, 64 bits: stable across runs and machines, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in cleaned.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return cut + "-" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Room for a name: 255 bytes less a "-99" suffix, an extension and a temporary file's parts.
    static let maximumBytes = 200
}
