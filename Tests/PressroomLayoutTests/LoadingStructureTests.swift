// Loading turns every construct of the layout language (Layouts/README.md) into the model: the
// layout header and pages, each block kind, components and themes.
import Testing
import PressroomGraphics
import PressroomText
@testable import PressroomLayout

private let invoice = """
    # yaml-language-server: $schema=schema/layout.schema.json
    layout: invoice
    theme: brand
    locale: "{{ language }}-{{ seller.country }}"
    currency: "{{ currency }}"
    title: "{{ label.invoice }} {{ number }}"
    file-name: "{{ number }}"
    page:
      size: A4
      max-pages: 500
      first:
        body: { top: 98mm, right: 20mm, bottom: 25mm, left: 25mm }
        boxes:
          - name: address
            at: [20mm, 45mm]
            size: [85mm, 45mm]
            overflow: shrink
            align: middle
            content:
              - use: address-block
                with: { party: "{{ customer }}" }
          - at: [-3mm, 0]
            size: [216mm, 10mm]
            overflow: shrink(0.6)
            content: [ { rule: true } ]
      following:
        body: 20mm
        boxes:
          - { at: [20mm, 280mm], size: [170mm, 8mm], overflow: ellipsis, align: bottom, content: [ { text: "{{ label.page }} {{ page.number }}" } ] }
    flow:
      - text: "{{ label.invoice }} {{ number }}"
        style: title
        align: justified
        keep-with-next: true
        space-before: 2.5cm
        space-after: 9pt
      - text: [ "Due ", { text: "{{ due_date | date }}", style: figures }, { text: "pay here", link: "https://pay.example/{{ number }}" } ]
      - image: logo
        width: 40mm
        align: right
      - image: "images/{{ seller.id }}.png"
        height: 1in
      - rule: { thickness: 0.5pt, colour: accent }
      - spacer: 6mm
      - columns:
          gap: 6mm
          columns:
            - { width: 30mm, content: [ { text: a } ] }
            - { width: 40%, content: [ { text: b } ] }
            - { width: 2fr, content: [ { text: c } ] }
            - { width: auto, content: [ { text: d } ] }
            - { content: [ { text: e } ] }
      - group: [ { text: x }, { text: y } ]
        keep-together: true
      - each: transactions
        as: t
        content: [ { text: "{{ t.date }}" } ]
        if: transactions
      - each: notes
        content: [ { text: "{{ item }}" } ]
      - table:
          rows: items
          header-style: table-header
          cell-style: body
          header-fill: accent
          stripe: stripe
          rule: rule
          repeat-header: false
          cell-padding: 2pt
          carry:
            value: item.net
            column: 2
          columns:
            - { header: "#", cell: "{{ row.number }}", width: 7mm, align: right }
            - { header: "{{ label.description }}", cell: "{{ item.description }}", width: 1fr }
            - { cell: "{{ item.net | amount }}", align: right, style: figures }
      - barcode: { type: qr, data: "SPD*1.0*ACC:{{ seller.iban }}", size: [30mm, 25mm] }
      - page-break: true
    """

private func load(_ layout: String, files: [String: String] = [:]) throws -> Layout {
    let folder = try LayoutsFolder(files.merging(["test.yaml": layout]) { $1 })
    return try folder.library().layout(named: "test")
}

@Test func theLayoutHeaderAndPages() throws {
    let layout = try load(invoice)
    #expect(layout.name == "invoice" && layout.theme == "brand")
    #expect(layout.locale != nil && layout.currency != nil && layout.title != nil && layout.fileName != nil)
    #expect(layout.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
    #expect(layout.page.size == .a4 && layout.page.maxPages == 500)
    #expect(layout.first.body == EdgeInsets(top: Length.mm(98).points, right: Length.mm(20).points,
                                            bottom: Length.mm(25).points, left: Length.mm(25).points))
    let address = layout.first.boxes[0]
    #expect(address.name == "address")
    #expect(address.frame == Rect(x: Length.mm(20).points, y: Length.mm(45).points, width: Length.mm(85).points, height: Length.mm(45).points))
    #expect(address.overflow == .shrink(minimumScale: 0.7) && address.verticalAlignment == .middle)
    #expect(address.location == SourceLocation(file: "test.yaml", line: 14, column: 9))
    guard case .component(let use) = address.content.first?.kind else { Issue.record("address box holds a component"); return }
    #expect(use.name == "address-block" && use.arguments.keys.sorted() == ["party"])
    #expect(layout.first.boxes[1].frame.minX == Length.mm(-3).points)
    #expect(layout.first.boxes[1].overflow == .shrink(minimumScale: 0.6) && layout.first.boxes[1].name == nil)
    #expect(layout.following.body.top == Length.mm(20).points && layout.following.body.left == Length.mm(20).points)
    #expect(layout.following.boxes.count == 1)
    #expect(layout.following.boxes[0].overflow == .ellipsis && layout.following.boxes[0].verticalAlignment == .bottom)
}

