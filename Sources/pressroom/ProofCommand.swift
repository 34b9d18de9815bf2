// `pressroom proof LAYOUT DATA`: picks the records that stress a layout most (the most rows, the
// longest value of every field) and renders them into one PDF for approval.
import ArgumentParser
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction

struct ProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Render the records that stress a layout most (longest fields, most rows) into one PDF for approval.")

    @Argument(help: "The layout: a name from the layouts folder or a path to a .yaml file.")
    var layout: String

    @Argument(help: "The data: JSON Lines (or one JSON record).")
    var data: String

    @Option(name: .shortAndLong, help: "The proof PDF to write.")
    var output: String = "out/proof.pdf"

    @Option(help: "At most this many records.")
    var limit: Int = 12

    @OptionGroup var options: LayoutOptions

    func run() throws {
        let renderer = try options.renderer(for: layout)
        var picks = StressPicker()
        var records: [Int: DataValue] = [:]
        var unreadable: [LayoutError] = []
        for (number, result) in try RecordReader(path: data, warn: Console.dataWarning) {
            switch result {
            case .success(let record):
                if picks.consider(record, number: number) { records[number] = record }
            case .failure(let error):
                unreadable.append(error.inRecord(number))
            }
        }
        let chosen = picks.chosen(limit: limit)
        // A proof is for looking at the layout: the plain variant's settings, one file.
        let proof = CombinedPDF(info: DocumentInfo(title: "Proof of \(renderer.layout.name)", creator: "Pressroom proof"),
                                settings: PlainVariant().settings(for: renderer.layout))
        var failures: [String] = unreadable.map(\.description)
        for (number, reasons) in chosen {
            guard let record = records[number] else { continue }
            do {
                let pages = try proof.append(record, with: renderer, outlineTitle: "record \(number): \(reasons.joined(separator: ", "))")
                print("record \(number): \(pages) page\(pages == 1 ? "" : "s") — \(reasons.joined(separator: "; "))")
            } catch {
                failures.append(BatchFailure(record: number, failure: RecordFailure(error)).description)
            }
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: output).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        if proof.pageCount > 0 {
            try Data(try proof.finish()).write(to: URL(fileURLWithPath: output))
            print("Wrote \(output): \(chosen.count) records, \(proof.pageCount) pages")
        }
        for failure in failures { Console.error("  \(failure)") }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// Keeps, for every field (array indices ignored) the record with its longest value, and the
/// record with the longest list of each list field.
struct StressPicker {
    private var longest: [String: (number: Int, length: Int)] = [:]
    private var mostRows: [String: (number: Int, count: Int)] = [:]

    /// Records the record's extremes; true when it holds one so far (keep it).
    mutating func consider(_ record: DataValue, number: Int) -> Bool {
        var kept = false
        walk(record, path: "$") { path, value in
            switch value {
            case .string(let text):
                let length = text.count
                if length > (longest[path]?.length ?? 0) { longest[path] = (number, length); kept = true }
            case .array(let elements):
                if elements.count > (mostRows[path]?.count ?? 0) { mostRows[path] = (number, elements.count); kept = true }
            default: break
            }
        }
        return kept
    }

    private func walk(_ value: DataValue, path: String, _ visit: (String, DataValue) -> Void) {
        visit(path, value)
        switch value {
        case .object(let fields): for (key, field) in fields { walk(field, path: path + "." + key, visit) }
        case .array(let elements): for element in elements { walk(element, path: path + "[]", visit) }
        default: break
        }
    }

    /// Record numbers in order, each with why it was picked; the most rows first.
    func chosen(limit: Int) -> [(Int, [String])] {
        var reasons: [Int: [String]] = [:]
        var order: [Int] = []
        func add(_ number: Int, _ reason: String) {
            if reasons[number] == nil { order.append(number) }
            reasons[number, default: []].append(reason)
        }
        for (path, pick) in mostRows.sorted(by: { $0.value.count > $1.value.count }) where pick.count > 1 {
            add(pick.number, "most \(path) (\(pick.count))")
        }
        for (path, pick) in longest.sorted(by: { $0.value.length > $1.value.length }) {
            add(pick.number, "longest \(path) (\(pick.length) characters)")
        }
        return order.prefix(limit).map { ($0, Array((reasons[$0] ?? []).prefix(4))) }
    }
}
