// The SVG writer: well-formed documents, glyphs defined once and reused, colours as the PDF paints
// them, strokes, images as data URIs, links, escaping of hostile values, source marks on request,
// ids that never clash, and bytes that depend on the page alone.
import Foundation
import PressroomGraphics
@testable import PressroomSVG
import PressroomText
import Testing

private func parsed(_ svg: String) throws -> ParsedSVG {
    switch ParsedSVG.parse(svg) {
    case .success(let document): return document
    case .failure(let error):
        Issue.record("not well-formed XML: \(error)\n\(svg.prefix(2000))")
        throw error
    }
}

/// A page with one of everything.
private func everythingPage() throws -> Page {
    var page = try Fixtures.page("Hello, world", colour: Swatch(Colour(hex: "#C0392B")!))
    page.add(.path(.rectangle(Rect(x: 10, y: 20, width: 30, height: 40)), fill: .gray(0.5),
                   stroke: Stroke(colour: .black, width: 0.75)))
    page.add(.image(ImageSource(bytes: try Fixtures.bytes("Fixtures/images/rgb8.png"), name: "rgb8.png"),
                    frame: Rect(x: 100, y: 200, width: 50, height: 25)))
    page.add(.link(Rect(x: 50, y: 90, width: 60, height: 12), uri: "https://example.com/?a=1&b=2"))
    page.add(.source(Rect(x: 50, y: 90, width: 60, height: 12),
                     SourceMark(kind: "text", component: "greeting", file: "invoice.yaml", line: 3, column: 5)))
    return page
}

@Test func aPageIsAWellFormedStandaloneSVG() throws {
    let svg = SVGPageWriter().svg(for: try everythingPage())
    let document = try parsed(svg)
    let root = try #require(document.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["viewBox"] == "0 0 595.2756 841.8898")
    #expect(root.attributes["width"] == "595.2756pt" && root.attributes["height"] == "841.8898pt")
    // The paper comes first, white, over the whole page.
    let paper = try #require(document.all("rect").first)
    #expect(paper.attributes["fill"] == "#ffffff" && paper.attributes["width"] == "595.2756")
    #expect(document.all("image").count == 1 && document.all("a").count == 1)
    #expect(!document.all("use").isEmpty)
    // Source marks are not asked for by default.
    #expect(!svg.contains("pr-source"))
}

@Test func eachGlyphIsDefinedOnceAndReused() throws {
    let page = try Fixtures.page("oooo ooo lol")
    let document = try parsed(SVGPageWriter().svg(for: page))
    let definitions = document.all("path").filter { $0.ancestors.contains("defs") }
    let ids = definitions.compactMap { $0.attributes["id"] }
    // "o" and "l": the space draws nothing and is neither defined nor used.
    #expect(ids.count == 2 && Set(ids).count == 2, "\(ids)")
    let uses = document.all("use")
    #expect(uses.count == 10)
    let references = Dictionary(grouping: uses, by: { $0.attributes["href"] ?? "" }).mapValues(\.count)
    #expect(references.count == 2)
    #expect(Set(references.keys) == Set(ids.map { "#" + $0 }))
    #expect(references.values.sorted() == [2, 8])
    // Every use sits in a run group that carries the scale and the colour.
    #expect(uses.allSatisfy { $0.ancestors.last == "g" })
    // Glyph positions follow the typesetter: the second "o" is one advance to the right.
    let face = try #require(try Fixtures.registry.get().face(family: "Noto Sans"))
    let advance = face.advance(of: try #require(face.glyph(for: "o")))
    #expect(uses[1].attributes["x"] == "\(advance)")
}

@Test func theSameGlyphIsDefinedOnceAcrossRunsAndSizes() throws {
    var page = try Fixtures.page("ll")
    page.add(try Fixtures.paragraph("l", style: TextStyle(size: 20)), at: Point(x: 50, y: 200))
    page.add(try Fixtures.paragraph("l", style: TextStyle(weight: 700, size: 10)), at: Point(x: 50, y: 300))
    let document = try parsed(SVGPageWriter().svg(for: page))
    let ids = document.all("path").filter { $0.ancestors.contains("defs") }.compactMap { $0.attributes["id"] }
    // Regular "l" once for both sizes, bold "l" from another face.
    #expect(ids == ["g0-\(try #require(try Fixtures.registry.get().face(family: "Noto Sans")?.glyph(for: "l")))",
                    "g1-\(try #require(try Fixtures.registry.get().face(family: "Noto Sans", weight: 700)?.glyph(for: "l")))"])
    let groups = document.all("g").compactMap { $0.attributes["transform"] }
    // Scale = size / unitsPerEm (1000 in Noto Sans); the origin is the run's baseline start.
    try #require(groups.count == 3, "\(groups)")
    #expect(groups[0].hasPrefix("matrix(0.01 0 0 0.01 50 ") && groups[1].hasPrefix("matrix(0.02 0 0 0.02 50 "))
}