@Test func everyBlockKind() throws {
    let flow = try load(invoice).flow
    #expect(flow.count == 13)

    guard case .text(let title) = flow[0].kind else { Issue.record("text"); return }
    #expect(title.style == "title" && title.alignment == .justified && title.spans.count == 1)
    #expect(flow[0].keepWithNext && !flow[0].keepTogether)
    #expect(abs(flow[0].spaceBefore - Length.mm(25).points) < 1e-9 && flow[0].spaceAfter == 9)
    #expect(flow[0].location == SourceLocation(file: "test.yaml", line: 31, column: 5))

    guard case .text(let spans) = flow[1].kind else { Issue.record("spans"); return }
    #expect(spans.spans.map(\.style) == [nil, "figures", nil])
    #expect(spans.spans.map { $0.link != nil } == [false, false, true])
    #expect(spans.style == nil && spans.alignment == nil)

    guard case .image(let logo) = flow[2].kind, case .logo = logo.source else { Issue.record("logo"); return }
    #expect(logo.width == Length.mm(40).points && logo.height == nil && logo.alignment == .right)
    guard case .image(let file) = flow[3].kind, case .file = file.source else { Issue.record("image file"); return }
    #expect(file.height == 72 && file.alignment == .left)

    guard case .rule(let rule) = flow[4].kind else { Issue.record("rule"); return }
    #expect(rule.thickness == 0.5 && rule.colour == "accent")
    guard case .spacer(let space) = flow[5].kind else { Issue.record("spacer"); return }
    #expect(space == Length.mm(6).points)

    guard case .columns(let columns) = flow[6].kind else { Issue.record("columns"); return }
    #expect(columns.gap == Length.mm(6).points)
    #expect(columns.columns.map(\.width) == [.fixed(Length.mm(30).points), .percent(40), .fraction(2), .auto, .fraction(1)])

    guard case .group(let group) = flow[7].kind else { Issue.record("group"); return }
    #expect(group.count == 2 && flow[7].keepTogether)

    guard case .each(let each) = flow[8].kind else { Issue.record("each"); return }
    #expect(each.elementName == "t" && each.content.count == 1 && flow[8].condition != nil)
    guard case .each(let defaultName) = flow[9].kind else { Issue.record("each"); return }
    #expect(defaultName.elementName == "item" && flow[9].condition == nil)

    guard case .table(let table) = flow[10].kind else { Issue.record("table"); return }
    #expect(table.elementName == "item" && !table.repeatHeader && table.cellPadding == 2)
    #expect(table.headerStyle == "table-header" && table.cellStyle == "body")
    #expect(table.headerFill == "accent" && table.stripe == "stripe" && table.rule == "rule")
    #expect(table.columns.map(\.width) == [.fixed(Length.mm(7).points), .fraction(1), .fraction(1)])
    #expect(table.columns.map(\.alignment) == [.right, .left, .right])
    #expect(table.columns.map(\.style) == [nil, nil, "figures"])
    #expect(table.carry?.column == 2)

    guard case .barcode(let barcode) = flow[11].kind else { Issue.record("barcode"); return }
    guard case .symbol(.qr(errorCorrection: .medium), let data) = barcode.content else { Issue.record("qr barcode"); return }
    #expect(data.parts.count == 2)
    #expect(barcode.width == Length.mm(30).points && barcode.height == Length.mm(25).points)
    guard case .pageBreak = flow[12].kind else { Issue.record("page-break"); return }
}

@Test func aMinimalLayoutGetsTheDefaults() throws {
    let layout = try load("layout: memo\ntheme: brand\n")
    #expect(layout.page.size == .a4 && layout.page.maxPages == 1000)
    #expect(layout.first.body.top == Length.mm(20).points && layout.first.boxes.isEmpty)
    #expect(layout.following.body == layout.first.body && layout.flow.isEmpty)
    #expect(layout.locale == nil && layout.title == nil)
}

@Test func laterPagesRepeatTheFirstWithoutFollowing() throws {
    let layout = try load("""
        layout: letter
        theme: brand
        page:
          size: letter
          first:
            body: { top: 1in, right: 1in, bottom: 1in, left: 1in }
            boxes: [ { at: [0, 0], size: [100, 20], content: [ { text: x } ] } ]
        """)
    #expect(layout.page.size == .letter)
    #expect(layout.following.body.top == 72 && layout.following.boxes.count == 1)
}

