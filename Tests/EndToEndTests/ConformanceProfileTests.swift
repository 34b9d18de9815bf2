// One test per violation kind a profile prohibits: a document that breaks it is refused, naming
// the violation and where it happened (the layout file:line of the block, the data path, the
// page); the same document made to keep the rule is written and passes the judges of that profile
// (pdfcheck's PDF/A checks, Tests/Tools/structure_check.py for PDF/UA).
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction
import PressroomText
import Testing
import TestScratch

/// A variant made for a test: any colours under any profiles.
private struct TestVariant: OutputVariant {
    var colours: ColourChoice = .screen
    var profiles: [PDFProfile]
    var tagged = false
    var name: String { "test" }
    func settings(for layout: Layout) -> PDFSettings { PDFSettings(colours: colours, profiles: profiles, tagged: tagged) }
}

private func refusal(_ body: () throws -> Any) throws -> ConformanceRefusal {
    do { _ = try body() } catch let refusal as ConformanceRefusal { return refusal }
    Issue.record("the document was written; a refusal was expected")
    return ConformanceRefusal(profiles: [], violations: [])
}

private func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = Scratch.url("pressroom-profile-\(name)-\(getpid()).pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

private func structureCheck(_ path: String, _ arguments: [String] = []) throws -> (passed: Bool, output: String) {
    let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/structure_check.py").path
    let result = try ExternalTool.run("python3", [script, path] + arguments, mergeErrors: true)
    return (result.status == 0, result.output)
}

@Suite("Conformance profiles refuse what they prohibit, with its location")
struct ConformanceProfileTests {
    static let sRGB = Result { try ICCProfile.sRGB() }

    /// The bug the profiles were made for: print colours (CMYK, spot inks) written as PDF/A with
    /// the sRGB intent. Refused at the first block that paints them; the screen colours pass.
    @Test func printColoursUnderAnSRGBIntentAreRefusedAtTheirBlock() throws {
        let record = try Samples.records("invoices.jsonl")[0]
        let pdfa = PDFProfile.pdfA3b(outputIntent: try Self.sRGB.get())
        let printed = DocumentProducer(renderer: try Samples.renderer("invoice"), variant: TestVariant(colours: .print, profiles: [pdfa]))
        let refused = try refusal { try printed.document(for: record) }
        #expect(refused.profiles == ["PDF/A-3b"])
        #expect(!refused.violations.isEmpty && refused.violations.allSatisfy { $0.kind == .colourOutsideOutputIntent })
        let first = try #require(refused.violations.first)
        #expect(first.detail.contains("DeviceCMYK") || first.detail.contains("Separation"), "\(first)")
        let location = try #require(first.location, "a located violation: \(first)")
        #expect(location.file.hasSuffix(".yaml") && location.line > 0, "\(location)")
        #expect(first.page == 0)
        #expect(refused.description.contains("\(location.file):\(location.line)"), "\(refused)")

        let kept = DocumentProducer(renderer: try Samples.renderer("invoice"), variant: TestVariant(colours: .screen, profiles: [pdfa]))
        let path = try write(try kept.document(for: record).bytes, "screen-pdfa")
        let check = try PDFCheck.run(path, ["--profile", "pdfa"], renderCompare: false)
        #expect(check.passed, "\(check.output)")
    }

    /// A CMYK JPEG placed by a layout under the digital variant's sRGB intent is refused at the
    /// image block's line; an RGB JPEG in its place passes.
    @Test func aCMYKImageUnderTheDigitalVariantIsRefusedAtItsImageBlock() throws {
        let scratch = try ScratchLayouts("cmyk-image")
        try scratch.copyFixture("images/cmyk.jpg", to: "cmyk.jpg")
        try scratch.copyFixture("images/rgb.jpg", to: "rgb.jpg")
        for file in ["cmyk", "rgb"] {
            try scratch.write("""
            layout: picture-\(file)
            theme: brand
            title: "Picture {{ number }}"
            page:
              first:
                body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
            flow:
              - text: "{{ number }}"
              - image: \(file).jpg
                width: 40mm
                alt: "A test picture"
            """, to: "picture-\(file).yaml")
        }
        let record = try DataValue.parseJSON(Array(#"{"number": "P-1"}"#.utf8))
        let digital = try DigitalVariant.standard()
        let refused = try refusal { try scratch.producer("picture-cmyk", variant: digital).document(for: record) }
        let violation = try #require(refused.violations.first)
        #expect(violation.kind == .colourOutsideOutputIntent && violation.detail.contains("DeviceCMYK"), "\(violation)")
        #expect(violation.location?.file == "picture-cmyk.yaml" && violation.location?.line == 9, "\(violation)")

        let path = try write(try scratch.producer("picture-rgb", variant: digital).document(for: record).bytes, "rgb-image")
        #expect(try PDFCheck.run(path, ["--profile", "pdfa"], renderCompare: false).passed)
    }

    /// PDF/UA-1 §7.1: without a title the digital variant refuses, naming the layout; with one
    /// the document passes PDF/A and the PDF/UA structure check.
    @Test func aDocumentWithoutATitleIsRefusedUnderPDFUA() throws {
        let scratch = try ScratchLayouts("untitled")
        for (name, title) in [("untitled", ""), ("titled", "title: \"Note {{ number }}\"\n")] {
            try scratch.write("""
            layout: \(name)
            theme: brand
            \(title)page:
              first:
                body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
            flow:
              - text: "Note {{ number }}"
                style: title
            """, to: "\(name).yaml")
        }
        let record = try DataValue.parseJSON(Array(#"{"number": "N-1"}"#.utf8))
        let digital = try DigitalVariant.standard()
        let refused = try refusal { try scratch.producer("untitled", variant: digital).document(for: record) }
        #expect(refused.violations.map(\.kind) == [.missingTitle], "\(refused)")
        #expect(refused.violations.first?.location?.file == "untitled.yaml", "the layout is named: \(refused)")
        #expect(refused.profiles.contains("PDF/UA-1"))

        let path = try write(try scratch.producer("titled", variant: digital).document(for: record).bytes, "titled")
        #expect(try PDFCheck.run(path, ["--profile", "pdfa"], renderCompare: false).passed)
        let structure = try structureCheck(path)
        #expect(structure.passed, "\(structure.output)")
    }

    /// PDF/UA-1 §7.2: a document whose text has no language is refused; with one it passes.
    @Test func aDocumentWithoutALanguageIsRefusedUnderPDFUA() throws {
        let typesetter = Typesetter(registry: try Samples.registry.get())
        func document(language: String?) throws -> [UInt8] {
            let paragraph = StructureElement(key: StructureKey(part: 0, serial: 1), role: .paragraph)
            var page = Page(size: .a4)
            page.add(.structure(.content([paragraph])))
            page.add(try typesetter.typeset([TextSpan("Dobrý den", style: TextStyle(size: 12))], width: 300), at: Point(x: 72, y: 72))
            page.add(.structure(.end))
            return try PDFDocumentWriter.render([page], info: DocumentInfo(title: "Greeting", language: language), tagged: true,
                                                profiles: [.pdfUA1])
        }
        let refused = try refusal { try document(language: nil) }
        #expect(refused.violations.map(\.kind) == [.missingLanguage], "\(refused)")
        let structure = try structureCheck(try write(try document(language: "cs-CZ"), "language"))
        #expect(structure.passed, "\(structure.output)")
    }

    /// PDF/UA-1 §7.3: an image whose `alt:` comes out empty for a record stays a figure and is
    /// refused at its block, with the data it came from; with text it passes with one figure.
    @Test func aFigureWhoseAltTextIsEmptyIsRefusedAtItsBlock() throws {
        let scratch = try ScratchLayouts("figure")
        try scratch.write("""
        layout: signed
        theme: brand
        title: "Signed {{ number }}"
        page:
          first:
            body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
        flow:
          - text: "Signed {{ number }}"
            style: title
          - image: logo
            width: 40mm
            alt: "{{ signer }}"
        """, to: "signed.yaml")
        let digital = try DigitalVariant.standard()
        let producer = try scratch.producer("signed", variant: digital)
        let refused = try refusal { try producer.document(for: try DataValue.parseJSON(Array(#"{"number": "S-1", "signer": ""}"#.utf8))) }
        let violation = try #require(refused.violations.first)
        #expect(refused.violations.map(\.kind) == [.figureWithoutAlternateText], "\(refused)")
        #expect(violation.location?.file == "signed.yaml" && violation.location?.line == 10, "\(violation)")

        let kept = try producer.document(for: try DataValue.parseJSON(Array(#"{"number": "S-2", "signer": "Jana Nováková"}"#.utf8)))
        let structure = try structureCheck(try write(kept.bytes, "figure"), ["--figures", "1"])
        #expect(structure.passed, "\(structure.output)")
    }

    /// PDF/UA-1 §7.21.7: a glyph that stands for no text (ToUnicode maps it to nothing) is refused
    /// where its source mark says; the same glyph with its text passes pdfcheck's ToUnicode check.
    @Test func aGlyphWithoutUnicodeTextIsRefused() throws {
        let typesetter = Typesetter(registry: try Samples.registry.get())
        let set = try typesetter.typeset([TextSpan("Ahoj", style: TextStyle(size: 12))], width: 300)
        let run = try #require(set.lines.first?.runs.first?.run)
        func document(dropText: Bool) throws -> [UInt8] {
            var damaged = run
            if dropText { damaged.glyphs[1].textRange = 1..<1 }
            let paragraph = StructureElement(key: StructureKey(part: 0, serial: 1), role: .paragraph)
            let mark = SourceMark(kind: "text", component: nil, file: "greeting.yaml", line: 7, column: 5, dataPath: "$.greeting")
            var page = Page(size: .a4)
            page.add(.structure(.content([paragraph])))
            page.add(.text(damaged, origin: Point(x: 72, y: 90), colour: .black))
            page.add(.structure(.end))
            page.add(.source(Rect(x: 72, y: 72, width: 300, height: 30), mark))
            return try PDFDocumentWriter.render([page], info: DocumentInfo(title: "Greeting", language: "cs"), tagged: true,
                                                profiles: [.pdfUA1])
        }
        let refused = try refusal { try document(dropText: true) }
        let violation = try #require(refused.violations.first)
        #expect(violation.kind == .glyphWithoutUnicode, "\(refused)")
        #expect(violation.location?.line == 7 && violation.location?.dataPath == "$.greeting", "\(violation)")
        #expect(refused.description.contains("greeting.yaml:7:5"), "\(refused)")

        let path = try write(try document(dropText: false), "unicode")
        let check = try PDFCheck.run(path, renderCompare: false)
        #expect(check.passed && check.output.contains("PASS fonts_tounicode"), "\(check.output)")
    }

    /// A house profile forbidding transparency (as presses that cannot flatten ask) refuses the
    /// logo with its alpha channel, at the logo component; an opaque picture passes.
    @Test func transparencyIsRefusedWhereAProfileForbidsIt() throws {
        let flat = PDFProfile.custom("no transparency", prohibiting: [.transparency])
        let record = try Samples.records("letters.jsonl")[0]
        let producer = DocumentProducer(renderer: try Samples.renderer("letter"), variant: TestVariant(profiles: [flat]))
        let refused = try refusal { try producer.document(for: record) }
        let violation = try #require(refused.violations.first)
        #expect(refused.profiles == ["no transparency"] && violation.kind == .transparency, "\(refused)")
        #expect(violation.location?.component == "logo" || violation.location?.file.contains("logo") == true, "\(violation)")

        let scratch = try ScratchLayouts("opaque")
        try scratch.copyFixture("images/rgb8.png", to: "opaque.png")
        try scratch.write("""
        layout: opaque
        theme: brand
        title: "Opaque"
        page:
          first:
            body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
        flow:
          - text: "An opaque picture"
          - image: opaque.png
            width: 30mm
        """, to: "opaque.yaml")
        let kept = try scratch.producer("opaque", variant: TestVariant(profiles: [flat])).document(for: try DataValue.parseJSON(Array("{}".utf8)))
        #expect(try PDFCheck.run(try write(kept.bytes, "opaque"), renderCompare: false).passed)
    }
}

@Suite("Profiles: forms, groups, untagged claims and combined files")
struct ConformanceScopeTests {
    private static let cmykMark = SourceMark(kind: "rule", component: nil, file: "form.yaml", line: 3, column: 1)
    private static let pageMark = SourceMark(kind: "rule", component: nil, file: "page.yaml", line: 8, column: 1)

    /// A violation inside a placed form is located by the form's own marks; one the page made
    /// before placing it keeps the page's.
    @Test func violationsInAFormAndOnItsPageKeepTheirOwnLocations() throws {
        let cmyk = PageItem.path(.rectangle(Rect(x: 5, y: 5, width: 10, height: 10)), fill: .cmyk(0, 0, 0, 1), stroke: nil)
        let form = PageForm(Page(size: Size(width: 50, height: 50), items: [cmyk, .source(Rect(x: 0, y: 0, width: 50, height: 50), Self.cmykMark)]))
        var page = Page(size: .a4)
        page.add(.path(.rectangle(Rect(x: 300, y: 300, width: 10, height: 10)), fill: .spot(SpotColour(name: "Gold", cyan: 0, magenta: 0.2, yellow: 1, black: 0.2), tint: 1), stroke: nil))
        page.add(.form(form, transform: .translation(x: 100, y: 100)))
        page.add(.source(Rect(x: 290, y: 290, width: 40, height: 40), Self.pageMark))
        let refused = try refusal {
            try PDFDocumentWriter.render([page], info: DocumentInfo(title: "t", language: "en"),
                                         profiles: [.pdfA3b(outputIntent: try ConformanceProfileTests.sRGB.get())])
        }
        let files = Set(refused.violations.compactMap { $0.location?.file })
        #expect(files == ["form.yaml", "page.yaml"], "\(refused)")
    }

    /// A link inside a moved group is annotated where it is drawn.
    @Test func aLinkInsideAGroupIsAnnotatedWhereItLands() throws {
        var page = Page(size: Size(width: 200, height: 200))
        page.add(.group(PageGroup(transform: .translation(x: 50, y: 20), items: [.link(Rect(x: 0, y: 0, width: 10, height: 10), uri: "https://example.com")])))
        var options = PDFFileWriter.Options()
        options.compressStreams = false
        options.useObjectStreams = false
        let text = String(decoding: try PDFDocumentWriter.render([page], options: options), as: UTF8.self)
        #expect(text.contains("/Rect[50 170 60 180]"), "the annotation rectangle follows the group")
    }

    /// Claiming PDF/UA-1 without tagging is refused, not written.
    @Test func claimingPDFUAWithoutTaggingIsRefused() throws {
        let refused = try refusal {
            try PDFDocumentWriter.render([Page(size: .a4)], info: DocumentInfo(title: "t", language: "en"), profiles: [.pdfUA1])
        }
        #expect(refused.violations.map(\.kind) == [.untagged])
    }

    /// Boxes that do not nest are refused for the page, naming it.
    @Test func pageBoxesMustNest() throws {
        let page = Page(size: Size(width: 100, height: 100), boxes: PageBoxes(bleed: Rect(x: 10, y: 10, width: 50, height: 50),
                                                                              trim: Rect(x: 5, y: 5, width: 80, height: 80)))
        #expect(throws: PDFDocumentError.self) { try PDFDocumentWriter.render([page]) }
        do { _ = try PDFDocumentWriter.render([page]) } catch let error as PDFDocumentError {
            #expect("\(error)".contains("Page 1") && "\(error)".contains("trim box"), "\(error)")
        }
    }

    /// In a combined digital file a record that breaks PDF/A is refused alone; the others are
    /// written and the file passes pdfcheck's PDF/A checks.
    @Test func aCombinedFileRefusesTheBreakingRecordAlone() throws {
        let scratch = try ScratchLayouts("combined-refusal")
        try scratch.copyFixture("images/cmyk.jpg", to: "cmyk.jpg")
        try scratch.write("""
        layout: maybe-cmyk
        theme: brand
        title: "Note {{ number }}"
        page:
          first:
            body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
        flow:
          - text: "Note {{ number }}"
          - image: cmyk.jpg
            width: 30mm
            alt: "A picture"
            if: picture
        """, to: "maybe-cmyk.yaml")
        let records = scratch.folder.appendingPathComponent("records.jsonl").path
        try #"{"number": "1"}"# .appending("\n" + #"{"number": "2", "picture": true}"# + "\n" + #"{"number": "3"}"#)
            .write(toFile: records, atomically: true, encoding: .utf8)
        let path = scratch.folder.appendingPathComponent("combined.pdf").path
        let batch = BatchRenderer(producer: try scratch.producer("maybe-cmyk", variant: try DigitalVariant.standard()))
        let summary = try batch.run(try RecordReader(path: records),
                                    into: CombinedPDFOutput(path: path, info: DocumentInfo(title: "Notes", creator: "test")))
        #expect(summary.rendered == 2 && summary.failures.map(\.record) == [2], "\(summary.failures)")
        guard case .refused(let refusal)? = summary.failures.first?.failure else { Issue.record("\(summary.failures)"); return }
        #expect(refusal.violations.first?.location?.file == "maybe-cmyk.yaml", "\(refusal)")
        let check = try PDFCheck.run(path, ["--profile", "pdfa", "--expect-pages", "2"], renderCompare: false)
        #expect(check.passed, "\(check.output)")
    }
}
