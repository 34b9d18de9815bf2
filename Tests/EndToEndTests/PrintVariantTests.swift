// The print variant end to end: each bundled layout as PDF/X-4 on press sheets passes pdfcheck's
// PDF/X and print checks (output intent, boxes, 3 mm bleed, no device RGB, Trapped) with its
// renderers agreeing; its text prints on the black plate alone (Ghostscript's separations); a
// batch file carries one output profile however many records it holds; an output profile that a
// press cannot print to is refused naming the file; a document without a date is refused.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction
import Testing
import TestScratch

enum PrintSamples {
    static let date = DocumentDate(year: 2026, month: 12, day: 4)
    static let variant = Result { try PrintVariant.standard(creationDate: date, batch: "B-7", registry: try Samples.registry.get()) }

    static func producer(_ layout: String, theme: String? = nil) throws -> DocumentProducer {
        DocumentProducer(renderer: try Samples.renderer(layout, theme: theme), variant: try variant.get())
    }
}

@Test(arguments: [("invoice", "invoices.jsonl", 0, "brand"), ("statement", "statements.jsonl", 0, "brand"), ("letter", "letters.jsonl", 1, "brand"),
                  ("invoice", "invoice-edge-cases.jsonl", 3, "harbour")])
func printDocumentsArePDFX4OnPressSheets(layout: String, file: String, index: Int, theme: String) throws {
    let document = try PrintSamples.producer(layout, theme: theme).document(for: try Samples.records(file)[index])
    let path = try Samples.write(document, "print-\(layout)-\(file)-\(index)-\(theme)")
    let check = try PDFCheck.run(path, ["--profile", "pdfx", "--profile", "print", "--min-bleed", "3"])
    #expect(check.passed, "\(check.output)")
    #expect(check.output.contains("PASS pdfx_device_rgb") && check.output.contains("PASS print_bleed"), "\(check.output)")
    let plates = try ExternalTool.run("python3", [ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/separation_check.py").path, path],
                                      mergeErrors: true)
    #expect(plates.status == 0, "text on plates other than black: \(plates.output)")
}

@Test func aPrintBatchFileCarriesOneOutputProfile() throws {
    let producer = try PrintSamples.producer("letter")
    let combined = producer.combinedDocument(info: DocumentInfo(title: "Letters", creator: "test"))
    for record in try Samples.records("letters.jsonl") { try combined.append(record, with: producer.renderer) }
    let bytes = try combined.finish()
    let path = Scratch.url("pressroom-print-batch-\(getpid()).pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let check = try PDFCheck.run(path, ["--profile", "pdfx", "--profile", "print", "--min-bleed", "3"], renderCompare: false)
    #expect(check.passed, "\(check.output)")
    // The profile is about 780 KB compressed: four letters with one each would pass 3 MB.
    #expect(bytes.count < 1_200_000, "\(bytes.count) bytes")
}

@Test func anOutputProfileAPressCannotPrintToIsRefusedNamingTheFile() throws {
    do {
        _ = try PrintVariant.standard(outputProfile: ICCProfile.sRGBPath, creationDate: PrintSamples.date)
        Issue.record("an RGB profile was accepted as a press's output profile")
    } catch let error as PDFDocumentError {
        #expect("\(error)".contains(ICCProfile.sRGBPath) && "\(error)".contains("CMYK"), "\(error)")
    }
    let missing = "/nonexistent/press.icc"
    #expect(throws: PDFDocumentError.invalidICCProfile(source: missing, detail: "cannot be read")) {
        _ = try PrintVariant.standard(outputProfile: missing, creationDate: PrintSamples.date)
    }
}

@Test func aPrintDocumentWithoutADateIsRefused() throws {
    var variant = try PrintSamples.variant.get()
    variant.creationDate = nil
    let producer = DocumentProducer(renderer: try Samples.renderer("letter"), variant: variant)
    do {
        _ = try producer.document(for: try Samples.records("letters.jsonl")[0])
        Issue.record("written without a date")
    } catch let refusal as ConformanceRefusal {
        #expect(refusal.violations.map(\.kind) == [.missingDate] && refusal.profiles == ["PDF/X-4"], "\(refusal)")
    }
}