@Test func paperSizesByNameAndByLengths() throws {
    #expect(try load("layout: a\ntheme: t\npage: { size: A5 }\n").page.size == Size(.mm(148), .mm(210)))
    #expect(try load("layout: a\ntheme: t\npage: { size: [297mm, 210mm] }\n").page.size == Size(.mm(297), .mm(210)))
}

@Test func yamlAnchorsAndMergeKeysWork() throws {
    let layout = try load("""
        layout: a
        theme: t
        page:
          first:
            body: &margins { top: 30mm, right: 20mm, bottom: 25mm, left: 25mm }
          following:
            body:
              <<: *margins
              top: 20mm
        """)
    #expect(layout.first.body.top == Length.mm(30).points && layout.following.body.top == Length.mm(20).points)
    #expect(layout.following.body.left == Length.mm(25).points)
}

@Test func aComponentWithItsParameters() throws {
    let library = try LayoutsFolder(["components/address-block.yaml": LayoutsFolder.addressBlock]).library()
    let component = try #require(library.components["address-block"])
    #expect(component.description == "The recipient's postal address.")
    #expect(component.parameters.map(\.name) == ["party", "heading", "note"])
    #expect(component.parameters.map(\.required) == [true, false, false])
    #expect(component.parameters.map { $0.defaultValue != nil } == [false, true, false])
    #expect(component.parameters[0].description == "name, address[]")
    #expect(component.content.count == 1)
    #expect(component.location == SourceLocation(file: "components/address-block.yaml", line: 1, column: 1))
}

@Test func aThemeWithColoursFontsStylesAndSpacing() throws {
    let library = try LayoutsFolder(["themes/brand.yaml": LayoutsFolder.brandTheme]).library()
    let theme = try library.theme(named: "brand")
    #expect(theme.logo == "logos/brand.png")
    #expect(theme.colours["text"]?.rgb == Colour(hex: "#1d2430"))
    #expect(theme.colours["text"]?.cmyk == .cmyk(0.70, 0.55, 0.40, 0.85))
    #expect(theme.colours["accent"]?.spot == "PANTONE 2945 C" && theme.colours["text"]?.spot == nil)
    #expect(theme.colours["rule"]?.rgb == .rgb(0.8, 0.8, 0.8))
    #expect(theme.fonts["heading"] == Theme.FontRole(family: "Noto Serif", weight: 700))
    #expect(theme.fonts["figures"]?.features.map(\.setting) == ["tnum", "-liga", "ss01=2"])
    #expect(theme.fonts["body"]?.weight == 400 && theme.fonts["body"]?.italic == false)
    let body = try #require(theme.styles["body"])
    #expect(body.font == "body" && body.size == 9 && body.colour == "text" && body.lineHeight == 1.35 && body.alignment == .left)
    let title = try #require(theme.styles["title"])
    #expect(title.alignment == .right && !title.hyphenate && title.weight == nil)
    #expect(theme.styles["figures"]?.lineHeight == 12.0 / 9.0)
    #expect(theme.styles["table-header"]?.weight == 600 && theme.styles["table-header"]?.italic == true)
    #expect(theme.spacing["block"] == Length.mm(5).points && theme.spacing["cell-padding"] == 2.5)
    #expect(theme.styles["body"]?.location == SourceLocation(file: "themes/brand.yaml", line: 14, column: 10))
}

@Test func lengthsInEveryUnit() {
    #expect(LengthParser.points("20mm") == Length.mm(20).points)
    #expect(abs(LengthParser.points("2.5cm")! - Length.mm(25).points) < 1e-9)
    #expect(LengthParser.points("1in") == 72)
    #expect(LengthParser.points("9pt") == 9)
    #expect(LengthParser.points("12") == 12)
    #expect(LengthParser.points(".5pt") == 0.5)
    #expect(LengthParser.points("-3mm") == Length.mm(-3).points)
    for bad in ["12xx", "mm", "", "1e3", "inf", "1.2.3mm", "20 mm", "-", "1,5mm"] {
        #expect(LengthParser.points(bad) == nil, "\(bad)")
    }
    #expect(LengthParser.trackWidth("0fr") == nil && LengthParser.trackWidth("120%") == nil)
}

@Test func suggestionsFindTheNearName() {
    let keys = BlockLoader.commonKeys + BlockLoader.kindKeys
    #expect(Suggestion.closest(to: "keep-togther", in: keys) == "keep-together")
    #expect(Suggestion.closest(to: "imgae", in: keys) == "image")
    #expect(Suggestion.closest(to: "colors", in: ThemeLoader.keys) == "colours")
    #expect(Suggestion.closest(to: "zebra", in: keys) == nil)
    #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
}
