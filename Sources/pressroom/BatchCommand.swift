// `pressroom batch LAYOUT DATA --post PROFILE -o DIR`: a postal batch a print shop can run, from
// one command: the PDF/X-4 print file of every mailable record, sorted for the post, with OMR
// marks and a Data Matrix on every sheet; the manifest (CSV and JSON); an XJDF job ticket;
// SHA-256 checksums. Records that cannot be mailed are listed with why, and left out.
import ArgumentParser
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render a postal batch: a sorted PDF/X-4 print file with inserter marks, a manifest, an XJDF ticket and checksums.",
        discussion: """
            Post profiles are YAML files in the layouts folder's post/ (deutsche-post, ceska-posta, royal-mail; their tariffs are \
            examples) or a path to one. Exit status: 0 when every record is in the batch, 1 when some were left out (each is \
            listed), 2 when nothing could be made.
            """)

    @Argument(help: "The layout: a name from the layouts folder (letter, invoice, statement) or a path to a .yaml file.")
    var layout: String

    @Argument(help: "The data: JSON Lines with one record per line (or one JSON record, or a JSON list).")
    var data: String

    @Option(help: "The post profile: a name from the layouts folder's post/ or a path to a .yaml file.")
    var post: String

    @Option(name: .shortAndLong, help: "The folder to write the batch into (made if missing).")
    var output: String = "batch"

    @Option(help: "The job's name: the print file's and ticket's name and what each Data Matrix carries (default: LAYOUT-DATE).")
    var job: String?

    @Flag(help: "Flush each file to the disk before the next; by default the batch is flushed once, at its end.")
    var durable = false

    @OptionGroup var options: LayoutOptions

    func validate() throws {
        if let variant = options.variant, variant != .print {
            throw ValidationError("a postal batch is printed: it is always the print variant (PDF/X-4); drop --variant \(variant.rawValue)")
        }
        if let job, job.isEmpty || job.contains("/") || job.hasPrefix(".") || job.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--job names files: use letters, digits, - and _, not `\(job)`")
        }
    }

    func run() throws {
        let batch: PostalBatch
        do {
            batch = try Self.postalBatch(layout: layout, post: post, options: options) { name, date in job ?? "\(name)-\(CalendarDayText.iso(date))" }
            batch.durable = durable
            try PDFFolderOutput.makeFolder(output)
        } catch let exit as ExitCode { throw exit } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        var progress = ProgressBar(total: RenderCommand.countRecords(data))
        let summary: PostalBatchSummary
        do {
            summary = try batch.run(try RecordReader(path: data, warn: Console.dataWarning), into: output) { progress.update(done: $0.done, failed: $0.failed) }
        } catch {
            progress.finish()
            Console.error("error: \((error as? BatchFailure)?.failure.description ?? "\(error)")")
            throw ExitCode(2)
        }
        progress.finish()
        Console.error(String(format: "Batch %@: %d pieces, %d sheets (%d pages) in %d trays into %@/ in %.2f s (%.0f pages/s).",
                             summary.job, summary.pieces, summary.sheets, summary.pages, summary.trays, output, summary.seconds,
                             Double(summary.pages) / max(summary.seconds, 1e-9)))
        for name in summary.files.keys.sorted() { Console.error("  \(name)") }
        if !summary.failures.isEmpty {
            Console.error("\(summary.failures.count) record\(summary.failures.count == 1 ? " was" : "s were") left out:")
            for failure in summary.failures { Console.error("  \(failure)") }
            throw ExitCode(summary.pieces == 0 ? 2 : 1)
        }
    }
}

extension BatchCommand {
    /// A postal batch of `layout` under the post profile `post`, in the print variant; `job`
    /// names it from the layout's name and the creation date.
    static func postalBatch(layout: String, post: String, options: LayoutOptions,
                            job: (_ layout: String, _ date: DocumentDate) -> String) throws -> PostalBatch {
        let renderer = try options.renderer(for: layout)
        let profile = try renderer.library.postProfile(named: post)
        let date = try options.creationDate()
        let name = job(renderer.layout.name, date)
        let variant = try PrintVariant.standard(outputProfile: options.outputProfile, creationDate: date, batch: options.batch ?? name,
                                                tagged: options.tagged)
        let batch = PostalBatch(producer: DocumentProducer(renderer: renderer, variant: variant), profile: profile, job: name)
        batch.created = date
        return batch
    }
}

/// A creation date's day as YYYY-MM-DD.
enum CalendarDayText {
    static func iso(_ date: DocumentDate) -> String { String(date.iso8601.prefix(10)) }
}