@Test func textIsFilledWithItsColourInLowercaseHex() throws {
    let svg = SVGPageWriter().svg(for: try Fixtures.page("Total", colour: Swatch(Colour(hex: "#C0392B")!)))
    #expect(svg.contains("<g fill=\"#c0392b\""))
}

@Test(arguments: [
    (Colour.rgb(1, 0.5, 0), "#ff8000"),
    (Colour(hex: "#1D2430")!, "#1d2430"),
    (Colour.gray(0), "#000000"),
    (Colour.gray(0.5), "#808080"),
    (Colour.white, "#ffffff"),
    (Colour.cmyk(0, 1, 1, 0), "#ff0000"),
    (Colour.cmyk(0, 0, 0, 0.5), "#808080"),
    (Colour.cmyk(1, 0.55, 0, 0.2), "#005ccc"),
    // A spot ink is its CMYK alternate at the tint: half of pure cyan is (0.5, 0, 0, 0).
    (Colour.spot(SpotColour(name: "PANTONE 2945 C", cyan: 1, magenta: 0, yellow: 0, black: 0), tint: 0.5), "#80ffff"),
    (Colour.spot(SpotColour(name: "Gold", cyan: 0, magenta: 0.2, yellow: 1, black: 0.2), tint: 1), "#cca300"),
    (Colour.spot(SpotColour(name: "Gold", cyan: 0, magenta: 0.2, yellow: 1, black: 0.2), tint: 0), "#ffffff"),
    // Out of range and NaN components are clamped, never crash.
    (Colour.rgb(2, -1, .nan), "#ff0000"),
])
func coloursAreWhatThePDFPaints(colour: Colour, hex: String) throws {
    #expect(SVGColour.hex(colour) == hex)
    var page = Page(size: .a4)
    page.add(.path(.rectangle(Rect(x: 0, y: 0, width: 10, height: 10)), fill: Swatch(colour), stroke: Stroke(colour: Swatch(colour))))
    let path = try #require(try parsed(SVGPageWriter().svg(for: page)).all("path").first)
    #expect(path.attributes["fill"] == hex && path.attributes["stroke"] == hex)
}

@Test func strokesCarryWidthDashesCapsAndJoins() throws {
    var page = Page(size: .a4)
    page.add(.path(.line(from: Point(x: 10, y: 10.005), to: Point(x: 100, y: -0.0001)), fill: nil,
                   stroke: Stroke(colour: .black, width: 0.5, dash: [3, 1.5], dashPhase: 0.25, join: .bevel, cap: .round)))
    page.add(.path(.rectangle(Rect(x: 1, y: 2, width: 3, height: 4)), fill: .black, stroke: nil))
    page.add(.path(.rectangle(Rect(x: 1, y: 2, width: 3, height: 4)), fill: nil, stroke: Stroke(colour: .black, width: 0)))
    page.add(.path(.rectangle(Rect(x: 1, y: 2, width: 3, height: 4)), fill: nil, stroke: nil))
    let paths = try parsed(SVGPageWriter().svg(for: page)).all("path")
    #expect(paths.count == 3, "a path with neither fill nor stroke draws nothing")
    let dashed = paths[0].attributes
    #expect(dashed["d"] == "M10 10.01L100 0", "compact numbers, no -0")
    #expect(dashed["fill"] == "none" && dashed["stroke"] == "#000000" && dashed["stroke-width"] == "0.5")
    #expect(dashed["stroke-dasharray"] == "3 1.5" && dashed["stroke-dashoffset"] == "0.25")
    #expect(dashed["stroke-linecap"] == "round" && dashed["stroke-linejoin"] == "bevel")
    #expect(dashed["stroke-miterlimit"] == nil)
    let filled = paths[1].attributes
    #expect(filled["d"] == "M1 2L4 2L4 6L1 6Z" && filled["fill"] == "#000000" && filled["stroke"] == nil)
    // PDF's defaults where SVG's differ: miter limit 10; a zero width is a one-pixel line.
    let hairline = paths[2].attributes
    #expect(hairline["stroke-miterlimit"] == "10" && hairline["stroke-linejoin"] == nil && hairline["stroke-linecap"] == nil)
    #expect(hairline["stroke-width"] == "1" && hairline["vector-effect"] == "non-scaling-stroke")
}

