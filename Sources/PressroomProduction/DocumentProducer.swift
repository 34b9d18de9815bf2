// One worker's way from records to finished documents of one variant: a layout renderer and the
// PDF writer's shared state (each font's embedding constants, each image encoded once, the
// compressor). Neither may be shared between threads, so a producer is not Sendable: a worker
// makes its own, and the compiler keeps it there.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public final class DocumentProducer {
    public let renderer: DocumentRenderer
    public let variant: any OutputVariant
    private let cache = PDFWriterCache()

    public init(renderer: DocumentRenderer, variant: any OutputVariant) {
        self.renderer = renderer
        self.variant = variant
    }

    /// The record as a document of the variant. The variant's attachments are made (and the
    /// record checked for them) before layout; pages are written as they are laid out; the
    /// profiles are checked when the document ends.
    /// Throws `LayoutError` (the record or layout), `ConformanceRefusal` (a declared profile is
    /// broken), or a PDF writer error.
    public func document(for record: DataValue) throws -> RenderedDocument {
        let layout = renderer.layout
        let settings = variant.settings(for: layout)
        let attachments = try variant.attachments(for: record, layout: layout)
        // The renderer marks what the variant needs (kept as it was afterwards, for a preview that
        // shares it): structure when tagged, sources to locate profile violations.
        let (wasTagged, recordedSources) = (renderer.tagged, renderer.recordsSources)
        defer { (renderer.tagged, renderer.recordsSources) = (wasTagged, recordedSources) }
        renderer.tagged = settings.tagged
        renderer.recordsSources = recordedSources || !settings.profiles.isEmpty
        let sink = PDFPageSink(settings: settings, cache: cache, attachments: attachments)
        let laidOut: LaidOutDocument
        do { laidOut = try renderer.render(record, into: sink) } catch var refusal as ConformanceRefusal {
            // What belongs to the document as a whole (its title, its language) is the layout's.
            let location = layout.location
            for index in refusal.violations.indices where refusal.violations[index].location == nil && refusal.violations[index].page == nil {
                refusal.violations[index].location = SourceMark(kind: "layout", component: nil, file: location.file,
                                                                line: location.line, column: location.column)
            }
            throw refusal
        }
        guard let bytes = sink.bytes else { throw PDFDocumentError.alreadyFinished }
        return RenderedDocument(bytes: bytes, pageCount: laidOut.pageCount, fileName: laidOut.fileName, title: laidOut.title)
    }

    /// A file for many records, written with the variant's combined settings.
    public func combinedDocument(info: DocumentInfo) -> CombinedPDF {
        CombinedPDF(info: info, settings: variant.combinedSettings(for: renderer.layout), cache: cache)
    }
}
