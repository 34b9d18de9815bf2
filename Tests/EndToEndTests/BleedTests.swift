// Backgrounds and rules marked `bleed:` run past the page edges they touch, into the bleed the
// print variant's press sheet carries, and nowhere else: read back from the sheet's raster (one
// pixel a point). A box away from the edges keeps its background inside its frame, and a box
// without `bleed:` stops at the trim. An unknown background colour is a problem at the box's line.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction
import Testing

private let bannerLayout = """
layout: banner
theme: brand
title: Banner
page:
  size: A4
  first:
    body: { top: 40mm, right: 20mm, bottom: 20mm, left: 20mm }
    boxes:
      - name: band
        at: [0mm, 0mm]
        size: [210mm, 12mm]
        background: highlight
        bleed: true
        content: [ { text: "Banner" } ]
      - name: rule
        at: [0mm, 280mm]
        size: [210mm, 2mm]
        bleed: true
        content: [ { rule: { thickness: 2mm, colour: accent } } ]
      - name: inner
        at: [50mm, 100mm]
        size: [40mm, 20mm]
        background: accent
        bleed: true
        content: [ { text: " " } ]
      - name: edge-without-bleed
        at: [190mm, 150mm]
        size: [20mm, 20mm]
        background: accent
        content: [ { text: " " } ]
flow:
  - text: "Body"
"""

/// An RGB raster of `pdf`'s first page at 72 dpi: (width, pixel(x, y) -> (r, g, b)).
private func raster(_ pdf: String) throws -> (width: Int, pixel: (Int, Int) -> (Int, Int, Int)) {
    let prefix = pdf + "-raster"
    let result = try ExternalTool.run("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, prefix])
    guard result.status == 0 else { throw ExternalToolError.failed(command: "pdftoppm", status: result.status, output: result.errors) }
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
    // P6 <width> <height> 255, then RGB triples.
    var fields: [Int] = [], index = 2
    while fields.count < 3 {
        while bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
        var number = 0
        while bytes[index] >= 0x30 && bytes[index] <= 0x39 { number = number * 10 + Int(bytes[index] - 0x30); index += 1 }
        fields.append(number)
    }
    let start = index + 1, width = fields[0]
    return (width, { x, y in
        let at = start + (y * width + x) * 3
        return (Int(bytes[at]), Int(bytes[at + 1]), Int(bytes[at + 2]))
    })
}

@Test func backgroundsAndRulesMarkedBleedRunIntoTheBleed() throws {
    let scratch = try ScratchLayouts("bleed")
    try scratch.write(bannerLayout, to: "banner.yaml")
    let library = try LayoutLibrary(directory: scratch.folder.path)
    let layout = try library.layout(named: "banner")
    #expect(library.problems(in: layout, theme: try library.theme(named: "brand")).isEmpty)
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: "brand"), registry: try Samples.registry.get())
    let document = try DocumentProducer(renderer: renderer, variant: try PrintSamples.variant.get()).document(for: .object([:]))
    let path = try Samples.write(document, "bleed-banner")
    let check = try PDFCheck.run(path, ["--profile", "pdfx", "--profile", "print", "--min-bleed", "3"], renderCompare: false)
    #expect(check.passed, "\(check.output)")

    let (_, pixel) = try raster(path)
    func mm(_ value: Double) -> Int { Int((value * 72 / 25.4).rounded()) }
    let trim = 15.0  // the sheet's slug: the trim's corner on the media
    func isWhite(_ x: Double, _ y: Double) -> Bool { let (r, g, b) = pixel(mm(trim + x), mm(trim + y)); return r > 245 && g > 245 && b > 245 }
    // The band: inside the trim, in the bleed above it and beyond its left and right edges.
    #expect(!isWhite(100, 6), "the band inside the trim")
    #expect(!isWhite(100, -1.5), "the band in the bleed above the top edge")
    #expect(!isWhite(-1.5, 6) && !isWhite(211.5, 6), "the band in the bleed beyond the side edges")
    #expect(isWhite(100, -4.5), "nothing past the 3 mm bleed")
    // The full-width rule runs into the side bleeds.
    #expect(!isWhite(-1.5, 281) && !isWhite(211.5, 281), "the rule in the side bleeds")
    // A box away from the edges keeps to its frame; one without bleed stops at the trim.
    #expect(!isWhite(70, 110) && isWhite(48.5, 110) && isWhite(70, 98.5))
    #expect(!isWhite(205, 160) && isWhite(211.5, 160), "no bleed without `bleed:`")
}

@Test func anUnknownBackgroundColourIsAProblemAtTheBox() throws {
    let scratch = try ScratchLayouts("bleed-colour")
    try scratch.write(bannerLayout.replacingOccurrences(of: "background: highlight", with: "background: hilite"), to: "banner.yaml")
    let library = try LayoutLibrary(directory: scratch.folder.path)
    let problems = library.problems(in: try library.layout(named: "banner"), theme: try library.theme(named: "brand"))
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("colour `hilite` is not in theme `brand`") == true, "\(problems)")
    #expect(problems.first?.location?.line == 9, "the band's line")
}
