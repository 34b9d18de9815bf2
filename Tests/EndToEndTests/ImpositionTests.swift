// Imposition end to end, on pages another producer wrote (ReportLab, read with qpdf): for every
// bundled scheme, each page's marker is found on the sheet side and in the cell the plan gives,
// centred (pushed by creep in booklets), and every page appears exactly as often as the scheme
// prints it; the imposed file passes pdfcheck. A 2,000-page input imposes too, and a scheme that
// does not fit its sheet is an error at its file:line.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction
import PressroomText
import Testing
import TestScratch

enum ImpositionSamples {
    static let folder: URL = {
        let url = Scratch.url("pressroom-impose-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A ReportLab PDF of `count` pages of `size`, each marked P001, P002, … at its centre.
    static func input(_ count: Int, size: Size, name: String) throws -> String {
        let path = folder.appendingPathComponent("\(name).pdf").path
        let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/make_marked_pages.py").path
        let result = try ExternalTool.run("python3", [script, path, "\(count)", "\(size.width)", "\(size.height)"])
        guard result.status == 0 else { throw ExternalToolError.failed(command: "make_marked_pages.py", status: result.status, output: result.errors) }
        return path
    }

    /// Each page's markers with the centres of their boxes (points, y down), as pdftotext reads them.
    static func markers(_ pdf: String) throws -> [[(marker: String, x: Double, y: Double)]] {
        let result = try ExternalTool.run("pdftotext", ["-bbox", pdf, "-"])
        var pages: [[(String, Double, Double)]] = []
        for line in result.output.split(separator: "\n") {
            if line.contains("<page ") { pages.append([]); continue }
            guard line.contains("<word "), let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first,
                  text.hasPrefix("P"), text.count == 4 else { continue }
            func value(_ key: String) -> Double {
                guard let range = line.range(of: "\(key)=\"") else { return .nan }
                return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            let x = (value("xMin") + value("xMax")) / 2, y = (value("yMin") + value("yMax")) / 2
            pages[pages.count - 1].append((String(text), x, y))
        }
        return pages
    }
}

@Test(arguments: ["2up-a5-on-a4", "4up-a6-on-a4", "4up-a6-on-a4-duplex", "8up-a6-on-sra3", "cards-on-sra3", "cut-and-stack-a5-on-sra3",
                  "booklet-a5-on-a4", "work-and-turn-a5-on-sra3", "work-and-tumble-a5-on-sra3"])
func everyPageLandsWhereTheSchemeSays(name: String) throws {
    let scheme = try Samples.library.get().imposition(named: name)
    let count = scheme.kind == .stepAndRepeat ? 3 : 10
    let input = try ImpositionSamples.input(count, size: scheme.cell, name: "input-\(name)")
    let source = try PDFSource(path: input)
    #expect(source.pageCount == count)
    let bytes = try Imposer(scheme: scheme, typesetter: Typesetter(registry: try Samples.registry.get())).impose(source)
    let output = ImpositionSamples.folder.appendingPathComponent("\(name).pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: output))

    let plan = ImpositionPlan(scheme: scheme, pageCount: count)
    let found = try ImpositionSamples.markers(output)
    #expect(found.count == plan.sides.count, "one output page per sheet side")
    let cells = scheme.cells
    var seen: [String: Int] = [:]
    for (index, side) in plan.sides.enumerated() where index < found.count {
        for placement in side.placements {
            guard let page = placement.page else { continue }
            let marker = String(format: "P%03d", page + 1)
            let cell = cells[placement.cell]
            let expected = (x: cell.minX + cell.width / 2 + placement.shift, y: cell.minY + cell.height / 2)
            let hit = found[index].contains { $0.marker == marker && abs($0.x - expected.x) < 4 && abs($0.y - expected.y) < 6 }
            #expect(hit, "\(name): \(marker) is not in cell \(placement.cell) of side \(index + 1) at \(expected); found \(found[index])")
        }
    }
    for page in found { for word in page { seen[word.marker, default: 0] += 1 } }
    for number in 1...count {
        #expect(seen[String(format: "P%03d", number)] == plan.copiesPerPage, "\(name): page \(number) appears \(seen[String(format: "P%03d", number)] ?? 0) times, not \(plan.copiesPerPage)")
    }
    // The input's fonts are ReportLab's standard Helvetica, not embedded: the one check that is
    // about the input, not the imposition.
    let check = try PDFCheck.run(output, ["--expect-pages", "\(plan.sides.count)"], renderCompare: false)
    let failed = check.output.split(separator: "\n").filter { $0.hasPrefix("FAIL") && !$0.hasPrefix("FAIL fonts_embedded: not embedded: Helvetica") }
    #expect(failed.isEmpty && check.output.contains("PASS qpdf_check"), "\(check.output)")
}

@Test func aBookletPadsToWholeSheetsAndNestsThePairs() {
    let scheme = ImpositionScheme(name: "b", kind: .booklet, sheet: Size(width: 842, height: 595), cell: Size(width: 421, height: 595),
                                  columns: 2, rows: 1, creep: 1)
    let plan = ImpositionPlan(scheme: scheme, pageCount: 10)
    #expect(plan.sides.count == 6, "12 pages: three sheets, both sides")
    // The outer sheet's front: last page (blank here, 12) and the first; its back: 2 and 11 (blank).
    #expect(plan.sides[0].placements.map(\.page) == [nil, 0] && plan.sides[1].placements.map(\.page) == [1, nil])
    #expect(plan.sides[4].placements.map(\.page) == [7, 4], "the innermost sheet's front: 8 and 5")
    #expect(plan.sides[5].placements.map(\.page) == [5, 6], "its back: 6 and 7, the centre spread")
    #expect(plan.sides[4].placements.map(\.shift) == [2, -2], "the innermost sheet is pushed 2 × creep towards the spine")
}

@Test func cutAndStackGivesTheOrderBackWhenThePilesAreStacked() {
    let scheme = ImpositionScheme(name: "c", kind: .cutAndStack, sheet: Size(width: 1000, height: 1000), cell: Size(width: 100, height: 100),
                                  columns: 2, rows: 2)
    let plan = ImpositionPlan(scheme: scheme, pageCount: 11)
    // Cut every sheet into its four cells, keep each cell's pile in sheet order, stack the piles.
    let piles = (0..<4).map { cell in plan.sides.compactMap { side in side.placements.first { $0.cell == cell }?.page } }
    #expect(piles.flatMap { $0 } == Array(0..<11))
}

@Test func twoThousandPagesImpose() throws {
    let scheme = try Samples.library.get().imposition(named: "4up-a6-on-a4")
    let input = try ImpositionSamples.input(2000, size: scheme.cell, name: "input-2000")
    let bytes = try Imposer(scheme: scheme, typesetter: nil).impose(try PDFSource(path: input))
    let output = ImpositionSamples.folder.appendingPathComponent("2000.pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: output))
    let info = try ExternalTool.run("pdfinfo", [output])
    #expect(info.output.contains(try Regex(#"Pages:\s+500\n"#)), "\(info.output)")
    let qpdf = try ExternalTool.run("qpdf", ["--check", output])
    #expect(qpdf.status == 0, "\(qpdf.output)")
}

@Test func aSchemeThatDoesNotFitItsSheetIsRefusedAtItsLine() throws {
    let scratch = try ScratchLayouts("impose-bad")
    try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("imposition"), withIntermediateDirectories: true)
    try "scheme: too-many\nkind: n-up\nsheet: A4\ncell: A5\ngrid: [3, 1]\n".write(to: scratch.folder.appendingPathComponent("imposition/too-many.yaml"),
                                                                               atomically: true, encoding: .utf8)
    let library = try LayoutLibrary(directory: scratch.folder.path)
    do {
        _ = try library.imposition(named: "too-many")
        Issue.record("a grid wider than its sheet was accepted")
    } catch {
        #expect(error.location?.file == "imposition/too-many.yaml" && error.location?.line == 5, "\(error)")
        #expect(error.message.contains("inside its margins"), "\(error)")
    }
    #expect(throws: PDFDocumentError.self) { _ = try PDFSource(path: "/nonexistent.pdf") }
}

/// Our own documents impose as well: `render --combine --impose` puts the bundled letters 2-up on
/// A3, fonts and images copied once, and the sheets pass pdfcheck with every letter's text on them.
@Test func renderCombineImposeWritesSheetsOfOurOwnPages() throws {
    let scratch = try ScratchLayouts("impose-render")
    try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("imposition"), withIntermediateDirectories: true)
    try "scheme: 2up-a4-on-a3\nkind: n-up\nsheet: A3\nlandscape: true\ncell: A4\ngrid: [2, 1]\nmarks: false\n"
        .write(to: scratch.folder.appendingPathComponent("imposition/2up-a4-on-a3.yaml"), atomically: true, encoding: .utf8)
    let output = scratch.folder.appendingPathComponent("letters-2up.pdf").path
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let run = try ExternalTool.run(binary, ["render", "letter", Samples.root + "/Fixtures/records/letters.jsonl", "--layouts", scratch.folder.path,
                                            "--variant", "plain", "--combine", output, "--impose", "2up-a4-on-a3"], mergeErrors: true)
    #expect(run.status == 0, "\(run.output)")
    let check = try PDFCheck.run(output, ["--expect-pages", "2"])
    #expect(check.passed, "\(check.output)")
    let text = try pdftotext(output)
    for record in try Samples.records("letters.jsonl") {
        #expect(normalise(text).contains(normalise(Samples.string(record["reference"]))), "\(Samples.string(record["reference"]))")
    }
    #expect(!FileManager.default.fileExists(atPath: output + ".unimposed.pdf"))
}
