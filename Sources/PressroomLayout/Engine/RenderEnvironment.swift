// What laying out a record needs besides the record: the layouts folder (components, images), the
// theme's resolved styles, the typesetter and the caches that live as long as a renderer.
import PressroomGraphics
import PressroomText

final class RenderEnvironment {
    let library: LayoutLibrary
    let styles: StyleBook
    let text: TextSetter
    let images: ImageStore
    private var pageDependence: [String: Bool] = [:]
    private var constancy: [String: Bool] = [:]
    /// Fixed boxes that print nothing from the record, composed once for every document.
    var constantBoxes: [String: [PageItem]] = [:]
    /// Previews: every fragment and fixed box also carries a `.source` mark naming its block.
    var recordsSources = false
    /// Tagged PDF: text, figures and table cells are wrapped in `.structure` marks naming their
    /// structure elements, page furniture in artifact marks.
    var recordsStructure = false
    /// The last structure key's serial: keys are unique for the renderer's lifetime.
    var structureSerial = 0

    init(library: LayoutLibrary, theme: Theme, registry: FontRegistry, allowedPaths: [String]) {
        self.library = library
        styles = StyleBook(theme: theme)
        text = TextSetter(typesetter: Typesetter(registry: registry))
        images = ImageStore(directory: library.directory, allowed: allowedPaths)
    }

    func component(_ use: ComponentUse) throws(LayoutError) -> Component {
        guard let component = library.components[use.name] else {
            throw LayoutError(.unknownReference, "there is no component `\(use.name)` in \(library.directory)/components; there are \(library.components.keys.sorted().joined(separator: ", "))",
                              at: use.location)
        }
        return component
    }

    /// Whether blocks print the same whatever the record and page: no placeholders, conditions,
    /// loops, tables or barcodes (a logo, fold marks, a fixed rule).
    func isConstant(_ blocks: [Block]) -> Bool {
        blocks.allSatisfy { block in
            guard block.condition == nil else { return false }
            switch block.kind {
            case .text(let text): return text.spans.allSatisfy { $0.text.isLiteral && ($0.link?.isLiteral ?? true) }
            case .image(let image):
                if case .file(let template) = image.source { return template.isLiteral }
                return true
            case .rule, .spacer: return true
            case .columns(let columns): return columns.columns.allSatisfy { isConstant($0.content) }
            case .group(let blocks): return isConstant(blocks)
            case .component(let use):
                guard use.arguments.isEmpty else { return false }
                if let known = constancy[use.name] { return known }
                constancy[use.name] = false  // breaks cycles
                let result = library.components[use.name].map { isConstant($0.content) } ?? false
                constancy[use.name] = result
                return result
            case .table, .each, .barcode, .pageBreak: return false
            }
        }
    }

    /// Whether blocks print `page.number` or `page.count` (directly or through components): only
    /// those must be laid out again for every page.
    func referencesPage(_ blocks: [Block]) -> Bool {
        blocks.contains { referencesPage($0) }
    }

    private func referencesPage(_ block: Block) -> Bool {
        switch block.kind {
        case .text(let text): return text.spans.contains { $0.text.referencesPage }
        case .image(let image):
            if case .file(let template) = image.source { return template.referencesPage }
            return false
        case .rule, .spacer, .pageBreak: return false
        case .columns(let columns): return columns.columns.contains { referencesPage($0.content) }
        case .table(let table): return table.columns.contains { $0.cell.referencesPage || $0.header.referencesPage }
        case .group(let blocks): return referencesPage(blocks)
        case .each(let each): return referencesPage(each.content)
        case .barcode(let barcode): return barcode.templates.contains(where: \.referencesPage)
        case .component(let use):
            if use.arguments.values.contains(where: \.referencesPage) { return true }
            if let known = pageDependence[use.name] { return known }
            pageDependence[use.name] = false  // breaks cycles; the validator reports them
            let result = library.components[use.name].map { referencesPage($0.content) } ?? false
            pageDependence[use.name] = result
            return result
        }
    }
}
