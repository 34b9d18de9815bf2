// Binds blocks to a record and turns them into the vertical list: each paragraph line, table row,
// image and rule becomes a fragment, with the breaks keep-together, keep-with-next and widow and
// orphan control forbid. The fragments go to a paginator (the flow) or are stacked in a fixed box.
import Foundation
import PressroomGraphics
import PressroomText

final class FlowBuilder {
    typealias Output = (Fragment) throws(LayoutError) -> Void

    let environment: RenderEnvironment
    let language: String
    /// Text size factor, below 1 when a fixed box shrinks its content to fit.
    let scale: Double
    private let output: Output
    private let pageBreak: (() throws(LayoutError) -> Void)?
    private var pendingSpace = 0.0
    /// Bookmarks of blocks that have not emitted a fragment yet.
    private var pendingBookmarks: [String] = []
    private var forbidNextBreak = false
    private var keepDepth = 0
    private var keepHasStarted = false
    /// The components being built, outermost first (their depth guards against recursion).
    private var componentTrail: [String] = []
    /// The width of the block being built, for its source mark.
    private var blockWidth = 0.0
    private var blockKind = "text"
    private(set) var emitted = 0
    /// Fixed boxes report which field overflowed; the flow does not need to know.
    var tracksDataPaths = false
    /// Tagged PDF: the elements around what is built now (a table's), the part of the document
    /// it is in (its place in reading order), and whether it is page furniture instead.
    var structurePath: [StructureElement] = []
    var structurePart = 0
    var artifact: ArtifactKind?

    init(environment: RenderEnvironment, language: String, scale: Double = 1,
         pageBreak: (() throws(LayoutError) -> Void)? = nil, output: @escaping Output) {
        self.environment = environment
        self.language = language
        self.scale = scale
        self.pageBreak = pageBreak
        self.output = output
    }

    func build(_ blocks: [Block], width: Double, context: BindingContext) throws(LayoutError) {
        for block in blocks { try build(block, width: width, context: context) }
    }

    /// Hands `fragment` on, with the pending space, bookmarks and break rules. Consumed: a caller
    /// done with its fragment moves it here, so the items a source mark is added to are not copied.
    func emit(_ fragment: consuming Fragment) throws(LayoutError) {
        fragment.spaceBefore += pendingSpace
        pendingSpace = 0
        if !pendingBookmarks.isEmpty {
            fragment.bookmarks = pendingBookmarks + fragment.bookmarks
            pendingBookmarks.removeAll()
        }
        if forbidNextBreak {
            fragment.breakBefore = .forbidden
            forbidNextBreak = false
        }
        if keepDepth > 0 {
            if keepHasStarted { fragment.breakBefore = .forbidden }
            keepHasStarted = true
        }
        emitted += 1
        if environment.recordsSources {
            fragment.items.append(.source(Rect(x: 0, y: 0, width: blockWidth, height: fragment.height),
                                          sourceMark(kind: blockKind, at: fragment.location, dataPath: fragment.dataPath?.description)))
        }
        try output(fragment)
    }

    func build(_ block: Block, width: Double, context: BindingContext) throws(LayoutError) {
        if let condition = block.condition, try !context.isTrue(condition, at: block.location) { return }
        if let bookmark = block.bookmark {
            let title = try context.render(bookmark)
            if !title.isEmpty { pendingBookmarks.append(title) }
        }
        let spaceBefore = pendingSpace
        let emittedBefore = emitted
        pendingSpace += block.spaceBefore * scale
        if block.keepTogether {
            if keepDepth == 0 { keepHasStarted = false }
            keepDepth += 1
        }
        defer { if block.keepTogether { keepDepth -= 1 } }
        let (outerWidth, outerKind) = (blockWidth, blockKind)
        (blockWidth, blockKind) = (width, Self.kindName(block.kind))
        defer { (blockWidth, blockKind) = (outerWidth, outerKind) }
        try buildContent(block, width: width, context: context)
        if emitted == emittedBefore {
            if case .spacer = block.kind { return }
            pendingSpace = spaceBefore  // an empty block leaves no space behind
            return
        }
        pendingSpace += block.spaceAfter * scale
        if block.keepWithNext { forbidNextBreak = true }
    }

