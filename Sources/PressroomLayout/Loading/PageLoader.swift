// A layout's `page:` from YAML: the paper size, the page limit, and the first and following page
// templates with their body frame and fixed boxes (position, size, overflow policy, alignment).
import PressroomGraphics

enum PageLoader {
    static let pageKeys = ["size", "max-pages", "first", "following"]
    static let templateKeys = ["body", "boxes"]
    static let boxKeys = ["name", "at", "size", "overflow", "align", "background", "bleed", "content"]
    /// `bleed: true`: the bleed ISO 15930 print files carry, 3 mm.
    static let defaultBleed = Length.mm(3).points
    static let insetKeys = ["top", "right", "bottom", "left"]

    /// ISO 216 and US paper, portrait; landscape is written as `[297mm, 210mm]`.
    static let paperSizes: KeyValuePairs<String, Size> = [
        "A3": Size(.mm(297), .mm(420)), "A4": .a4, "A5": Size(.mm(148), .mm(210)), "A6": Size(.mm(105), .mm(148)),
        "letter": .letter, "legal": Size(.inch(8.5), .inch(14)),
    ]
    /// The body frame of a page template that gives none.
    static let defaultBody = EdgeInsets(top: Length.mm(20).points, right: Length.mm(20).points,
                                        bottom: Length.mm(20).points, left: Length.mm(20).points)
    /// `shrink` without a number: the text may be scaled down to 70 %.
    static let defaultMinimumScale = 0.7

    struct Pages {
        var setup: PageSetup
        var first: PageTemplate
        var following: PageTemplate
    }

    /// The page setup; without `following`, later pages look like the first (body and boxes).
    static func pages(_ value: YAMLValue?) throws(LayoutError) -> Pages {
        guard let value else {
            let template = PageTemplate(body: defaultBody)
            return Pages(setup: PageSetup(), first: template, following: template)
        }
        let page = try value.mapping("`page`", allowed: pageKeys)
        var setup = PageSetup()
        if let size = page["size"] { setup.size = try paperSize(size) }
        if let maxPages = page["max-pages"] { setup.maxPages = try maxPages.integer(in: 1...100_000) }
        let first = try page.optional("first") { v throws(LayoutError) in try template(v, size: setup.size) } ?? PageTemplate(body: defaultBody)
        let following = try page.optional("following") { v throws(LayoutError) in try template(v, size: setup.size) } ?? first
        return Pages(setup: setup, first: first, following: following)
    }

    /// A paper name from `names` or `[width, height]`.
    static func paperSize(_ value: YAMLValue, names: KeyValuePairs<String, Size> = paperSizes) throws(LayoutError) -> Size {
        if case .sequence = value.node {
            let (width, height) = try value.lengthPair("[width, height]")
            guard width > 0, height > 0 else { throw value.error(.invalidValue, "a size needs a width and a height above zero") }
            return Size(width: width, height: height)
        }
        return try value.choice(names)
    }

    private static func template(_ value: YAMLValue, size: Size) throws(LayoutError) -> PageTemplate {
        let template = try value.mapping("a page template", allowed: templateKeys)
        let body = try template.optional("body") { v throws(LayoutError) in try insets(v, size: size) } ?? defaultBody
        let boxes = try template.optional("boxes") { v throws(LayoutError) in try v.list().map { item throws(LayoutError) in try box(item) } } ?? []
        return PageTemplate(body: body, boxes: boxes)
    }

    /// `body: 20mm` (all four sides) or `body: { top:, right:, bottom:, left: }`.
    private static func insets(_ value: YAMLValue, size: Size) throws(LayoutError) -> EdgeInsets {
        let insets: EdgeInsets
        if value.scalarText != nil {
            let all = try value.length()
            insets = EdgeInsets(top: all, right: all, bottom: all, left: all)
        } else {
            let sides = try value.mapping("`body`", allowed: insetKeys)
            func side(_ key: String) throws(LayoutError) -> Double {
                try sides.required(key, in: "`body`", example: "body: { top: 30mm, right: 20mm, bottom: 25mm, left: 25mm }").length()
            }
            insets = EdgeInsets(top: try side("top"), right: try side("right"), bottom: try side("bottom"), left: try side("left"))
        }
        guard insets.left + insets.right < size.width, insets.top + insets.bottom < size.height else {
            throw value.error(.invalidValue, "the body's insets leave no room on a \(Length(points: size.width).millimetres.rounded().compactText) × \(Length(points: size.height).millimetres.rounded().compactText) mm page")
        }
        return insets
    }

    private static func box(_ value: YAMLValue) throws(LayoutError) -> FixedBox {
        let box = try value.mapping("a fixed box", allowed: boxKeys)
        let (x, y) = try box.required("at", in: "a fixed box", example: "at: [20mm, 45mm]").lengthPair("[x, y] from the page's top-left corner", allowNegative: true)
        let sizeValue = try box.required("size", in: "a fixed box", example: "size: [85mm, 45mm]")
        let (width, height) = try sizeValue.lengthPair("[width, height]")
        guard width > 0, height > 0 else { throw sizeValue.error(.invalidValue, "a fixed box needs a width and a height above zero") }
        return FixedBox(name: try box["name"]?.text(),
                        frame: Rect(x: x, y: y, width: width, height: height),
                        content: try BlockLoader.blocks(try box.required("content", in: "a fixed box", example: "content: [ { text: … } ]")),
                        overflow: try box.optional("overflow") { v throws(LayoutError) in try overflow(v) } ?? .error,
                        verticalAlignment: try box["align"]?.choice(["top": VerticalAlignment.top, "middle": .middle, "bottom": .bottom]) ?? .top,
                        background: try box["background"]?.text(),
                        bleed: try box.optional("bleed") { v throws(LayoutError) -> Double? in
                            if v.scalarText == "true" || v.scalarText == "false" { return try v.bool() ? defaultBleed : nil }
                            let length = try v.length()
                            guard length <= Length.mm(20).points else { throw v.error(.invalidValue, "a bleed of more than 20 mm is not a bleed; 3 mm is usual") }
                            return length
                        } ?? nil,
                        location: value.location)
    }

    /// `error`, `ellipsis`, `shrink` (to 70 %) or `shrink(0.6)`.
    static func overflow(_ value: YAMLValue) throws(LayoutError) -> OverflowPolicy {
        let text = value.scalarText ?? ""
        if text.hasPrefix("shrink("), text.hasSuffix(")") {
            let number = text.dropFirst("shrink(".count).dropLast()
            guard let scale = LengthParser.decimal(number), scale > 0, scale <= 1 else {
                throw value.error(.invalidValue, "`\(text)` needs the smallest scale between 0 and 1, as in `shrink(0.6)` (60 %)")
            }
            return .shrink(minimumScale: scale)
        }
        switch text {
        case "error": return .error
        case "shrink": return .shrink(minimumScale: defaultMinimumScale)
        case "ellipsis": return .ellipsis
        default:
            let near = Suggestion.closest(to: text, in: ["error", "shrink", "ellipsis"]).map { "; did you mean `\($0)`?" } ?? ""
            throw value.error(.invalidValue, "`overflow` must be `error`, `shrink`, `shrink(0.6)` or `ellipsis`, not \(value.shapeDescription)\(near)")
        }
    }
}
