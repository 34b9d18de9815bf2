// How the golden test renders each variant, through the public pipeline the command line uses.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomProduction

enum GoldenRendering {
    static func renderer(_ layout: String, variant: GoldenOutputs.Variant) throws -> DocumentRenderer {
        let library = try Samples.library.get()
        let model = try library.layout(named: layout)
        let renderer = try DocumentRenderer(library: library, layout: model, theme: try library.theme(named: model.theme),
                                            registry: try Samples.registry.get(), mode: variant == .print ? .print : .screen)
        renderer.tagged = variant == .tagged || variant == .digital
        return renderer
    }

    static func pdf(_ record: DataValue, renderer: DocumentRenderer, variant: GoldenOutputs.Variant) throws -> [UInt8] {
        switch variant {
        case .digital: try DigitalVariant.standard().render(record, with: renderer).bytes
        case .plain, .tagged, .print: try renderer.renderPDF(record).bytes
        }
    }

    static func combined(_ records: [DataValue], renderer: DocumentRenderer) throws -> [UInt8] {
        let writer = PDFDocumentWriter(info: .init(title: "\(renderer.layout.name) batch", creator: "Pressroom layout \(renderer.layout.name)"),
                                       tagged: renderer.tagged)
        writer.conformance = .pdfA3b(outputIntent: try ICCProfile.sRGB())
        for record in records { _ = try renderer.render(record, into: writer) }
        return try writer.finish()
    }

    static func pages(_ record: DataValue, renderer: DocumentRenderer) throws -> [Page] {
        try renderer.pages(for: record)
    }
}
