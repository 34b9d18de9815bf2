// `pressroom render LAYOUT DATA -o DIR`: one PDF per record (or all in one with --combine), or one
// SVG per page with --format svg, a progress bar for batches, and a summary of every record that
// failed while the others rendered.
import ArgumentParser
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction
import PressroomSVG
import PressroomText

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render records (one JSON record, or JSON Lines) with a layout into PDFs (or SVG pages).",
        discussion: "Exit status: 0 when every record rendered, 1 when some failed (each is listed), 2 when none could be rendered (a layout error).")

    @Argument(help: "The layout: a name from the layouts folder (invoice, statement, letter) or a path to a .yaml file.")
    var layout: String

    @Argument(help: "The data: a JSON file with one record, or JSON Lines with one record per line.")
    var data: String

    @Option(name: .shortAndLong, help: "The folder to write PDFs (or SVGs) into.")
    var output: String = "out"

    @Option(help: "File name for each PDF, a template such as \"{{ customer.name }}-{{ number }}\" (default: the layout's file-name, else the record number); SVG pages add \"-<page number>\".")
    var name: String?

    @Option(help: "Write all records into this one PDF instead (fonts are shared across records).")
    var combine: String?

    @Option(help: "With --combine: put the combined file's pages on press sheets by this imposition scheme (a name from the layouts folder's imposition/, or a path).")
    var impose: String?

    @Option(help: "pdf (one file per record) or svg (one file per page, named <name>-<page number>.svg, glyphs as outlines).")
    var format: OutputFormat = .pdf

    @Option(name: .customLong("max-field-size"), help: "The longest text one field of a record may hold, e.g. 256K (the default) or 2M; a record with a longer one is refused with its JSON path.")
    var maxFieldSize: String?

    @Option(name: .customLong("max-record-size"), help: "The largest record, e.g. 16M (the default); a larger record is refused and the batch goes on.")
    var maxRecordSize: String?

    @Option(help: "Workers rendering at once, each on a core of its own (default: every core); the files are the same as with one. A combined file or SVG pages are rendered by one.")
    var jobs: Int?

    @Flag(help: "Flush each file to the disk before the next (slower); by default a batch is flushed once, at its end.")
    var durable = false

    @OptionGroup var options: LayoutOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case pdf, svg
    }

    func validate() throws {
        if impose != nil && combine == nil {
            throw ValidationError("--impose puts the pages of one file on sheets: give the file with --combine FILE")
        }
        if format == .svg && combine != nil {
            throw ValidationError("--combine writes one PDF for all records; it cannot be used with --format svg, which writes one SVG file per page. Drop one of the two.")
        }
    }

    func run() throws {
        let producer: DocumentProducer
        do { producer = try options.producer(for: layout) } catch let exit as ExitCode { throw exit } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let nameTemplate = try name.map { try Template.parse($0, at: SourceLocation(file: "--name", line: 1)) }
        let output: any BatchOutput, destination: String, imposed: (scheme: ImpositionScheme, path: String)?
        do { (output, destination, imposed) = try makeOutput(producer) } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        var limits = DataLimits()
        if let maxFieldSize { limits.fieldBytes = try Self.bytes(maxFieldSize, option: "--max-field-size") }
        if let maxRecordSize { limits.recordBytes = try Self.bytes(maxRecordSize, option: "--max-record-size") }
        var progress = ProgressBar(total: Self.countRecords(data))
        let records = try RecordReader(path: data, limits: limits, warn: Console.dataWarning)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // One PDF per record renders on every core; a combined file or SVG pages on one.
        let parallel = workers > 1 && combine == nil && format == .pdf
        let summary: BatchSummary
        do {
            summary = parallel
                ? try parallelRenderer(like: producer, workers: workers, nameTemplate: nameTemplate)
                    .run(records, folder: self.output, durable: durable) { progress.update(done: $0.done, failed: $0.failed) }
                : try BatchRenderer(producer: producer, nameTemplate: nameTemplate)
                    .run(records, into: output) { progress.update(done: $0.done, failed: $0.failed) }
        } catch {
            progress.finish()
            Console.error("error: \((error as? BatchFailure)?.failure.description ?? "\(error)")")
            throw ExitCode(2)
        }
        progress.finish()
        if let imposed, summary.rendered > 0 {
            let unimposed = imposed.path + ".unimposed.pdf"
            let imposer = Imposer(scheme: imposed.scheme, typesetter: Typesetter(registry: try FontRegistry.bundled()))
            try AtomicFile.write(try imposer.impose(try PDFSource(path: unimposed)), to: imposed.path, durable: true)
            try? FileManager.default.removeItem(atPath: unimposed)
            Console.error("Imposed by \(imposed.scheme.name) into \(imposed.path).")
        }
        try report(summary, destination: parallel ? "\(destination) on \(workers) cores" : destination)
    }

    /// A renderer of `workers` threads, each with a producer like `producer` of its own.
    private func parallelRenderer(like producer: DocumentProducer, workers: Int, nameTemplate: Template?) throws -> ParallelBatchRenderer {
        let renderer = producer.renderer
        let (library, layout, theme, variant, allowed) = (renderer.library, renderer.layout, renderer.theme, producer.variant, options.allowPath)
        let registry = try LayoutOptions.registry(adding: options.font)
        return ParallelBatchRenderer(jobs: workers, nameTemplate: nameTemplate) {
            DocumentProducer(renderer: try DocumentRenderer(library: library, layout: layout, theme: theme, registry: registry,
                                                            allowedPaths: allowed),
                             variant: variant)
        }
    }

    /// The summary line, and every failed record.
    private func report(_ summary: BatchSummary, destination: String) throws {
        Console.error(String(format: "Rendered %d of %d records (%d pages) %@ in %.2f s (%.0f docs/s).",
                             summary.rendered, summary.total, summary.pages, destination, summary.seconds,
                             Double(summary.rendered) / max(summary.seconds, 1e-9)))
        if !summary.failures.isEmpty {
            Console.error("\(summary.failures.count) record\(summary.failures.count == 1 ? "" : "s") failed:")
            for failure in summary.failures { Console.error("  \(failure)") }
            throw ExitCode(summary.rendered == 0 ? 2 : 1)
        }
    }

    /// Where the documents go: one combined file (imposed afterwards when asked), SVG pages, or
    /// one PDF per record.
    private func makeOutput(_ producer: DocumentProducer) throws -> (any BatchOutput, String, (scheme: ImpositionScheme, path: String)?) {
        let renderer = producer.renderer
        if let combine {
            var path = combine.contains("/") ? combine : output + "/" + combine
            var imposed: (scheme: ImpositionScheme, path: String)?
            if let impose {
                // The records are combined first, then the file is imposed as any PDF would be.
                imposed = (try renderer.library.imposition(named: impose), path)
                path += ".unimposed.pdf"
            }
            try PDFFolderOutput.makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
            let info = DocumentInfo(title: "\(renderer.layout.name) batch", creator: "Pressroom layout \(renderer.layout.name)")
            return (CombinedPDFOutput(path: path, info: info), "into \(combine)", imposed)
        }
        if format == .svg {
            return (try SVGFolderOutput(folder: output, colours: producer.variant.settings(for: renderer.layout).colours), "into \(output)/", nil)
        }
        return (try PDFFolderOutput(folder: output, durable: durable), "into \(output)/", nil)
    }

    /// "256K", "2M", "1G" or a number of bytes.
    static func bytes(_ text: String, option: String) throws -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        guard let number = Int(unit == nil ? text : String(text.dropLast())), number > 0 else {
            throw ValidationError("\(option) takes a size such as 256K, 16M or 1048576, not \(text)")
        }
        return number * (unit ?? 1)
    }

    /// Counts non-blank lines for the progress bar, reading the file in chunks so a batch of any
    /// size costs no memory. A JSON array counts as unknown (no bar); a pretty-printed record,
    /// whose first line is a lone "{", as one.
    static func countRecords(_ path: String) -> Int {
        guard let file = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? file.close() }
        var lines = 0, sawContent = false, first: UInt8?, firstLineLength = 0
        while let chunk = try? file.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if sawContent { lines += 1 }
                    sawContent = false
                } else if byte != 0x20 && byte != 0x0D && byte != 0x09 {
                    if first == nil { first = byte }
                    if lines == 0 { firstLineLength += 1 }
                    sawContent = true
                }
            }
        }
        if first == UInt8(ascii: "[") { return 0 }
        if first == UInt8(ascii: "{") && firstLineLength == 1 { return 1 }
        return sawContent ? lines + 1 : lines
    }
}