    private func buildContent(_ block: Block, width: Double, context: BindingContext) throws(LayoutError) {
        switch block.kind {
        case .text(let text):
            try buildText(text, width: width, context: context, location: block.location)
        case .image(let image):
            try emit(buildImage(image, width: width, context: context, location: block.location))
        case .rule(let rule):
            let colour = try environment.styles.colour(rule.colour, at: block.location)
            let y = rule.thickness / 2
            try emit(Fragment(height: rule.thickness, items: [
                .path(.line(from: Point(x: 0, y: y), to: Point(x: width, y: y)), fill: nil,
                      stroke: Stroke(colour: colour, width: rule.thickness)),
            ], location: block.location))
        case .spacer(let height):
            pendingSpace += height * scale
        case .columns(let columns):
            try emit(buildColumns(columns, width: width, context: context, location: block.location))
        case .table(let table):
            try TableBuilder(flow: self, table: table, width: width, location: block.location).build(context: context)
        case .group(let blocks):
            try build(blocks, width: width, context: context)
        case .each(let each):
            for element in try context.list(each.items, at: block.location) {
                try build(each.content, width: width, context: context.with(each.elementName, element))
            }
        case .component(let use):
            try buildComponent(use, width: width, context: context)
        case .barcode(let barcode):
            try emit(BarcodeBuilder.fragment(barcode, width: width, context: context, location: block.location))
        case .pageBreak:
            guard let pageBreak else {
                throw LayoutError(.invalidValue, "`page-break` only works in the flow, not in a fixed box or a column", at: block.location)
            }
            pendingSpace = 0
            try pageBreak()
        }
    }

    // MARK: Text

