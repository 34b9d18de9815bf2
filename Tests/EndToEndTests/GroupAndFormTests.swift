// What print and imposition draw with: groups (a transformation and a clip around items), forms
// (a finished page placed as a whole, written once however often it is placed) and page boxes.
// Checked where it matters: where the pixels land when poppler renders the PDF, and when librsvg
// renders the SVG export of the same page.
import Foundation
import PressroomGraphics
import PressroomImages
import PressroomPDF
import PressroomSVG
import Testing
import TestScratch

/// A 200 × 200 pt page: a black square seen through a translated, clipped group, and a 50 × 50
/// form (black in its top-left quarter) placed three times: moved, scaled by 2, and turned.
private func testPage() -> (page: Page, form: PageForm) {
    let square = PageItem.path(.rectangle(Rect(x: 0, y: 0, width: 100, height: 100)), fill: .black, stroke: nil)
    let formPage = Page(size: Size(width: 50, height: 50),
                        items: [.path(.rectangle(Rect(x: 0, y: 0, width: 25, height: 25)), fill: .black, stroke: nil)])
    let form = PageForm(formPage)
    var page = Page(size: Size(width: 200, height: 200),
                    boxes: PageBoxes(bleed: Rect(x: 5, y: 5, width: 190, height: 190), trim: Rect(x: 10, y: 10, width: 180, height: 180)))
    page.add(.group(PageGroup(transform: .translation(x: 50, y: 20), clip: .rectangle(Rect(x: 0, y: 0, width: 40, height: 40)), items: [square])))
    page.add(.form(form, transform: .translation(x: 120, y: 20)))
    page.add(.form(form, transform: Transform.scale(x: 2, y: 2).then(.translation(x: 20, y: 120))))
    page.add(.form(form, transform: Transform.rotation(degrees: 90).then(.translation(x: 190, y: 120))))
    return (page, form)
}

/// (x, y) in points → black (true) or white (false), for the pixel probes both renderers must agree on.
private let probes: [(x: Int, y: Int, black: Bool)] = [
    (60, 30, true), (95, 30, false), (30, 30, false), (70, 70, false),   // the clipped group
    (130, 30, true), (160, 30, false),                                   // moved
    (60, 160, true), (80, 160, false), (30, 130, true),                  // scaled by 2
    (180, 130, true), (150, 130, false), (180, 160, false),              // turned a quarter clockwise
]

/// Gray levels of a PGM (P5) file.
private func pgm(_ path: String) throws -> (width: Int, pixels: [UInt8]) {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var fields: [String] = [], current = "", index = 0
    while fields.count < 4 {
        let byte = bytes[index]; index += 1
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            if !current.isEmpty { fields.append(current); current = "" }
        } else { current.append(Character(UnicodeScalar(byte))) }
    }
    return (Int(fields[1]) ?? 0, Array(bytes[index...]))
}

private func check(_ image: (width: Int, pixels: [UInt8]), _ renderer: String) {
    for probe in probes {
        let value = image.pixels[probe.y * image.width + probe.x]
        #expect((value < 64) == probe.black, "\(renderer): (\(probe.x), \(probe.y)) is \(value), expected \(probe.black ? "black" : "white")")
    }
}

@Test func groupsAndFormsLandWherePopplerAndLibrsvgDrawThem() throws {
    let (page, _) = testPage()
    let folder = Scratch.url("pressroom-groups-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let pdf = folder.appendingPathComponent("page.pdf").path
    try Data(try PDFDocumentWriter.render([page])).write(to: URL(fileURLWithPath: pdf))
    let check1 = try PDFCheck.run(pdf, renderCompare: true)
    #expect(check1.passed, "\(check1.output)")
    let raster = try ExternalTool.run("pdftoppm", ["-r", "72", "-gray", "-singlefile", pdf, folder.appendingPathComponent("pdf").path])
    #expect(raster.status == 0, "\(raster.errors)")
    check(try pgm(folder.appendingPathComponent("pdf.pgm").path), "poppler")

    let svg = folder.appendingPathComponent("page.svg").path
    try SVGPageWriter().svg(for: page).write(toFile: svg, atomically: true, encoding: .utf8)
    let png = folder.appendingPathComponent("svg.png").path
    // 72 dpi: one pixel a point, as for poppler.
    let converted = try ExternalTool.run("rsvg-convert", ["--dpi-x", "72", "--dpi-y", "72", "--format", "png", "--output", png, svg])
    #expect(converted.status == 0, "\(converted.errors)")
    let image = try RasterImage.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: png))), source: png)
    let components = image.colourSpace.components
    #expect(image.width == 200 && image.bitsPerComponent == 8)
    let gray = stride(from: 0, to: image.data.count, by: components).map { index in
        UInt8(image.data[index..<index + components].reduce(0) { $0 + Int($1) } / components)
    }
    check((image.width, gray), "librsvg")
}

@Test func aFormIsWrittenOnceAndBoxesAreFlippedIntoPDFSpace() throws {
    let (page, _) = testPage()
    var options = PDFFileWriter.Options()
    options.compressStreams = false
    options.useObjectStreams = false
    let text = String(decoding: try PDFDocumentWriter.render([page, page], options: options), as: UTF8.self)
    #expect(text.components(separatedBy: "/Subtype/Form").count - 1 == 1, "one Form XObject for six placements")
    #expect(text.components(separatedBy: "/Fm1 Do").count - 1 == 6)
    #expect(text.contains("/TrimBox[10 10 190 190]"), "trim box")
    #expect(text.contains("/BleedBox[5 5 195 195]"), "bleed box")
    #expect(text.contains("W\nn\n"), "the group's clip")
}
