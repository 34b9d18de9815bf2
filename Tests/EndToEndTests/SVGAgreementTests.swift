// The SVG export draws what the PDF draws: bundled layouts rendered by the command line both ways,
// the SVG pages joined into one PDF by rsvg-convert, and the two compared page by page twice:
// with ../shared/tools/pdfdiff at 100 dpi (poppler), and with Tests/Tools/raster_agreement.py
// (MuPDF at 300 dpi averaged over 0.5 mm cells), which is strict enough to miss no glyph. A page
// with one item left out of its SVG must fail the comparisons, so the thresholds are shown to catch
// a missing logo, a title, and (the cell comparison) a single digit in a table.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomSVG
import Testing
import TestScratch

enum SVGAgreement {
    /// Calibrated on the honest pairs below (cs invoice, Arabic invoice, 5-page statement, letter)
    /// and on all 24 sample documents (46 pages): poppler draws the PDF's text with glyph baselines
    /// snapped to whole pixels, while the SVG's outlines are filled where they are, so text edges
    /// differ by up to 220 gray levels; only near-solid differences tell a real change from that.
    /// Honest pages change 0.000–0.118 % of pixels beyond 192 levels (0.069 % on the cs invoice's
    /// first page, 0.118 % on the densest statement page); the same first page without its logo
    /// changes 0.236 %, without its title 0.237 %.
    static let pixelTolerance = 192
    static let maxChangedPercent = 0.16

    static var binary: String { ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path }

    static func folder(_ name: String) throws -> URL {
        let folder = Scratch.url("pressroom-svg-agreement-\(getpid())/\(name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `rsvg-convert -f pdf -o OUTPUT SVG…`: one PDF page per SVG, sized by its width and height in pt.
    static func joinSVGs(_ svgs: [String], into output: String) throws {
        let result = try ExternalTool.run("rsvg-convert", ["-f", "pdf", "-o", output] + svgs)
        guard result.status == 0 else {
            throw ExternalToolError.failed(command: "rsvg-convert -f pdf -o \(output) …", status: result.status, output: result.errors)
        }
    }

    /// pdfdiff with the calibrated thresholds; its report (one line per page) for messages.
    static func compare(_ expected: String, _ actual: String, out: URL) throws -> (passed: Bool, report: String) {
        let tool = try ExternalTool.sharedDirectory().appendingPathComponent("tools/pdfdiff").path
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw ExternalToolError.toolMissing(path: tool, hint: "check out shared/ beside the repository (or set PRESSROOM_SHARED)")
        }
        let result = try ExternalTool.run(tool, [expected, actual, "--dpi", "100", "--pixel-tolerance", "\(pixelTolerance)",
                                                 "--max-changed", "\(maxChangedPercent)", "--out", out.path], mergeErrors: true)
        guard result.status == 0 || result.status == 1 else {
            throw ExternalToolError.failed(command: "pdfdiff \(expected) \(actual)", status: result.status, output: result.output)
        }
        return (result.status == 0, result.output)
    }

    /// Tests/Tools/raster_agreement.py: MuPDF renders both at 300 dpi, averaged over 6 x 6 pixel
    /// cells; no cell may differ by more than 64 gray levels. Calibrated on all 24 sample documents
    /// (46 pages): honest pages differ by at most 39 (the logo's resampling), 25 on pages of text
    /// only; the cs invoice's first page without one digit of a table cell differs by 94, without a
    /// four-letter label by 117.
    static func compareCells(_ expected: String, _ actual: String) throws -> (passed: Bool, report: String) {
        let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/raster_agreement.py").path
        let result = try ExternalTool.run("python3", [script, expected, actual], mergeErrors: true)
        guard result.status == 0 || result.status == 1 else {
            throw ExternalToolError.failed(command: "raster_agreement.py \(expected) \(actual)", status: result.status, output: result.output)
        }
        return (result.status == 0, result.output)
    }

    /// Each page's size as pdfinfo reports it ("595.276 x 841.89 pts (A4)").
    static func pageSizes(_ pdf: String) throws -> [String] {
        let result = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "100000", pdf])
        guard result.status == 0 else { throw ExternalToolError.failed(command: "pdfinfo \(pdf)", status: result.status, output: result.errors) }
        return result.output.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size:") }
            .map { String($0[$0.range(of: "size:")!.upperBound...]).trimmingCharacters(in: .whitespaces) }
    }

    /// The SVG of `page` as a one-page PDF by rsvg-convert.
    static func svgAsPDF(_ page: Page, writer: SVGPageWriter, in folder: URL, name: String) throws -> String {
        let svg = folder.appendingPathComponent(name + ".svg")
        try writer.svg(for: page).write(to: svg, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent(name + ".svg.pdf").path
        try joinSVGs([svg.path], into: pdf)
        return pdf
    }
}

