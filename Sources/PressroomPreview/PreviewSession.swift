// One preview: reads the layout folder, the data and the fonts again when they change, renders
// the chosen record into pages with source marks, turns them into SVG, and keeps the last good
// pages when a render fails. It also says which files the result depended on, for the watcher.
// Not thread-safe: the preview server calls it from one queue.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction
import PressroomSVG
import PressroomText

public final class PreviewSession {
    public let configuration: PreviewConfiguration
    public private(set) var state = PreviewState()
    /// The SVG documents of `state.pages`.
    public private(set) var pageSVGs: [String] = []
    /// Files (and folders whose YAML files all count) the latest render read.
    public private(set) var dependencies: (files: Set<String>, folders: Set<String>) = ([], [])

    private var registry: FontRegistry?
    private var svgWriter = SVGPageWriter()
    private var records: [(number: Int, result: Result<DataValue, LayoutError>)]?
    private var labelsAreStale = true
    /// The renderer and record of the last good render, for the PDF download.
    private var lastGood: (renderer: DocumentRenderer, record: DataValue, number: Int)?
    private var fontFiles: Set<String> = []

    public init(configuration: PreviewConfiguration) {
        self.configuration = configuration
        state.layout = configuration.layout
        state.dataFile = configuration.dataFile
    }

    /// Shows record `number` (1-based) from now on.
    public func select(record number: Int) {
        state.record = number
    }

    /// Reads what `changed` names again (everything on the first call) and renders.
    @discardableResult
    public func update(changed: [String] = []) -> PreviewState {
        let started = DispatchTime.now().uptimeNanoseconds
        if changed.contains(where: { fontFiles.contains($0) }) {
            registry = nil
            svgWriter = SVGPageWriter()
        }
        if records == nil || changed.contains(configuration.dataFile) { loadRecords() }
        state.version += 1
        do {
            try render()
            state.problems = []
        } catch let list as ProblemList {
            state.problems = list.problems.map(PreviewProblem.init)
        } catch let error as LayoutError {
            state.problems = [PreviewProblem(error)]
        } catch {
            state.problems = [PreviewProblem(kind: "resource", message: "\(error)")]
        }
        state.renderMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        state.watchedFiles = dependencies.files.count
        return state
    }

    /// The shown record as a PDF, from the last good render.
    public func pdf() throws -> (bytes: [UInt8], fileName: String) {
        guard let lastGood else {
            throw LayoutError(.resource, "nothing has rendered yet; fix the errors shown first")
        }
        let document = try DocumentProducer(renderer: lastGood.renderer, variant: configuration.variant).document(for: lastGood.record)
        return (document.bytes, (document.fileName ?? "record-\(lastGood.number)") + ".pdf")
    }

    // MARK: -

    private func render() throws {
        let directory = configuration.layoutsDirectory
        // Until the library reads, watch everything it could read.
        var files: Set<String> = dependencies.files.union([configuration.dataFile])
        let folders = Set(LayoutLibrary.folders(in: directory))
        dependencies = (files, folders)

        let library = try LayoutLibrary(directory: directory)
        files.formUnion(library.files)
        let layoutPath = try library.layoutPath(named: configuration.layout)
        files.insert(layoutPath)
        dependencies = (files, folders)
        let layout = try library.layout(named: configuration.layout)
        let theme = try library.theme(named: configuration.theme ?? layout.theme)
        if let logo = theme.logo { files.insert(logo.hasPrefix("/") ? logo : "\(directory)/\(logo)") }
        dependencies = (files, folders)
        let problems = library.problems(in: layout, theme: theme)
        if !problems.isEmpty { throw ProblemList(problems: problems) }
        let registry = try self.registry ?? configuration.makeRegistry()
        self.registry = registry
        fontFiles = Set(configuration.extraFonts)
        let renderer = try DocumentRenderer(library: library, layout: layout, theme: theme, registry: registry,
                                            allowedPaths: configuration.allowedPaths)
        // The page shows the colours the variant paints.
        let colours = configuration.variant.settings(for: layout).colours
        state.print = colours == .print
        renderer.recordsSources = true
        // Titles come from the layout, so they are read again with it (for all but huge files).
        if labelsAreStale || (records?.count ?? 0) <= 500 { labelRecords(with: renderer) }

        let records = self.records ?? []
        guard !records.isEmpty else {
            throw LayoutError(.data, "\(configuration.dataFile) holds no record")
        }
        let number = min(max(state.record, 1), records.count)
        state.record = number
        let entry = records[number - 1]
        let record: DataValue
        let sink = SVGPageSink(writer: svgWriter) { index in
            SVGOptions(idPrefix: "p\(index + 1)-", includeSources: true, colours: colours)
        }
        do {
            record = try entry.result.get()
            try renderer.render(record, into: sink)
        } catch {
            files.formUnion(renderer.imageFiles)
            dependencies = (files, folders)
            // The SVG sink throws nothing of its own: what comes is the layout's or the record's.
            throw (error as? LayoutError ?? LayoutError(.resource, "\(error)")).inRecord(entry.number)
        }
        let pages = sink.pages
        files.formUnion(renderer.imageFiles)
        for page in pages {
            for item in page.items {
                if case .text(let run, _, _) = item, run.face.source.hasPrefix("/") { fontFiles.insert(run.face.source) }
            }
        }
        files.formUnion(fontFiles)
        dependencies = (files, folders)

        pageSVGs = sink.svgs
        state.pagesVersion = state.version
        state.pages = pages.enumerated().map { index, page in
            PreviewState.PageInfo(width: page.size.width, height: page.size.height,
                                  url: "/pages/\(state.version)/\(index + 1).svg")
        }
        lastGood = (renderer, record, entry.number)
    }

    private func loadRecords() {
        var loaded: [(number: Int, result: Result<DataValue, LayoutError>)] = []
        state.recordsTruncated = false
        do {
            for entry in try RecordReader(path: configuration.dataFile) {
                if loaded.count == configuration.recordLimit { state.recordsTruncated = true; break }
                loaded.append(entry)
            }
        } catch {
            loaded = [(1, .failure(error))]
        }
        records = loaded
        labelsAreStale = true
        state.records = loaded.map { PreviewState.RecordInfo(number: $0.number, label: "Record \($0.number)") }
    }

    /// Names each record in the picker by the document title the layout gives it.
    private func labelRecords(with renderer: DocumentRenderer) {
        guard let records else { return }
        state.records = records.map { number, result in
            let title: String
            switch result {
            case .success(let record):
                let preamble = try? renderer.preamble(for: record)
                title = preamble?.title ?? preamble?.fileName ?? "Record \(number)"
            case .failure:
                title = "Record \(number) (cannot be read)"
            }
            return PreviewState.RecordInfo(number: number, label: "\(number) · \(title)")
        }
        labelsAreStale = false
    }
}

/// Every reference problem of a layout at once, as the terminal lists them.
struct ProblemList: Error {
    let problems: [LayoutError]
}

extension Error {
    /// A layout error tagged with its record number; other errors as they are.
    func inRecord(_ number: Int) -> Error {
        (self as? LayoutError)?.inRecord(number) ?? self
    }
}