@Test func numbersAreCompact() {
    func written(_ value: Double, _ decimals: Int) -> String {
        var output = SVGOutput()
        output.append(number: value, decimals: decimals)
        return output.string
    }
    #expect(written(0, 2) == "0" && written(-0.0, 2) == "0" && written(-0.004, 2) == "0")
    #expect(written(-0.005, 2) == "-0.01" && written(12.5, 2) == "12.5" && written(12.345678, 2) == "12.35")
    #expect(written(100, 2) == "100" && written(-7.1, 1) == "-7.1" && written(0.00439453125, 9) == "0.004394531")
    #expect(written(1e300, 2) == "9000000000000000" && written(.nan, 2) == "0" && written(.infinity, 2) == "0")
    #expect(written(595.2755905511812, 4) == "595.2756")
}

@Test func imagesAreDataURIsOfTheirOwnBytes() throws {
    let png = try Fixtures.bytes("Fixtures/images/rgba8.png")
    let jpeg = try Fixtures.bytes("Fixtures/images/rgb.jpg")
    var page = Page(size: .a4)
    let logo = ImageSource(bytes: png, name: "logo.png")
    page.add(.image(logo, frame: Rect(x: 10.5, y: 20, width: 100, height: 50.25)))
    page.add(.image(ImageSource(bytes: jpeg, name: "photo.jpg"), frame: Rect(x: 0, y: 0, width: 10, height: 10)))
    page.add(.image(ImageSource(bytes: [1, 2, 3], name: "junk"), frame: Rect(x: 0, y: 0, width: 10, height: 10)))
    page.add(.image(logo, frame: Rect(x: 0, y: 0, width: 0, height: 10)))
    let images = try parsed(SVGPageWriter().svg(for: page)).all("image")
    #expect(images.count == 2, "neither unknown bytes nor an empty frame draw anything")
    let first = images[0].attributes
    #expect(first["x"] == "10.5" && first["y"] == "20" && first["width"] == "100" && first["height"] == "50.25")
    #expect(first["preserveAspectRatio"] == "none")
    let prefix = "data:image/png;base64,"
    let href = try #require(first["href"])
    #expect(href.hasPrefix(prefix))
    #expect(Data(base64Encoded: String(href.dropFirst(prefix.count))).map { [UInt8]($0) } == png)
    #expect(images[1].attributes["href"]?.hasPrefix("data:image/jpeg;base64,") == true)
}

