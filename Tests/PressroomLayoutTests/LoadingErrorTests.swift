// Loading errors: each one sentence at file:line:column of the offending key or value, with the
// fix (the near key, the allowed words, how to write a length or a colour).
import Foundation
import Testing
@testable import PressroomLayout

/// The error loading `yaml` as the layout `test.yaml` throws.
private func layoutError(_ yaml: String) throws -> LayoutError {
    let folder = try LayoutsFolder(["test.yaml": yaml])
    return try #require(try folder.layoutError("test"))
}

/// The error of a folder whose `themes/brand.yaml` is `yaml`: the library loads (other themes
/// and their layouts are unaffected), and asking for the theme gives the error.
private func themeError(_ yaml: String) throws -> LayoutError {
    let library = try LayoutsFolder(["themes/brand.yaml": yaml]).library()
    do {
        _ = try library.theme(named: "brand")
        return try #require(nil as LayoutError?, "the broken theme loaded")
    } catch let error as LayoutError {
        return error
    }
}

@Test func aTypoInAKeyIsReportedAtTheKeyWithTheNearKey() throws {
    let error = try layoutError("""
        layout: a
        theme: t
        flow:
          - group: []
            keep-togther: true
        """)
    #expect(error.kind == .unknownKey)
    #expect(error.location == SourceLocation(file: "test.yaml", line: 5, column: 5))
    #expect(error.message.hasPrefix("unknown key `keep-togther` in a `group` block; did you mean `keep-together`?"))
    #expect(error.message.contains("(allowed: `group`, `if`, `keep-together`, `keep-with-next`, `space-before`, `space-after`, `bookmark`)"))
    #expect(error.description.hasPrefix("test.yaml:5:5: unknown key"))
}

@Test func unknownKeysEverywhere() throws {
    let header = try layoutError("layout: a\ntheme: t\ntitel: x\n")
    #expect(header.kind == .unknownKey && header.location?.line == 3 && header.message.contains("did you mean `title`?"))
    let table = try layoutError("layout: a\ntheme: t\nflow:\n  - table: { rows: items, colums: [] }\n")
    #expect(table.location == SourceLocation(file: "test.yaml", line: 4, column: 27) && table.message.contains("did you mean `columns`?"))
    let nonsense = try layoutError("layout: a\ntheme: t\nflow:\n  - text: x\n    zebra: 1\n")
    #expect(nonsense.message.hasPrefix("unknown key `zebra` in a `text` block; the allowed keys are `text`, `style`, `align`"))
}

@Test func aBlockNeedsExactlyOneKindKey() throws {
    let two = try layoutError("layout: a\ntheme: t\nflow:\n  - text: x\n    image: logo\n")
    #expect(two.kind == .syntax && two.location == SourceLocation(file: "test.yaml", line: 5, column: 5))
    #expect(two.message == "a block has one kind key, but this one has both `text` and `image`; split it into two blocks")
    let none = try layoutError("layout: a\ntheme: t\nflow:\n  - keep-together: true\n")
    #expect(none.location == SourceLocation(file: "test.yaml", line: 4, column: 5))
    #expect(none.message.hasPrefix("a block needs a kind key, one of `text`, `image`"))
    let misspeltKind = try layoutError("layout: a\ntheme: t\nflow:\n  - txet: x\n")
    #expect(misspeltKind.kind == .unknownKey && misspeltKind.message.contains("did you mean `text`?"))
}

@Test func aValueOfTheWrongShape() throws {
    let columns = try layoutError("layout: a\ntheme: t\nflow:\n  - columns: { columns: { width: 1fr } }\n")
    #expect(columns.kind == .syntax && columns.location == SourceLocation(file: "test.yaml", line: 4, column: 25))
    #expect(columns.message == "`columns` expects a list, not a mapping")
    let flow = try layoutError("layout: a\ntheme: t\nflow: hello\n")
    #expect(flow.message == "`flow` expects a list, not `hello`")
    let block = try layoutError("layout: a\ntheme: t\nflow:\n  - hello\n")
    #expect(block.message.hasPrefix("an item of `flow` expects a block") && block.location?.line == 4)
}

