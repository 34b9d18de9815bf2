// Blocks from YAML: the one kind key that says what a block is (`text`, `table`, `use`, …), the
// common keys any block may have (`if`, `keep-together`, …) and each kind's own keys.
import PressroomBarcode
import PressroomText

enum BlockLoader {
    static let commonKeys = ["if", "keep-together", "keep-with-next", "space-before", "space-after", "bookmark"]

    /// The kind keys, in the README's order, each with the keys allowed beside it.
    static let kinds: [(key: String, siblings: [String])] = [
        ("text", ["style", "align", "role"]), ("image", ["width", "height", "align", "alt"]), ("rule", []), ("spacer", []),
        ("columns", []), ("group", []), ("each", ["as", "content"]), ("use", ["with"]), ("table", []),
        ("barcode", []), ("page-break", []),
    ]
    static let kindKeys = kinds.map(\.key)

    static func blocks(_ value: YAMLValue) throws(LayoutError) -> [Block] {
        try value.list().map { item throws(LayoutError) in try block(item) }
    }

    static func block(_ value: YAMLValue) throws(LayoutError) -> Block {
        guard case .mapping = value.node else {
            throw value.wrongShape("a block (a mapping with a kind key, such as `text: …` or `use: …`)")
        }
        let mapping = try YAMLMapping(value)
        let kindEntries = mapping.entries.filter { kindKeys.contains($0.key) }
        if kindEntries.count > 1 {
            throw LayoutError(.syntax, "a block has one kind key, but this one has both `\(kindEntries[0].key)` and `\(kindEntries[1].key)`; split it into two blocks",
                              at: kindEntries[1].keyLocation)
        }
        guard let kindEntry = kindEntries.first else {
            try mapping.checkKeys(allowed: kindKeys + commonKeys + kinds.flatMap(\.siblings), in: "a block")
            throw LayoutError(.syntax, "a block needs a kind key, one of \(Suggestion.list(kindKeys))", at: mapping.location)
        }
        let siblings = kinds.first { $0.key == kindEntry.key }!.siblings
        try mapping.checkKeys(allowed: [kindEntry.key] + siblings + commonKeys, in: "a `\(kindEntry.key)` block")

        let kind = try self.kind(kindEntry.key, kindEntry.value, in: mapping)
        var block = Block(kind,
                     condition: try mapping["if"]?.expression(),
                     keepTogether: try mapping["keep-together"]?.bool() ?? false,
                     keepWithNext: try mapping["keep-with-next"]?.bool() ?? false,
                     spaceBefore: try mapping["space-before"]?.length() ?? 0,
                     spaceAfter: try mapping["space-after"]?.length() ?? 0,
                     location: mapping.location)
        block.bookmark = try mapping["bookmark"]?.template()
        return block
    }

    private static func kind(_ key: String, _ value: YAMLValue, in block: YAMLMapping) throws(LayoutError) -> BlockKind {
        switch key {
        case "text": return .text(try text(value, in: block))
        case "image": return .image(try image(value, in: block))
        case "rule": return .rule(try rule(value))
        case "spacer": return .spacer(try value.length())
        case "columns": return .columns(try columns(value))
        case "group": return .group(try blocks(value))
        case "each": return .each(try each(value, in: block))
        case "use": return .component(try use(value, in: block))
        case "table": return .table(try TableLoader.table(value))
        case "barcode": return .barcode(try barcode(value))
        case "page-break":
            guard try value.bool() else { throw value.error(.invalidValue, "write `page-break: true`, or remove the block") }
            return .pageBreak
        default: preconditionFailure("kind key \(key) has no loader")
        }
    }

    static let textAlignments: KeyValuePairs<String, TextAlignment> = ["left": .left, "right": .right, "center": .center, "justified": .justified]
    static let horizontalAlignments: KeyValuePairs<String, HorizontalAlignment> = ["left": .left, "center": .center, "right": .right]

    /// `text: "…"` (one span) or `text: [ "…", { text:, style:, link: } ]`.
    private static func text(_ value: YAMLValue, in block: YAMLMapping) throws(LayoutError) -> TextBlock {
        let spans: [SpanTemplate]
        if case .sequence = value.node {
            spans = try value.list().map { item throws(LayoutError) in try span(item) }
            guard !spans.isEmpty else { throw value.wrongShape("text or a list of spans") }
        } else {
            guard value.scalarText != nil else { throw value.wrongShape("text or a list of spans `{ text:, style:, link: }`") }
            spans = [SpanTemplate(text: try value.template(), location: value.location)]
        }
        return TextBlock(spans: spans,
                         style: try block["style"]?.text(),
                         alignment: try block["align"]?.choice(textAlignments),
                         role: try block["role"]?.choice(textRoles))
    }

    static let textRoles: KeyValuePairs<String, TextRole> = [
        "p": .paragraph, "h1": .heading(1), "h2": .heading(2), "h3": .heading(3), "h4": .heading(4), "h5": .heading(5), "h6": .heading(6),
    ]

    private static func span(_ value: YAMLValue) throws(LayoutError) -> SpanTemplate {
        if value.scalarText != nil { return SpanTemplate(text: try value.template(), location: value.location) }
        guard case .mapping = value.node else { throw value.wrongShape("a span (text, or `{ text:, style:, link: }`)") }
        let span = try value.mapping("a span", allowed: ["text", "style", "link"])
        return SpanTemplate(text: try span.required("text", in: "a span").template(),
                            style: try span["style"]?.text(),
                            link: try span["link"]?.template(),
                            location: value.location)
    }