    func spans(_ text: TextBlock, context: BindingContext, location: SourceLocation) throws(LayoutError) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        for span in text.spans {
            let string = try context.render(span.text)
            if string.isEmpty { continue }
            let style = try environment.styles.style(span.style ?? text.style, language: language, scale: scale, at: span.location)
            spans.append(StyledSpan(text: string, style: style, link: try span.link.map { t throws(LayoutError) in try context.render(t) }))
        }
        return spans
    }

    private func buildText(_ text: TextBlock, width: Double, context: BindingContext, location: SourceLocation) throws(LayoutError) {
        let spans = try spans(text, context: context, location: location)
        if spans.isEmpty { return }
        let paragraph = try environment.text.set(spans, width: width, alignment: text.alignment, at: location)
        let count = paragraph.lines.count
        let element = environment.recordsStructure ? StructureElement(key: newStructureKey(), role: role(of: text)) : nil
        // "Page 2 of 5" is pagination furniture wherever it is printed (PDF/UA: an artifact).
        let outerArtifact = artifact
        if environment.recordsStructure, artifact == nil, text.spans.contains(where: { $0.text.referencesPage }) {
            artifact = .pagination
        }
        defer { artifact = outerArtifact }
        var dataPath: DataPath?
        if tracksDataPaths || environment.recordsSources, text.spans.count == 1,
           let expression = text.spans[0].text.singleExpression {
            dataPath = try context.evaluate(expression, at: location).path
        }
        for (index, line) in paragraph.lines.enumerated() {
            var fragment = Fragment(height: line.height,
                                    items: tagged(TextSetter.items(of: line, spans: spans, dy: -line.top), as: element.map { [$0] }),
                                    location: location)
            fragment.dataPath = dataPath
            if tracksDataPaths && spans.count == 1 {
                fragment.line = SetLine(source: paragraph.text, range: line.textRange, span: spans[0], width: width, alignment: text.alignment)
            }
            // Orphans and widows: never a single line of a paragraph alone at the foot or head of a page.
            if index == 1 || (index > 0 && index == count - 1) { fragment.breakBefore = .forbidden }
            try emit(fragment)
        }
    }

    // MARK: Images

    private func buildImage(_ image: ImageBlock, width: Double, context: BindingContext,
                            location: SourceLocation) throws(LayoutError) -> Fragment {
        let path: String
        switch image.source {
        case .logo:
            guard let logo = environment.styles.theme.logo else {
                throw LayoutError(.unknownReference, "the theme `\(environment.styles.theme.name)` has no `logo`", at: location)
            }
            path = logo
        case .file(let template):
            path = try context.render(template)
        }
        let entry = try environment.images.image(path, at: location)
        let aspect = Double(entry.pixelHeight) / Double(max(entry.pixelWidth, 1))
        var w = image.width ?? image.height.map { $0 / aspect } ?? min(width, Double(entry.pixelWidth) * 72 / 96)
        var h = image.height ?? w * aspect
        if w > width + 0.01 {  // never wider than the frame: scale down, keep the aspect ratio
            h *= width / w
            w = width
        }
        let x: Double
        switch image.alignment {
        case .left: x = 0
        case .center: x = (width - w) / 2
        case .right: x = width - w
        }
        var items: [PageItem] = [.image(entry.source, frame: Rect(x: x, y: 0, width: w, height: h))]
        if environment.recordsStructure {
            var alt = try image.alt.map { t throws(LayoutError) in try context.render(t) }
            if alt == nil, case .logo = image.source { alt = environment.styles.theme.logoAlt }
            // PDF/UA §7.3: a figure needs its alternate text; an image without `alt:` is decoration.
            // One whose `alt:` came out empty for this record stays a figure, so a writer checking
            // PDF/UA refuses it at this block instead of hiding the picture from readers.
            if let alt {
                items = tagged(items, as: [StructureElement(key: newStructureKey(), role: .figure, alt: alt)])
            }
        }
        return Fragment(height: h, items: items, location: location)
    }

    // MARK: Structure (tagged PDF)

    func newStructureKey() -> StructureKey {
        environment.structureSerial += 1
        return StructureKey(part: structurePart, serial: environment.structureSerial)
    }

    /// Items wrapped as the content of the last of `elements` (under the current path), or as an
    /// artifact when building page furniture; unchanged when not tagging.
    func tagged(_ items: [PageItem], as elements: [StructureElement]?) -> [PageItem] {
        guard environment.recordsStructure, !items.isEmpty else { return items }
        let open: StructureMark
        if let artifact {
            open = .artifact(artifact)
        } else if let elements, !elements.isEmpty {
            open = .content(structurePath + elements)
        } else {
            return items
        }
        return Self.enclosed(items, open)
    }

    /// `items` between `open` and the end mark, in one array made to size.
    private static func enclosed(_ items: [PageItem], _ open: StructureMark) -> [PageItem] {
        var enclosed: [PageItem] = []
        enclosed.reserveCapacity(items.count + 2)
        enclosed.append(.structure(open))
        enclosed.append(contentsOf: items)
        enclosed.append(.structure(.end))
        return enclosed
    }

    /// A row repeated or added at a page break (a table's header, a carried-forward subtotal):
    /// pagination furniture, whatever its marks said.
    func repeated(_ items: [PageItem]) -> [PageItem] {
        guard environment.recordsStructure else { return items }
        let painted = items.filter { if case .structure = $0 { false } else { true } }
        return Self.enclosed(painted, .artifact(.pagination))
    }

    /// A text block's role: its own, its style's, or a paragraph.
    private func role(of text: TextBlock) -> StructureRole {
        switch text.role ?? environment.styles.theme.styles[text.style ?? "body"]?.role ?? .paragraph {
        case .paragraph: .paragraph
        case .heading(let level): .heading(level)
        }
    }

    // MARK: Columns and components

    /// Lays blocks out in a column of `width` without pagination: their items, relative to the
    /// column's top-left corner, and the height they take.
    /// `forBox`: a fixed box's content, which keeps each line's text and field for overflow handling.
    func stack(_ blocks: [Block], width: Double, context: BindingContext, scale: Double? = nil,
               forBox: Bool = false) throws(LayoutError) -> (items: [PageItem], height: Double, fragments: [Fragment]) {
        var fragments: [Fragment] = []
        let nested = FlowBuilder(environment: environment, language: language, scale: scale ?? self.scale, pageBreak: nil) { fragment throws(LayoutError) in
            fragments.append(fragment)
        }
        nested.componentTrail = componentTrail
        nested.tracksDataPaths = tracksDataPaths || forBox
        nested.structurePath = structurePath
        nested.structurePart = structurePart
        nested.artifact = artifact
        try nested.build(blocks, width: width, context: context)
        var items: [PageItem] = []
        items.reserveCapacity(fragments.reduce(0) { $0 + $1.items.count })
        var y = 0.0
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { y += fragment.spaceBefore }
            items.append(fragment.items, offsetBy: 0, y)
            y += fragment.height
        }
        return (items, y, fragments)
    }

    private func buildColumns(_ columns: ColumnsBlock, width: Double, context: BindingContext,
                              location: SourceLocation) throws(LayoutError) -> Fragment {
        let widths = try TrackSizer.resolve(columns.columns.map(\.width), total: width, gap: columns.gap, what: "the columns block",
                                            at: location) { index throws(LayoutError) in
            min(width, try naturalWidth(columns.columns[index].content, context: context))
        }
        var items: [PageItem] = []
        var bookmarks: [String] = []
        var height = 0.0
        var x = 0.0
        for (column, columnWidth) in zip(columns.columns, widths) {
            let stacked = try stack(column.content, width: columnWidth, context: context)
            items.append(stacked.items, offsetBy: x, 0)
            bookmarks += stacked.fragments.flatMap(\.bookmarks)  // the columns' row is where they point
            height = max(height, stacked.height)
            x += columnWidth + columns.gap
        }
        var fragment = Fragment(height: height, items: items, location: location)
        fragment.bookmarks = bookmarks
        return fragment
    }

    /// The width blocks take when nothing wraps: the widest paragraph set on one line (an `auto`
    /// column is as wide as this), with half a point to spare against rounding.
    func naturalWidth(_ blocks: [Block], context: BindingContext) throws(LayoutError) -> Double {
        try contentWidth(blocks, context: context) + 0.5
    }

    /// The widest of the blocks set on one line; groups, loops and components as their content.
    private func contentWidth(_ blocks: [Block], context: BindingContext) throws(LayoutError) -> Double {
        var widest = 0.0
        for block in blocks {
            if let condition = block.condition, try !context.isTrue(condition, at: block.location) { continue }
            switch block.kind {
            case .text(let text):
                let spans = try spans(text, context: context, location: block.location)
                if spans.isEmpty { continue }
                widest = max(widest, try environment.text.measure(spans, at: block.location))
            case .image(let image):
                widest = max(widest, image.width ?? 0)
            case .group(let blocks):
                widest = max(widest, try contentWidth(blocks, context: context))
            case .each(let each):
                for element in try context.list(each.items, at: block.location) {
                    widest = max(widest, try contentWidth(each.content, context: context.with(each.elementName, element)))
                }
            case .barcode(let barcode):
                widest = max(widest, barcode.width)
            case .columns(let columns):
                var sum = columns.gap * Double(max(columns.columns.count - 1, 0))
                for column in columns.columns { sum += try contentWidth(column.content, context: context) }
                widest = max(widest, sum)
            case .component(let use):
                // A component is as wide as its content bound to its parameters.
                let (component, scope) = try componentScope(use, context: context)
                componentTrail.append(use.name)
                defer { componentTrail.removeLast() }
                widest = max(widest, try contentWidth(component.content, context: scope))
            case .table, .rule, .spacer, .pageBreak:
                continue
            }
        }
        return widest
    }

    private func buildComponent(_ use: ComponentUse, width: Double, context: BindingContext) throws(LayoutError) {
        let (component, scope) = try componentScope(use, context: context)
        componentTrail.append(use.name)
        defer { componentTrail.removeLast() }
        try build(component.content, width: width, context: scope)
    }

    /// The component a `use:` names and the context its content is bound in: the caller's, with
    /// each parameter bound to its argument (or default).
    private func componentScope(_ use: ComponentUse, context: BindingContext) throws(LayoutError) -> (Component, BindingContext) {
        let component = try environment.component(use)
        guard componentTrail.count < 32 else {
            throw LayoutError(.invalidValue, "components use each other too deeply (32 levels) at `\(use.name)`; one of them probably uses itself",
                              at: use.location)
        }
        var scope = context
        for parameter in component.parameters {
            let template = use.arguments[parameter.name] ?? parameter.defaultValue
            guard let template else {
                if parameter.required {
                    throw LayoutError(.missingField, "the component `\(use.name)` needs the parameter `\(parameter.name)`; pass it with `with: { \(parameter.name): … }`",
                                      at: use.location)
                }
                scope = scope.with(parameter.name, BoundValue(.null, path: nil))
                continue
            }
            if let expression = template.singleExpression {
                scope = scope.with(parameter.name, try context.evaluate(expression, at: template.location))
            } else {
                scope = scope.with(parameter.name, BoundValue(.string(try context.render(template)), path: nil))
            }
        }
        return (component, scope)
    }

    // MARK: Source marks (previews)

    func sourceMark(kind: String, at location: SourceLocation, dataPath: String? = nil) -> SourceMark {
        SourceMark(kind: kind, component: componentTrail.last, file: location.file, line: location.line,
                   column: location.column, dataPath: dataPath)
    }

    private static func kindName(_ kind: BlockKind) -> String {
        switch kind {
        case .text: "text"
        case .image: "image"
        case .rule: "rule"
        case .spacer: "spacer"
        case .columns: "columns"
        case .table: "table"
        case .group: "group"
        case .each: "each"
        case .component(let use): "use `\(use.name)`"
        case .barcode: "barcode"
        case .pageBreak: "page-break"
        }
    }
}