@Test func aBadLengthNamesTheValue() throws {
    let error = try layoutError("layout: a\ntheme: t\nflow:\n  - spacer: 12xx\n")
    #expect(error.kind == .invalidValue && error.location == SourceLocation(file: "test.yaml", line: 4, column: 13))
    #expect(error.message == "`12xx` is not a length for `spacer`; write a number with mm, cm, in or pt (`20mm`, `9pt`), or a plain number of points")
    let negative = try layoutError("layout: a\ntheme: t\nflow:\n  - text: x\n    space-after: -2mm\n")
    #expect(negative.message == "`space-after` cannot be negative (`-2mm`)")
    let width = try layoutError("layout: a\ntheme: t\nflow:\n  - columns: { columns: [ { width: 2 fr, content: [] } ] }\n")
    #expect(width.message.hasPrefix("`2 fr` is not a column width for `width`"))
}

@Test func wordsFromAFixedSet() throws {
    let align = try layoutError("layout: a\ntheme: t\nflow:\n  - text: x\n    align: centre\n")
    #expect(align.kind == .invalidValue && align.location == SourceLocation(file: "test.yaml", line: 5, column: 12))
    #expect(align.message == "`align` must be one of `left`, `right`, `center`, `justified`, not `centre`; did you mean `center`?")
    let flag = try layoutError("layout: a\ntheme: t\nflow:\n  - text: x\n    keep-together: yes\n")
    #expect(flag.message == "`keep-together` expects true or false, not `yes`")
    let overflow = try layoutError("""
        layout: a
        theme: t
        page:
          first:
            boxes: [ { at: [0, 0], size: [10, 10], overflow: shrink(1.5), content: [] } ]
        """)
    #expect(overflow.message.hasPrefix("`shrink(1.5)` needs the smallest scale between 0 and 1"))
    let size = try layoutError("layout: a\ntheme: t\npage: { size: A7 }\n")
    #expect(size.message.hasPrefix("`size` must be one of `A3`, `A4`"))
}

@Test func missingRequiredKeys() throws {
    let theme = try layoutError("layout: a\n")
    #expect(theme.message == "a layout needs `theme:` (e.g. `theme: brand`)" && theme.location?.line == 1)
    let rows = try layoutError("layout: a\ntheme: t\nflow:\n  - table: { columns: [ { cell: x } ] }\n")
    #expect(rows.message == "a table needs `rows:` (e.g. `rows: items`)")
    let carry = try layoutError("layout: a\ntheme: t\nflow:\n  - table: { rows: r, carry: { value: x, column: 3 }, columns: [ { cell: x } ] }\n")
    #expect(carry.message == "`column: 3` is past the table's last column; columns count from 0, so the last is 0")
}

@Test func aYAMLSyntaxErrorIsReportedWhereLibYAMLFindsIt() throws {
    let error = try layoutError("layout: a\ntheme: t\nflow:\n  - text: Due: today\n")
    #expect(error.kind == .syntax)
    #expect(error.location == SourceLocation(file: "test.yaml", line: 4, column: 14))
    #expect(error.message == "YAML syntax: mapping values are not allowed in this context; put text containing `: ` in quotes, or check the indentation")
    let tab = try layoutError("layout: a\ntheme: t\nflow:\n\t- text: x\n")
    #expect(tab.location?.line == 4 && tab.message.hasSuffix("; YAML indents with spaces, not tabs"))
    let twice = try layoutError("layout: a\ntheme: t\ntheme: u\n")
    #expect(twice.message == "the key `theme` here is given again further down the same mapping; keep one" && twice.location?.line == 2)
    let empty = try layoutError("# nothing\n")
    #expect(empty.message == "the file is empty")
}

