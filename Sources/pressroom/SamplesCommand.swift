// `pressroom samples -o out`: renders every bundled layout over its sample records (each
// Fixtures/records/<layout>*.jsonl) into out/<layout>/, the README's first command.
import ArgumentParser
import Foundation
import PressroomLayout
import PressroomProduction
import PressroomText

struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Render every bundled layout over the sample records in Fixtures/records into a folder.")

    @Option(name: .shortAndLong, help: "The folder to write into (one subfolder per layout).")
    var output: String = "out"

    @Option(help: "The sample records folder.")
    var records: String?

    @OptionGroup var options: LayoutOptions

    func run() throws {
        let layoutsFolder = options.directory(for: "invoice")
        let recordsFolder = records ?? URL(fileURLWithPath: layoutsFolder).deletingLastPathComponent().path + "/Fixtures/records"
        let layouts = try FileManager.default.contentsOfDirectory(atPath: layoutsFolder)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        let files = try FileManager.default.contentsOfDirectory(atPath: recordsFolder).filter { $0.hasSuffix(".jsonl") }.sorted()
        var failed = 0
        for layout in layouts {
            let matching = files.filter { $0.hasPrefix(layout) }
            guard !matching.isEmpty else { continue }
            let producer = try options.producer(for: layout)
            let folder = output + "/" + layout
            let destination = try PDFFolderOutput(folder: folder)
            var count = 0, pages = 0
            // One batch renderer for the layout's files, so names are unique across them.
            let batch = BatchRenderer(producer: producer)
            for file in matching {
                let stem = String(file.dropLast(6))
                batch.fallbackName = { "\(stem)-\($0)" }
                let summary = try batch.run(try RecordReader(path: recordsFolder + "/" + file), into: destination)
                count += summary.rendered
                pages += summary.pages
                failed += summary.failures.count
                for failure in summary.failures { Console.error("  \(file) \(failure)") }
            }
            print("\(layout): \(count) documents, \(pages) pages in \(folder)/ (theme \(producer.renderer.theme.name))")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