@Suite struct SVGAgreementTests {
    @Test(arguments: [("invoice", "invoices.jsonl", 0), ("invoice", "invoice-edge-cases.jsonl", 3),
                      ("statement", "statements.jsonl", 0), ("letter", "letters.jsonl", 0)])
    func svgPagesAgreeWithThePDF(layout: String, file: String, index: Int) throws {
        let binary = SVGAgreement.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the pressroom executable first (swift build)")
        let folder = try SVGAgreement.folder("\(layout)-\(file)-\(index)")
        let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/" + file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        let record = folder.appendingPathComponent("record.json")
        try String(lines[index]).write(to: record, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        for format in ["pdf", "svg"] {
            let result = try ExternalTool.run(binary, ["render", layout, record.path, "-o", out.path, "--format", format,
                                                       "--layouts", Samples.root + "/Layouts"])
            try #require(result.status == 0, "render --format \(format): \(result.errors)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let pdfs = written.filter { $0.hasSuffix(".pdf") }
        try #require(pdfs.count == 1, "\(written)")
        let base = String(pdfs[0].dropLast(4))
        // <document name>-<page number>.svg, in page order.
        let svgs = written.compactMap { name -> (Int, String)? in
            guard name.hasPrefix(base + "-"), name.hasSuffix(".svg"),
                  let number = Int(name.dropFirst(base.count + 1).dropLast(4)) else { return nil }
            return (number, out.appendingPathComponent(name).path)
        }.sorted { $0.0 < $1.0 }
        #expect(svgs.map(\.0) == Array(1...max(svgs.count, 1)), "\(written)")
        #expect(written.count == 1 + svgs.count, "only the PDF and its pages: \(written)")

        let pdf = out.appendingPathComponent(pdfs[0]).path
        let joined = folder.appendingPathComponent("svg-pages.pdf").path
        try SVGAgreement.joinSVGs(svgs.map(\.1), into: joined)
        let expectedSizes = try SVGAgreement.pageSizes(pdf)
        #expect(expectedSizes.count == svgs.count && expectedSizes.count >= 1)
        if layout == "statement" { #expect(expectedSizes.count > 1, "the statement should run over several pages") }
        #expect(try SVGAgreement.pageSizes(joined) == expectedSizes)
        let comparison = try SVGAgreement.compare(pdf, joined, out: folder.appendingPathComponent("diff"))
        #expect(comparison.passed, "\(layout) \(file) #\(index):\n\(comparison.report)")
        let cells = try SVGAgreement.compareCells(pdf, joined)
        #expect(cells.passed, "\(layout) \(file) #\(index):\n\(cells.report)")
    }

    @Test func anSVGMissingOneItemFailsTheComparison() throws {
        let renderer = try Samples.renderer("invoice")
        let page = try #require(try renderer.pages(for: try Samples.records("invoices.jsonl")[0]).first)
        let folder = try SVGAgreement.folder("negative")
        let pdf = folder.appendingPathComponent("page.pdf").path
        try Data(try PDFDocumentWriter.render([page])).write(to: URL(fileURLWithPath: pdf))
        let writer = SVGPageWriter()

        // The whole page agrees…
        let honest = try SVGAgreement.svgAsPDF(page, writer: writer, in: folder, name: "honest")
        let agreement = try SVGAgreement.compare(pdf, honest, out: folder.appendingPathComponent("diff-honest"))
        #expect(agreement.passed, "\(agreement.report)")
        let cellAgreement = try SVGAgreement.compareCells(pdf, honest)
        #expect(cellAgreement.passed, "\(cellAgreement.report)")

        // …and the page without its logo, or without its largest line of text (the title), does not.
        let logo = try #require(page.items.firstIndex { if case .image = $0 { true } else { false } })
        let title = try #require(page.items.indices.max { a, b in
            func size(_ item: PageItem) -> Double { if case .text(let run, _, _) = item { run.size } else { 0 } }
            return size(page.items[a]) < size(page.items[b])
        })
        for (name, dropped) in [("no-logo", logo), ("no-title", title)] {
            var damaged = page
            damaged.items.remove(at: dropped)
            let actual = try SVGAgreement.svgAsPDF(damaged, writer: writer, in: folder, name: name)
            let comparison = try SVGAgreement.compare(pdf, actual, out: folder.appendingPathComponent("diff-" + name))
            #expect(!comparison.passed, "\(name) should fail:\n\(comparison.report)")
            #expect(comparison.report.contains("FAIL page_1"), "\(comparison.report)")
            let cells = try SVGAgreement.compareCells(pdf, actual)
            #expect(!cells.passed && cells.report.contains("FAIL page_1"), "\(name) should fail:\n\(cells.report)")
        }

        // The cell comparison also sees one glyph missing: the shortest run of the line-item table.
        let digit = try #require(page.items.indices.filter { index in
            if case .text(let run, let origin, _) = page.items[index] { return run.glyphs.count == 1 && origin.y > 300 && run.size < 9 }
            return false
        }.first)
        var damaged = page
        damaged.items.remove(at: digit)
        let actual = try SVGAgreement.svgAsPDF(damaged, writer: writer, in: folder, name: "no-digit")
        let cells = try SVGAgreement.compareCells(pdf, actual)
        #expect(!cells.passed, "a missing digit should fail:\n\(cells.report)")
    }
}
