// The PDF writer's fixed cost per one-page document: invoice-like pages written as whole
// documents, one after another, as a batch renders them.
import Foundation
import PressroomGraphics
import PressroomPDF
import PressroomText

/// The benchmark's pages, as `count` one-page documents in `directory` (00000.pdf, …), to check
/// what is being measured with pdfcheck or qpdf.
/// Size against time for Flate levels: the content level swept with fonts and tables at their
/// defaults, then the font-program and table levels.
func flateBenchmark(typesetter: Typesetter, seconds: Double) throws {
    let pages = try InvoicePages(typesetter: typesetter, logo: try benchmarkLogo()).make(count: 64)
    _ = try writeDocuments(pages, seconds: 0.5, options: .init())
    func row(_ label: String, _ change: (inout Flate.Levels) -> Void) throws {
        var options = PDFFileWriter.Options()
        change(&options.flateLevels)
        let result = try writeDocuments(pages, seconds: seconds, options: options)
        let levels = options.flateLevels
        print("  \(label)  content \(levels.content) fonts \(levels.fontProgram) tables \(levels.table)  "
              + "\(figure(Double(result.documents) / result.seconds)) docs/s  \(figure(Double(result.bytes) / Double(result.documents) / 1024)) KiB")
    }
    print("Flate levels (invoice with logo; images cached, so their level does not count here)")
    for level: Int32 in [1, 2, 3, 4, 6, 9] { try row("content", { $0.content = level }) }
    for level: Int32 in [1, 3, 6] { try row("fonts  ", { $0.fontProgram = level }) }
    for level: Int32 in [1, 4, 6] { try row("tables ", { $0.table = level }) }
}

func writeInvoiceSamples(typesetter: Typesetter, count: Int, to directory: String) throws {
    let pages = try InvoicePages(typesetter: typesetter, logo: try benchmarkLogo()).make(count: count)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, page) in pages.enumerated() {
        let path = "\(directory)/\(String(format: "%05d", index)).pdf"
        try Data(try PDFDocumentWriter.render([page])).write(to: URL(fileURLWithPath: path))
    }
    print("wrote \(count) invoices to \(directory)")
}

func benchmarkLogo() throws -> ImageSource {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/logos/pressroom-logo.png").path
    return ImageSource(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), name: path)
}

private let benchmarkInfo = DocumentInfo(title: "Faktura", creator: "Pressroom benchmark",
                                         creationDate: DocumentDate(year: 2026, month: 11, day: 23))

/// Writes one-page documents from `pages` in turn for `minimum` seconds, sharing one cache as a
/// batch does; returns documents, seconds, bytes and the phases summed (when measured).
private func writeDocuments(_ pages: [Page], seconds minimum: Double, options: PDFFileWriter.Options)
    throws -> (documents: Int, seconds: Double, bytes: Int, phases: WriterPhases?) {
        var documents = 0, bytes = 0, elapsed = 0.0
        var phases: [WriterPhases] = []
        let cache = PDFWriterCache()
        let start = DispatchTime.now().uptimeNanoseconds
        while elapsed < minimum {
            let writer = PDFDocumentWriter(info: benchmarkInfo, options: options, cache: cache)
            try writer.add(pages[documents % pages.count])
            bytes += try writer.finish().count
            if let measured = writer.phases { phases.append(measured) }
            documents += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return (documents, elapsed, bytes, phases.isEmpty ? nil : phases.reduce(.zero, +))
}

func writerBenchmark(typesetter: Typesetter, seconds minimum: Double, logo withLogo: Bool) throws {
    let setting = DispatchTime.now().uptimeNanoseconds
    let pages = try InvoicePages(typesetter: typesetter, logo: withLogo ? try benchmarkLogo() : nil).make(count: 64)
    let settingTime = Double(DispatchTime.now().uptimeNanoseconds - setting) / 1e9 / Double(pages.count)
    let runs = pages.map { $0.items.count { if case .text = $0 { true } else { false } } }
    var timing = PDFFileWriter.Options()
    timing.measuresPhases = true
    _ = try writeDocuments(pages, seconds: 0.5, options: .init()) // warm up: first-use costs of fonts and allocator
    let plain = try writeDocuments(pages, seconds: minimum, options: .init())
    let timed = try writeDocuments(pages, seconds: minimum, options: timing)
    print("invoice documents  \(figure(Double(plain.documents) / plain.seconds)) docs/s, \(figure(plain.seconds / Double(plain.documents) * 1e6)) µs each"
          + "  (\(runs.min()!)–\(runs.max()!) glyph runs in 2 faces\(withLogo ? ", logo" : ""); mean \(figure(Double(plain.bytes) / Double(plain.documents) / 1024)) KiB)")
    if let phases = timed.phases {
        let perDocument = { (duration: Duration) in figure(duration / .microseconds(1) / Double(timed.documents)) }
        print("  µs per document  painting \(perDocument(phases.painting)), images \(perDocument(phases.images)), "
              + "subsetting \(perDocument(phases.subsetting)), compression \(perDocument(phases.compression)), "
              + "serialisation \(perDocument(phases.serialisation)); total \(perDocument(phases.total)) (timed run)")
    }
    print("  for comparison   typesetting the page's runs one by one took \(figure(settingTime * 1e6)) µs (first time, not the writer)")
}

/// Peak resident memory of this process so far, in bytes (Linux: VmHWM).
func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
}

/// One long document, written page by page as the layout engine streams it, with "Page X of Y"
/// overlaid on every page at the end: what memory it takes beyond the file it returns.
func longDocumentBenchmark(typesetter: Typesetter, pageCount: Int) throws {
    let pages = try InvoicePages(typesetter: typesetter, logo: nil).make(count: 64)
    let style = TextStyle(size: 7, language: "cs")
    let before = peakResidentBytes()
    let start = DispatchTime.now().uptimeNanoseconds
    let writer = PDFDocumentWriter()
    for index in 0..<pageCount {
        let page = try writer.add(pages[index % pages.count])
        if index % 50 == 0 { writer.addOutlineItem(title: "Záznam \(index / 50 + 1)", page: page) }
    }
    for index in 0..<pageCount {
        var footer = Page(size: .a4)
        footer.add(try typesetter.typeset([TextSpan("Strana \(index + 1) z \(pageCount)", style: style)], width: 200),
                   at: Point(x: 500, y: 820))
        try writer.overlay(footer.items, onPage: index)
    }
    let pdf = try writer.finish()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let grown = peakResidentBytes() - before
    let mib = { (bytes: Int) in figure(Double(bytes) / 1_048_576) }
    print("long document      \(pageCount) pages with overlays in \(figure(elapsed)) s: file \(mib(pdf.count)) MiB, "
          + "peak memory grew \(mib(grown)) MiB, \(mib(grown - pdf.count)) MiB beyond the file")
}

