// The plain variant's PDF of a record, as the end-to-end tests read it: tagged (and claiming
// PDF/UA-1) when the renderer was set to tag.
import PressroomLayout
import PressroomProduction

extension DocumentRenderer {
    func plainPDF(_ record: DataValue) throws -> RenderedDocument {
        try DocumentProducer(renderer: self, variant: PlainVariant(tagged: tagged)).document(for: record)
    }
}
