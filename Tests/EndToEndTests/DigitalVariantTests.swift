// The digital variant end to end: every bundled layout over its sample records is a PDF/A-3b file
// that pdfcheck's PDF/A profile accepts (XMP identification, Info = XMP, the sRGB output intent,
// trailer ID, fonts embedded, no forbidden actions), whose renderers agree, and which stays
// small: a one-page invoice with its logo and two font styles is at most 40 KB.
import Foundation
import PressroomLayout
import PressroomPDF
import PressroomProduction
import Testing

enum DigitalSamples {
    static let variant = Result { try DigitalVariant.standard() }

    static func render(_ layout: String, _ file: String, _ index: Int) throws -> RenderedDocument {
        let renderer = try Samples.renderer(layout)
        return try variant.get().render(try Samples.records(file)[index], with: renderer)
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
}

@Test func aOnePageDigitalInvoiceIsAtMost40KB() throws {
    // Record 2 of the bundled invoices: one page, the logo, regular and bold Noto Sans.
    let document = try DigitalSamples.render("invoice", "invoices.jsonl", 1)
    #expect(document.pageCount == 1)
    #expect(document.bytes.count <= 40_000, "\(document.bytes.count) bytes")
}
