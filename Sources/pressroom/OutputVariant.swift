// Which variant of a document the command writes: `digital` (PDF/A-3b with the layout's
// e-invoice; the default), `print` (CMYK and spot colours) or `plain` (the bare PDF, as the
// benchmarks compare it with other engines).
import ArgumentParser
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction

enum VariantName: String, ExpressibleByArgument, CaseIterable {
    case digital, print, plain
}

/// Turns records into PDFs of the chosen variant with a renderer.
struct OutputVariant {
    let digital: DigitalVariant?

    func render(_ record: DataValue, with renderer: DocumentRenderer) throws(LayoutError) -> RenderedDocument {
        if let digital { return try digital.render(record, with: renderer) }
        return try renderer.renderPDF(record)
    }

    /// A writer for many records in one file (`--combine`): PDF/A for the digital variant, without
    /// an e-invoice, which belongs to one invoice.
    func combinedWriter(info: DocumentInfo, tagged: Bool) -> PDFDocumentWriter {
        let writer = PDFDocumentWriter(info: info, tagged: tagged)
        if let digital { writer.conformance = .pdfA3b(outputIntent: digital.outputIntent) }
        return writer
    }
}

extension LayoutOptions {
    /// `--print` is short for `--variant print`; without either, `fallback`.
    func variantName(default fallback: VariantName = .digital) -> VariantName { print ? .print : variant ?? fallback }

    var variantName: VariantName { variantName() }

    func outputVariant(default fallback: VariantName = .digital) throws -> OutputVariant {
        guard variantName(default: fallback) == .digital else { return OutputVariant(digital: nil) }
        let choice: DigitalVariant.EInvoiceChoice
        switch eInvoice {
        case nil: choice = .layout
        case "none": choice = .none
        case let name?:
            guard let level = EInvoiceLevel(rawValue: name) else {
                throw ValidationError("--e-invoice must be minimum, basic, en16931 or none, not \(name)")
            }
            choice = .level(level)
        }
        return OutputVariant(digital: try DigitalVariant.standard(eInvoice: choice))
    }
}