    private static func image(_ value: YAMLValue, in block: YAMLMapping) throws(LayoutError) -> ImageBlock {
        let source: ImageBlock.Source = try value.text() == "logo" ? .logo : .file(try value.template())
        return ImageBlock(source: source,
                          width: try block["width"]?.length(),
                          height: try block["height"]?.length(),
                          alignment: try block["align"]?.choice(horizontalAlignments) ?? .left,
                          alt: try block["alt"]?.template())
    }

    /// `rule: true` (0.5pt in the `rule` colour) or `rule: { thickness:, colour: }`.
    private static func rule(_ value: YAMLValue) throws(LayoutError) -> RuleBlock {
        var rule = RuleBlock()
        if case .mapping = value.node {
            let mapping = try value.mapping("a rule", allowed: ["thickness", "colour"])
            if let thickness = try mapping["thickness"]?.length() { rule.thickness = thickness }
            if let colour = try mapping["colour"]?.text() { rule.colour = colour }
        } else if try !value.bool() {
            throw value.error(.invalidValue, "write `rule: true` or `rule: { thickness: 0.5pt, colour: rule }`, or remove the block")
        }
        return rule
    }

    private static func columns(_ value: YAMLValue) throws(LayoutError) -> ColumnsBlock {
        let mapping = try value.mapping("`columns`", allowed: ["gap", "columns"])
        let list = try mapping.required("columns", in: "a `columns` block", example: "columns: [ { width: 1fr, content: [...] } ]")
        let columns = try list.list().map { item throws(LayoutError) in
            let column = try item.mapping("a column", allowed: ["width", "content"])
            return ColumnsBlock.Column(width: try column["width"]?.trackWidth() ?? .fraction(1),
                                       content: try blocks(try column.required("content", in: "a column", example: "content: [ { text: … } ]")))
        }
        guard !columns.isEmpty else { throw list.error(.invalidValue, "a `columns` block needs at least one column") }
        return ColumnsBlock(gap: try mapping["gap"]?.length() ?? 0, columns: columns)
    }

    private static func each(_ value: YAMLValue, in block: YAMLMapping) throws(LayoutError) -> EachBlock {
        EachBlock(items: try value.expression(),
                  elementName: try block["as"]?.identifier() ?? "item",
                  content: try blocks(try block.required("content", in: "an `each` block", example: "content: [ { text: \"{{ item.name }}\" } ]")))
    }

    /// `use: NAME` with `with: { param: template }`.
    private static func use(_ value: YAMLValue, in block: YAMLMapping) throws(LayoutError) -> ComponentUse {
        var arguments: [String: Template] = [:]
        if let with = block["with"] {
            for entry in try YAMLMapping(with).entries {
                guard entry.value.scalarText != nil, !entry.value.isNull else {
                    throw entry.value.error(.syntax, "\(entry.value.name) expects text, not \(entry.value.shapeDescription); to pass an object or a list, write its placeholder alone, as in `\"{{ customer }}\"`")
                }
                arguments[entry.key] = try entry.value.template()
            }
        }
        return ComponentUse(name: try value.text(), arguments: arguments, location: value.location)
    }

    static let barcodeTypes: KeyValuePairs<String, Symbology?> = [
        "qr": .qr(errorCorrection: .medium), "datamatrix": .dataMatrix, "code128": .code128, "payment-qr": nil,
    ]
    static let paymentKeys: [(key: String, field: PaymentField, required: Bool)] = [
        ("iban", .iban, true), ("amount", .amount, true), ("currency", .currency, true), ("name", .name, true),
        ("reference", .reference, false), ("due", .due, false), ("bic", .bic, false), ("message", .message, false),
    ]

    /// `barcode: { type: qr, data: "…", size: [w, h] }`, or `type: payment-qr` with the payment's
    /// fields (`iban:`, `amount:`, `currency:`, `name:`, `reference:`, `due:`, `bic:`, `message:`).
    private static func barcode(_ value: YAMLValue) throws(LayoutError) -> BarcodeBlock {
        let mapping = try value.mapping("`barcode`", allowed: ["type", "data", "size"] + paymentKeys.map(\.key))
        let (width, height) = try mapping.required("size", in: "a barcode", example: "size: [30mm, 30mm]").lengthPair("[width, height]")
        let typeValue = try mapping.required("type", in: "a barcode", example: "type: qr")
        let type = typeValue.scalarText ?? ""
        if let symbology = try typeValue.choice(barcodeTypes) {
            if let stray = mapping.entries.first(where: { entry in paymentKeys.contains { $0.key == entry.key } }) {
                throw LayoutError(.unknownKey, "`\(stray.key)` is a field of `type: payment-qr`; a `\(type)` barcode encodes its `data:`",
                                  at: stray.keyLocation)
            }
            return BarcodeBlock(content: .symbol(symbology, data: try mapping.required("data", in: "a `\(type)` barcode", example: "data: \"{{ number }}\"").template()),
                                width: width, height: height)
        }
        if let data = mapping.keyLocation("data") {
            throw LayoutError(.unknownKey, "a `payment-qr` barcode builds its data from `iban:`, `amount:`, `currency:`, `name:` and the optional `reference:`, `due:`, `bic:`, `message:`; remove `data:`",
                              at: data)
        }
        var templates: [PaymentField: Template] = [:]
        for key in paymentKeys {
            if key.required {
                templates[key.field] = try mapping.required(key.key, in: "a `payment-qr` barcode", example: "\(key.key): \"{{ … }}\"").template()
            } else if let field = mapping[key.key] {
                templates[key.field] = try field.template()
            }
        }
        let fields = PaymentFields(iban: templates[.iban]!, amount: templates[.amount]!, currency: templates[.currency]!, name: templates[.name]!,
                                   reference: templates[.reference], due: templates[.due], bic: templates[.bic], message: templates[.message])
        return BarcodeBlock(content: .payment(fields), width: width, height: height)
    }
}
