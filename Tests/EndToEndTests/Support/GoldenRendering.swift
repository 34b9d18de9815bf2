// How the golden test renders each variant, through the public pipeline the command line uses:
// a renderer, a variant, a producer; a combined file through the producer's combined document.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction

enum GoldenRendering {
    static func producer(_ layout: String, variant: GoldenOutputs.Variant) throws -> DocumentProducer {
        let output: any OutputVariant = switch variant {
        case .plain: PlainVariant()
        case .tagged: PlainVariant(tagged: true)
        case .digital: try DigitalVariant.standard()
        case .print: try PrintVariant.standard(creationDate: DocumentDate(year: 2026, month: 12, day: 1), batch: "golden",
                                               registry: try Samples.registry.get())
        }
        return DocumentProducer(renderer: try Samples.renderer(layout), variant: output)
    }

    static func pdf(_ record: DataValue, producer: DocumentProducer) throws -> [UInt8] {
        try producer.document(for: record).bytes
    }

    static func combined(_ records: [DataValue], producer: DocumentProducer) throws -> [UInt8] {
        let layout = producer.renderer.layout.name
        let combined = producer.combinedDocument(info: DocumentInfo(title: "\(layout) batch", creator: "Pressroom layout \(layout)"))
        for record in records { try combined.append(record, with: producer.renderer) }
        return try combined.finish()
    }

    static func pages(_ record: DataValue, producer: DocumentProducer) throws -> [Page] {
        try producer.renderer.pages(for: record)
    }
}