@Test func theImageCacheKeepsToItsBudget() throws {
    let png = try Fixtures.bytes("Fixtures/images/rgb8.png")
    let cache = SVGImageCache(budget: 4_000)
    let sources = (0..<10).map { ImageSource(bytes: png, name: "\($0).png") }
    for source in sources { #expect(cache.dataURI(for: source) != nil) }
    // Evicted entries are made again on demand, the same.
    #expect(cache.dataURI(for: sources[0]) == SVGImageCache.dataURI(png))
}

@Test func hostileValuesAreEscaped() throws {
    var page = Page(size: .a4)
    let hostile = "\"/><script>alert('x')</script>&amp;<!-- \u{1}\u{FFFE}\ttab"
    page.add(.link(Rect(x: 0, y: 0, width: 10, height: 10), uri: "https://example.com/\"><script>?q=<a>&x"))
    page.add(.link(Rect(x: 0, y: 0, width: 10, height: 10), uri: "javascript:alert(1)"))
    page.add(.link(Rect(x: 0, y: 0, width: 10, height: 10), uri: " java\tscript:alert(1)"))
    page.add(.source(Rect(x: 1, y: 2, width: 3, height: 4),
                     SourceMark(kind: hostile, component: hostile, file: hostile, line: 7, column: 9, dataPath: hostile)))
    let svg = SVGPageWriter().svg(for: page, options: SVGOptions(idPrefix: "p\"<&", includeSources: true))
    #expect(!svg.contains("<script"))
    let document = try parsed(svg)
    let links = document.all("a")
    #expect(links.count == 1, "only schemes that cannot run script are linked")
    #expect(links.first?.attributes["href"] == "https://example.com/\"><script>?q=<a>&x")
    let mark = try #require(document.all("rect").first { $0.attributes["class"] == "pr-source" }).attributes
    // Characters XML cannot carry are left out (as in the PDF's XMP and the e-invoice).
    let survived = hostile.replacingOccurrences(of: "\u{1}", with: "").replacingOccurrences(of: "\u{FFFE}", with: "")
    #expect(mark["data-kind"] == survived && mark["data-component"] == survived && mark["data-file"] == survived)
    #expect(mark["data-path"] == survived)
}

@Test func sourceMarksOnlyWhenAskedInDisplayListOrder() throws {
    var page = try Fixtures.page("Marked")
    page.add(.source(Rect(x: 10, y: 20, width: 30, height: 40),
                     SourceMark(kind: "table", component: nil, file: "invoice.yaml", line: 12, column: 3)))
    page.add(.path(.rectangle(Rect(x: 0, y: 0, width: 5, height: 5)), fill: .black, stroke: nil))
    page.add(.source(Rect(x: 1, y: 2, width: 3, height: 4.5),
                     SourceMark(kind: "box `address`", component: "address-block", file: "components/address-block.yaml",
                                line: 8, column: 5, dataPath: "customer.name")))
    let writer = SVGPageWriter()
    #expect(!writer.svg(for: page).contains("pr-source"))
    let svg = writer.svg(for: page, options: SVGOptions(includeSources: true))
    let document = try parsed(svg)
    let marks = document.all("rect").filter { $0.attributes["class"] == "pr-source" }
    #expect(marks.count == 2)
    #expect(marks.allSatisfy { $0.ancestors.last == "g" && $0.attributes["fill"] == "none" })
    #expect(marks[0].attributes == ["class": "pr-source", "x": "10", "y": "20", "width": "30", "height": "40", "fill": "none",
                                    "data-kind": "table", "data-file": "invoice.yaml", "data-line": "12", "data-column": "3"])
    #expect(marks[1].attributes["data-component"] == "address-block" && marks[1].attributes["data-path"] == "customer.name")
    #expect(marks[1].attributes["data-kind"] == "box `address`" && marks[1].attributes["height"] == "4.5")
    // After everything drawn: the group is the document's last element tree.
    #expect(svg.hasSuffix("</g></svg>\n") && svg.contains("<g class=\"pr-sources\">"))
    let lastDrawn = try #require(svg.range(of: "<path d=\"M0 0")).lowerBound
    #expect(lastDrawn < (try #require(svg.range(of: "pr-sources")).lowerBound))
}

@Test func everyIdCarriesThePrefix() throws {
    let page = try everythingPage()
    let svg = SVGPageWriter().svg(for: page, options: SVGOptions(idPrefix: "page3-"))
    let document = try parsed(svg)
    let ids = document.elements.compactMap { $0.attributes["id"] }
    #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("page3-g") })
    let references = document.all("use").compactMap { $0.attributes["href"] }
    #expect(!references.isEmpty && references.allSatisfy { $0.hasPrefix("#page3-g") && ids.contains(String($0.dropFirst())) })
}

@Test func theSamePageGivesTheSameBytes() throws {
    let page = try everythingPage()
    let other = try Fixtures.page("Something else entirely: ÁÉÍ ŘŽ", style: TextStyle(family: "Noto Serif", size: 12))
    let writer = SVGPageWriter()
    let first = writer.svg(for: page)
    _ = writer.svg(for: other)
    #expect(writer.svg(for: page) == first, "warm caches change nothing")
    #expect(SVGPageWriter().svg(for: page) == first, "a new writer changes nothing")
}

@Test func rightToLeftRunsKeepTheirVisualPositions() throws {
    let page = try Fixtures.page("مرحبا بالعالم", style: TextStyle(size: 12, language: "ar"))
    let document = try parsed(SVGPageWriter().svg(for: page))
    let xs = document.all("use").map { Double($0.attributes["x"] ?? "0")! }
    #expect(xs.count >= 10)
    // Visual order, left to right, as the PDF writer places them.
    #expect(xs == xs.sorted())
}