@Test func invalidColours() throws {
    let rgb = try themeError("theme: brand\ncolours:\n  text: { rgb: \"#12345\", cmyk: [0, 0, 0, 1] }\n")
    #expect(rgb.kind == .invalidValue && rgb.location == SourceLocation(file: "themes/brand.yaml", line: 3, column: 16))
    #expect(rgb.message == "`#12345` is not an RGB colour; write `\"#rrggbb\"` or `\"#rgb\"` in quotes")
    let percent = try themeError("theme: brand\ncolours:\n  text: { rgb: \"#000\", cmyk: [0, 0, 0, 85] }\n")
    #expect(percent.location == SourceLocation(file: "themes/brand.yaml", line: 3, column: 40))
    #expect(percent.message == "CMYK values run from 0 to 1, not 85; write 0.85 for 85 %")
    let three = try themeError("theme: brand\ncolours:\n  text: { rgb: \"#000\", cmyk: [0, 0, 1] }\n")
    #expect(three.message == "`cmyk` expects four numbers from 0 to 1, [cyan, magenta, yellow, black], not a list")
    let noCMYK = try themeError("theme: brand\ncolours:\n  text: { rgb: \"#000\" }\n")
    #expect(noCMYK.message == "colour `text` needs `cmyk:` (e.g. `cmyk: [0.70, 0.55, 0.40, 0.85]`)")
}

@Test func invalidFontsAndStyles() throws {
    let feature = try themeError("theme: brand\nfonts:\n  body: { family: X, features: [tabular] }\n")
    #expect(feature.message.hasPrefix("`tabular` is not an OpenType feature"))
    #expect(feature.location == SourceLocation(file: "themes/brand.yaml", line: 3, column: 33))
    let size = try themeError("theme: brand\nstyles:\n  body: { font: body }\n")
    #expect(size.message == "style `body` needs `size:` (e.g. `size: 9pt`)")
    let lineHeight = try themeError("theme: brand\nstyles:\n  body: { size: 9pt, line-height: 14 }\n")
    #expect(lineHeight.message.hasPrefix("`14` is not a line height"))
    let spacing = try themeError("theme: brand\nspacing: { blok: 5mm }\n")
    #expect(spacing.message.contains("did you mean `block`?"))
}

@Test func namesBoundInTemplatesAreChecked() throws {
    let reserved = try layoutError("layout: a\ntheme: t\nflow:\n  - each: x\n    as: page\n    content: []\n")
    #expect(reserved.message == "`page` is reserved for page numbers; choose another name for `as`")
    let hyphen = try layoutError("layout: a\ntheme: t\nflow:\n  - table: { rows: r, as: line-item, columns: [ { cell: x } ] }\n")
    #expect(hyphen.message.hasPrefix("`as` must be a name of ASCII letters, digits and `_`"))
}

@Test func labelsFilesAreChecked() throws {
    let folder = try LayoutsFolder(["labels/cs.yaml": "labels: cs\ninvoice: Faktura\ndue-date: Splatnost\n"])
    let error = try #require(folder.libraryError())
    #expect(error.location == SourceLocation(file: "labels/cs.yaml", line: 3, column: 1))
    let language = try #require(try LayoutsFolder(["labels/x.yaml": "labels: Czech\n"]).libraryError())
    #expect(language.message.hasPrefix("`labels:` names a language by its BCP 47 code"))
}

/// A few lines of aliases of aliases ("billion laughs") would expand to billions of blocks: the
/// file is refused at the value where the limit is passed, quickly, and nothing is expanded.
@Test func anAliasBombIsRefusedAtItsLine() throws {
    var lines = ["layout: bomb", "theme: brand", "a0: &a0 [ { text: x }, { text: x }, { text: x }, { text: x }, { text: x }, { text: x }, { text: x }, { text: x }, { text: x }, { text: x } ]"]
    for level in 1...9 {
        lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    lines.append("flow: *a9")
    let started = Date()
    do {
        _ = try YAMLDocument.parse(lines.joined(separator: "\n"), file: "bomb.yaml")
        Issue.record("a file of 10^10 values was accepted")
    } catch {
        #expect(error.message.contains("aliases"), "\(error)")
        #expect(error.location?.file == "bomb.yaml" && (error.location?.line ?? 0) >= 3, "\(error)")
    }
    #expect(Date().timeIntervalSince(started) < 10, "refused without expanding")
    let deep = "layout: deep\ntheme: brand\nflow: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: LayoutError.self) { _ = try YAMLDocument.parse(deep, file: "deep.yaml") }
}
