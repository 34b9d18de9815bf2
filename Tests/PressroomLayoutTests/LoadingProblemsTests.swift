// problems(in:theme:): every reference a layout makes that the library or the theme cannot
// resolve, found in the layout and inside the components it uses, each at its own location.
import Testing
@testable import PressroomLayout

/// The problems of `layout` (as `test.yaml`) with the brand theme and `files` beside it.
private func problems(_ layout: String, files: [String: String] = [:], theme: String = LayoutsFolder.brandTheme) throws -> [LayoutError] {
    let folder = try LayoutsFolder(files.merging(["test.yaml": layout, "themes/brand.yaml": theme]) { $1 })
    let library = try folder.library()
    return library.problems(in: try library.layout(named: "test"), theme: try library.theme(named: "brand"))
}

private let header = "layout: a\ntheme: brand\n"

@Test func aLayoutWithNothingUnresolvedHasNoProblems() throws {
    let found = try problems(header + """
        flow:
          - use: address-block
            with: { party: "{{ customer }}" }
          - text: [ x, { text: y, style: figures } ]
            style: title
          - rule: true
          - image: logo
          - table: { rows: r, header-style: table-header, stripe: stripe, columns: [ { cell: x, style: figures } ] }
        """, files: ["components/address-block.yaml": LayoutsFolder.addressBlock])
    #expect(found.isEmpty, "\(found)")
}

@Test func anUnknownComponentIsSuggested() throws {
    let found = try problems(header + "flow:\n  - use: adress-block\n", files: ["components/address-block.yaml": LayoutsFolder.addressBlock])
    #expect(found.count == 1)
    #expect(found.first?.kind == .unknownReference)
    #expect(found.first?.location == SourceLocation(file: "test.yaml", line: 4, column: 10))
    #expect(found.first?.message == "there is no component `adress-block`; did you mean `address-block`? (the components are `address-block`)")
}

@Test func argumentsMustMatchTheComponentsParameters() throws {
    let found = try problems(header + """
        flow:
          - use: address-block
            with: { partie: "{{ customer }}" }
        """, files: ["components/address-block.yaml": LayoutsFolder.addressBlock])
    #expect(found.count == 2)
    #expect(found[0].message == "component `address-block` has no parameter `partie`; did you mean `party`? (the parameters are `heading`, `note`, `party`)")
    #expect(found[1].message == "component `address-block` needs parameter `party`; pass it as `with: { party: … }`")
    #expect(found[1].location == SourceLocation(file: "test.yaml", line: 4, column: 10))
}

@Test func unknownStylesAndColoursInBlocksAndTables() throws {
    let found = try problems(header + """
        flow:
          - text: [ x, { text: y, style: figurs } ]
            style: titel
          - rule: { colour: rulr }
          - table:
              rows: r
              header-style: table-heading
              header-fill: acent
              columns: [ { cell: x, style: bold } ]
        """)
    #expect(found.map(\.message) == [
        "style `titel` is not in theme `brand`; did you mean `title`? (the styles are `body`, `figures`, `table-header`, `title`)",
        "style `figurs` is not in theme `brand`; did you mean `figures`? (the styles are `body`, `figures`, `table-header`, `title`)",
        "colour `rulr` is not in theme `brand`; did you mean `rule`? (the colours are `accent`, `rule`, `stripe`, `text`)",
        "style `table-heading` is not in theme `brand`; did you mean `table-header`? (the styles are `body`, `figures`, `table-header`, `title`)",
        "style `bold` is not in theme `brand`; the styles are `body`, `figures`, `table-header`, `title`",
        "colour `acent` is not in theme `brand`; did you mean `accent`? (the colours are `accent`, `rule`, `stripe`, `text`)",
    ])
    #expect(found.map { $0.location!.line } == [4, 4, 6, 7, 11, 7])
    #expect(found[1].location?.column == 16)
    #expect(found[4].location?.column == 18)
}

@Test func aThemeStyleNamingAMissingColourOrFont() throws {
    let theme = """
        theme: brand
        colours:
          text: { rgb: "#000", cmyk: [0, 0, 0, 1] }
        fonts:
          body: { family: Noto Sans }
        styles:
          body: { size: 9pt }
          title: { font: heading, size: 20pt, colour: accent }
        """
    let found = try problems(header, theme: theme)
    #expect(found.map(\.message) == [
        "style `title` uses font role `heading`, which theme `brand` does not define; the font roles are `body`",
        "style `title` uses colour `accent`, which theme `brand` does not define; the colours are `text`",
    ])
    #expect(found.allSatisfy { $0.location == SourceLocation(file: "themes/brand.yaml", line: 8, column: 10) })
}

@Test func problemsInsideAComponentPointIntoItsFile() throws {
    let found = try problems(header + "flow:\n  - use: box\n  - use: box\n", files: [
        "components/box.yaml": "component: box\ncontent:\n  - text: x\n    style: nope\n",
    ])
    #expect(found.count == 1)  // the component is checked once however often it is used
    #expect(found.first?.location == SourceLocation(file: "components/box.yaml", line: 3, column: 5))
}

@Test func aComponentThatUsesItselfIsReported() throws {
    let found = try problems(header + "flow:\n  - use: a\n", files: [
        "components/a.yaml": "component: a\ncontent:\n  - use: b\n",
        "components/b.yaml": "component: b\ncontent:\n  - group:\n      - use: a\n",
    ])
    #expect(found.count == 1)
    #expect(found.first?.message == "component `a` uses itself (a → b → a); a component cannot contain itself")
    #expect(found.first?.location == SourceLocation(file: "components/b.yaml", line: 4, column: 14))
}

@Test func theLogoNeedsATheme() throws {
    let theme = "theme: brand\ncolours:\n  text: { rgb: \"#000\", cmyk: [0, 0, 0, 1] }\nfonts:\n  body: { family: X }\nstyles:\n  body: { size: 9pt }\n"
    let found = try problems(header + "flow:\n  - image: logo\n", theme: theme)
    #expect(found.map(\.message) == ["`image: logo` needs a `logo:` in theme `brand`"])
}

@Test func boxesOnEveryPageAreCheckedOnce() throws {
    let found = try problems(header + """
        page:
          first:
            boxes: [ { at: [0, 0], size: [10, 10], content: [ { text: x, style: missing } ] } ]
        """)
    #expect(found.count == 1)
}
