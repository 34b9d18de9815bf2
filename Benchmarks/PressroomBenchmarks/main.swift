// Benchmarks for the core engine: shaping (glyphs/s), paragraph breaking with hyphenation
// (words/s, and how cost grows with length), PDF writing (text pages/s) and output size.
// Prints figures; it asserts nothing. Run: `swift run -c release PressroomBenchmarks [MODE]`
// (pinned to one core: `taskset -c 0 .build/release/PressroomBenchmarks [MODE]`). Modes:
//   writer        one-page invoices written as whole documents: docs/s and µs per writer phase
//   flate         the same, for Flate levels: size against time
//   long          2,500 pages with "Page X of Y" overlays: memory beyond the file
//   samples [DIR] the benchmark's invoices as PDFs, to check with pdfcheck (default out/invoice-samples)
//   svg           the bundled invoice layout's pages exported as SVG: µs per page, warm and cold
import Foundation
import PressroomGraphics
import PressroomPDF
import PressroomText

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs `body` repeatedly for at least `minimum` seconds; returns seconds per run (best of 3 rounds).
func measure(minimum: Double = 0.5, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        var runs = 0
        var elapsed = 0.0
        while elapsed < minimum / 3 {
            elapsed += try seconds(body)
            runs += 1
        }
        best = min(best, elapsed / Double(runs))
    }
    return best
}

func figure(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.2f", value) }

let registry = try FontRegistry.bundled()
let typesetter = Typesetter(registry: registry)
let czechWords = ("Příliš žluťoučký kůň úpěl ďábelské ódy. Nejneobhospodařovávatelnějšími pozemky se ukázaly ty, "
    + "které ležely daleko od vesnice, a proto je správci rozdělili mezi nejvytrvalejší hospodáře. "
    + "Elektroinstalační společnosti zpracovávají objednávky s mimořádnou pečlivostí a spolehlivostí.")
    .split(separator: " ").map(String.init)
func czech(words: Int) -> String { (0..<words).map { czechWords[$0 % czechWords.count] }.joined(separator: " ") }

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case nil:
    break
case "writer":
    try writerBenchmark(typesetter: typesetter, seconds: 3, logo: true)
    try writerBenchmark(typesetter: typesetter, seconds: 3, logo: false)
    exit(0)
case "flate":
    try flateBenchmark(typesetter: typesetter, seconds: 2)
    exit(0)
case "long":
    try longDocumentBenchmark(typesetter: typesetter, pageCount: 2_500)
    exit(0)
case "svg":
    try svgBenchmark(registry: registry, seconds: 1)
    exit(0)
case "samples":
    try writeInvoiceSamples(typesetter: typesetter, count: 8, to: arguments.dropFirst().first ?? "out/invoice-samples")
    exit(0)
case let mode?:
    FileHandle.standardError.write(Data("unknown mode \(mode): use writer, flate, long, svg or samples [DIR], or nothing for the core figures\n".utf8))
    exit(2)
}

print("Pressroom core benchmarks (release build expected; times are best of 3 rounds)")
print(String(repeating: "-", count: 72))

// 1. Shaping throughput.
let mixed = [TextSpan(czech(words: 200) + " Чуєш їх, доцю, га? Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. سلام עולם",
                      style: TextStyle(size: 10, language: "cs"))]
let oneLine = try typesetter.typeset(mixed, width: .greatestFiniteMagnitude)
let glyphCount = oneLine.lines.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.run.glyphs.count } }
let shapeTime = try measure { _ = try typesetter.measure(mixed) }
print("shaping            \(figure(Double(glyphCount) / shapeTime)) glyphs/s  (\(glyphCount) glyphs, mixed scripts)")

// 2. Paragraph breaking with hyphenation, and linearity.
let style = ParagraphStyle(alignment: .justified, hyphenate: true)
var perWord: [(Int, Double)] = []
for words in [200, 2_000] {
    let spans = [TextSpan(czech(words: words), style: TextStyle(size: 10, language: "cs"))]
    let time = try measure { _ = try typesetter.typeset(spans, width: 240, style: style) }
    perWord.append((words, time))
    print("paragraph breaking \(figure(Double(words) / time)) words/s  (\(words) words, justified, hyphenated, shaping included)")
}
let ratio = perWord[1].1 / perWord[0].1
print("linearity          10× longer paragraph took \(figure(ratio))× as long (target ≤ 12×)")

// 3. PDF writing: a page of text lines, written again and again.
let pageText = try typesetter.typeset([TextSpan(czech(words: 450), style: TextStyle(size: 10, language: "cs"))],
                                      width: Size.a4.width - 100, style: style)
var page = Page(size: .a4)
page.add(pageText, at: Point(x: 50, y: 50))
let pagesPerDocument = 20
let writeTime = try measure { _ = try PDFDocumentWriter.render(Array(repeating: page, count: pagesPerDocument)) }
print("PDF writing        \(figure(Double(pagesPerDocument) / writeTime)) pages/s  (text page of \(pageText.lines.count) lines, fonts subset, streams compressed)")

// 4. Size of a one-page, one-font text document.
let onePage = try PDFDocumentWriter.render([page])
print("one-page size      \(onePage.count / 1024) KiB (\(onePage.count) bytes; target < 25 KB, one font, subset)")
