// `pressroom render LAYOUT DATA -o DIR`: one PDF per record (or all in one with --combine), or one
// SVG per page with --format svg, a progress bar for batches, and a summary of every record that
// failed while the others rendered.
import ArgumentParser
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomSVG

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

    @Option(help: "pdf (one file per record) or svg (one file per page, named <name>-<page number>.svg, glyphs as outlines).")
    var format: OutputFormat = .pdf

    @OptionGroup var options: LayoutOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case pdf, svg
    }

    func validate() throws {
        if format == .svg && combine != nil {
            throw ValidationError("--combine writes one PDF for all records; it cannot be used with --format svg, which writes one SVG file per page. Drop one of the two.")
        }
    }

    func run() throws {
        let renderer: DocumentRenderer
        do { renderer = try options.renderer(for: layout) } catch let exit as ExitCode { throw exit } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let nameTemplate = try name.map { try Template.parse($0, at: SourceLocation(file: "--name", line: 1)) }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let reader = try RecordReader(path: data)
        let total = Self.countRecords(data)
        var progress = ProgressBar(total: total)
        var failures: [LayoutError] = []
        var rendered = 0, pages = 0
        var usedNames: Set<String> = []
        let started = Date()
        let svgWriter = SVGPageWriter()
        let variant = try options.outputVariant()
        let combined = combine.map { _ in variant.combinedWriter(info: .init(title: "\(renderer.layout.name) batch", creator: "Pressroom layout \(renderer.layout.name)"),
                                                                  tagged: renderer.tagged) }

        for (number, result) in reader {
            do {
                let record = try result.get()
                if let combined {
                    pages += try renderer.render(record, into: combined)
                } else {
                    // SVG needs no PDF: the pages in memory, and the name the PDF would have had.
                    let pdf = format == .pdf ? try variant.render(record, with: renderer) : nil
                    let svgPages = format == .svg ? try renderer.pages(for: record) : []
                    let fileName = try pdf.map { $0.fileName } ?? renderer.preamble(for: record).fileName
                    var base = try nameTemplate.map { try renderer.preamble(for: record).render($0) } ?? fileName
                        ?? String(format: "%05d", number)
                    base = Self.safeFileName(base, fallback: String(format: "%05d", number))
                    var name = base
                    var suffix = 2
                    while usedNames.contains(name) { name = "\(base)-\(suffix)"; suffix += 1 }
                    usedNames.insert(name)
                    let folder = URL(fileURLWithPath: output)
                    if let pdf {
                        try Data(pdf.bytes).write(to: folder.appendingPathComponent(name + ".pdf"))
                        pages += pdf.pageCount
                    }
                    for (index, page) in svgPages.enumerated() {
                        let svg = svgWriter.svg(for: page)
                        try Data(svg.utf8).write(to: folder.appendingPathComponent("\(name)-\(index + 1).svg"))
                    }
                    pages += svgPages.count
                }
                rendered += 1
            } catch let error as LayoutError {
                failures.append(error.inRecord(number))
            } catch {
                failures.append(LayoutError(.resource, "\(error)", record: number))
            }
            progress.update(done: rendered + failures.count, failed: failures.count)
        }
        if let combined, let combine {
            let path = combine.contains("/") ? combine : output + "/" + combine
            try Data(try combined.finish()).write(to: URL(fileURLWithPath: path))
        }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        let where_ = combine.map { "into \($0)" } ?? "into \(output)/"
        Console.error(String(format: "Rendered %d of %d records (%d pages) %@ in %.2f s (%.0f docs/s).",
                             rendered, rendered + failures.count, pages, where_, seconds, Double(rendered) / max(seconds, 1e-9)))
        if !failures.isEmpty {
            Console.error("\(failures.count) record\(failures.count == 1 ? "" : "s") failed:")
            for failure in failures { Console.error("  \(failure)") }
            throw ExitCode(rendered == 0 ? 2 : 1)
        }
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

    static func safeFileName(_ name: String, fallback: String) -> String {
        let cleaned = String(name.map { "/\\:*?\"<>|\0".contains($0) || $0.isNewline ? "_" : $0 })
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? fallback : cleaned
    }
}

