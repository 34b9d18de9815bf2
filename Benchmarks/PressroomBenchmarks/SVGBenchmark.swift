// SVG export of real pages (the bundled invoice layout over the sample records): µs per page with
// warm caches, as a live preview re-rendering on every save sees it, and with a new writer.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomSVG
import PressroomText

func svgBenchmark(registry: FontRegistry, seconds minimum: Double) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    let library = try LayoutLibrary(directory: root + "/Layouts")
    let layout = try library.layout(named: "invoice")
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                        registry: registry)
    let records = try RecordReader(path: root + "/Fixtures/records/invoices.jsonl").map { try $0.result.get() }
    // One-page invoices: the first page of each record (the samples run to two pages at most).
    let pages = try records.compactMap { try renderer.pages(for: $0).first }
    let glyphs = pages.map { $0.items.reduce(0) { if case .text(let run, _, _) = $1 { $0 + run.glyphs.count } else { $0 } } }

    let writer = SVGPageWriter()
    var bytes = 0
    for page in pages { bytes += writer.svg(for: page).utf8.count } // warm: outlines and images cached
    let warm = measure(minimum: minimum) { for page in pages { _ = writer.svg(for: page) } } / Double(pages.count)
    let cold = measure(minimum: minimum) {
        let fresh = SVGPageWriter()
        _ = fresh.svg(for: pages[0])
    }
    print("svg invoice pages  \(figure(warm * 1e6)) µs per page with warm caches (\(pages.count) pages, \(glyphs.min()!)–\(glyphs.max()!) glyphs, "
          + "mean \(figure(Double(bytes) / Double(pages.count) / 1024)) KiB)")
    print("  first page with a new writer (outlines read, logo encoded): \(figure(cold * 1e6)) µs")
}
