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
    /// `preamble`: the record's, when the caller has bound it already (to name the document).
    /// `deadline`: past it, the render stops at its next page with `RenderDeadlinePassed`.
    /// `stream`: where the file goes as it is written (a statement of thousands of pages is never
    /// whole in memory); the document's `bytes` are then empty.
    public func document(for record: DataValue, preamble: DocumentRenderer.Preamble? = nil,
                         deadline: ContinuousClock.Instant? = nil, into stream: (any PDFByteStream)? = nil) throws -> RenderedDocument {
        let layout = renderer.layout
        let settings = variant.settings(for: layout)
        let attachments = try variant.attachments(for: record, layout: layout)
        let sink = PDFPageSink(settings: settings, cache: cache, attachments: attachments, stream: stream)
        let laidOut: LaidOutDocument
        do {
            laidOut = try renderer.marking(for: settings) { renderer in
                let preamble = try preamble ?? renderer.preamble(for: record)
                if let deadline { return try renderer.render(preamble, into: DeadlineSink(sink, deadline: deadline)) }
                return try renderer.render(preamble, into: sink)
            }
        } catch var refusal as ConformanceRefusal {
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

    /// A file for many records, written with the variant's combined settings; into `stream` as
    /// it grows when one is given.
    public func combinedDocument(info: DocumentInfo, stream: (any PDFByteStream)? = nil) -> CombinedPDF {
        CombinedPDF(info: info, settings: variant.combinedSettings(for: renderer.layout), cache: cache, stream: stream)
    }
}

extension DocumentRenderer {
    /// Runs `body` with the renderer marking what documents of `settings` need: structure when
    /// they are tagged, sources where profiles locate their violations. Its own settings are put
    /// back afterwards (a preview shares its renderer with the PDF download).
    func marking<T>(for settings: PDFSettings, _ body: (DocumentRenderer) throws -> T) rethrows -> T {
        let (wasTagged, recordedSources) = (tagged, recordsSources)
        defer { (tagged, recordsSources) = (wasTagged, recordedSources) }
        tagged = settings.tagged
        recordsSources = recordedSources || !settings.profiles.isEmpty
        return try body(self)
    }
}
