// The layouts folder: a temporary one written from inline YAML for the loading tests, and the
// library's behaviour over it (what it loads, layouts by name or path, themes by name, duplicates).
import Foundation
import Testing
@testable import PressroomLayout
import TestScratch

/// A layouts folder in the temporary directory, removed when the value goes.
final class LayoutsFolder {
    let path: String

    /// `files`: path inside the folder → YAML text.
    init(_ files: [String: String]) throws {
        path = Scratch.url("pressroom-layouts-\(UUID().uuidString)").path
        for (name, text) in files {
            let url = URL(fileURLWithPath: "\(path)/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func library() throws -> LayoutLibrary { try LayoutLibrary(directory: path) }

    /// The error loading the library throws (nil when it loads).
    func libraryError() -> LayoutError? {
        do { _ = try LayoutLibrary(directory: path); return nil } catch { return error }
    }

    /// The error loading `name` as a layout throws (nil when it loads).
    func layoutError(_ name: String) throws -> LayoutError? {
        let library = try library()
        do { _ = try library.layout(named: name); return nil } catch { return error }
    }

    /// A theme every test can use: colours `text`, `accent`, `rule`, `stripe`; font roles `body`,
    /// `heading`, `figures`; styles `body`, `title`, `figures`, `table-header`.
    static let brandTheme = """
        # yaml-language-server: $schema=../schema/theme.schema.json
        theme: brand
        logo: logos/brand.png
        colours:
          text:   { rgb: "#1d2430", cmyk: [0.70, 0.55, 0.40, 0.85] }
          accent: { rgb: "#0b5cad", cmyk: [1.0, 0.55, 0.0, 0.1], spot: "PANTONE 2945 C" }
          rule:   { rgb: "#ccc", cmyk: [0, 0, 0, 0.2] }
          stripe: { rgb: "#f4f6f8", cmyk: [0.03, 0.02, 0.01, 0] }
        fonts:
          body:    { family: Noto Sans }
          heading: { family: Noto Serif, weight: 700 }
          figures: { family: Noto Sans, features: [tnum, -liga, ss01=2] }
        styles:
          body:  { font: body, size: 9pt, colour: text, line-height: 1.35 }
          title: { font: heading, size: 20pt, colour: accent, align: right, hyphenate: false }
          figures: { font: figures, size: 9pt, line-height: 12pt }
          table-header: { font: heading, size: 8pt, weight: 600, italic: true }
        spacing: { block: 5mm, cell-padding: 2.5pt, column-gap: 6mm }
        """

    static let addressBlock = """
        component: address-block
        description: The recipient's postal address.
        params:
          party: { required: true, description: "name, address[]" }
          heading: { default: "" }
          note: { required: false }
        content:
          - text: "{{ party.name }}"
            style: body
        """
}

@Test func libraryLoadsComponentsThemesAndLabels() throws {
    let folder = try LayoutsFolder([
        "themes/brand.yaml": LayoutsFolder.brandTheme,
        "components/address-block.yaml": LayoutsFolder.addressBlock,
        "labels/en.yaml": "labels: en\ninvoice: Invoice\npage: Page\n",
        "labels/cs.yaml": "labels: cs\ninvoice: Faktura\n",
    ])
    let library = try folder.library()
    #expect(library.themes.keys.sorted() == ["brand"])
    #expect(library.components.keys.sorted() == ["address-block"])
    #expect(library.components["address-block"]?.location.file == "components/address-block.yaml")
    #expect(try library.theme(named: "brand").name == "brand")
}

@Test func missingSubfoldersAreEmpty() throws {
    let library = try LayoutsFolder([:]).library()
    #expect(library.components.isEmpty && library.themes.isEmpty)
}

@Test func aMissingFolderIsAnError() {
    #expect(throws: LayoutError.self) { try LayoutLibrary(directory: "/nonexistent/pressroom-layouts") }
}

@Test func layoutsLoadByNameOrPath() throws {
    let folder = try LayoutsFolder(["invoice.yaml": "layout: invoice\ntheme: brand\n"])
    let library = try folder.library()
    let byName = try library.layout(named: "invoice")
    #expect(byName.name == "invoice" && byName.location.file == "invoice.yaml")
    let byPath = try library.layout(named: "\(folder.path)/invoice.yaml")
    #expect(byPath.location.file == "invoice.yaml")
    #expect(try library.layout(named: "invoice.yaml").name == "invoice")
}

@Test func anUnknownLayoutListsTheLayoutsThereAre() throws {
    let folder = try LayoutsFolder(["invoice.yaml": "layout: invoice\ntheme: brand\n", "statement.yaml": "layout: statement\ntheme: brand\n"])
    let error = try #require(try folder.layoutError("invoic"))
    #expect(error.kind == .resource)
    #expect(error.message.contains("did you mean `invoice`?"))
    #expect(error.message.contains("`statement`"))
}

@Test func anUnknownThemeListsTheThemesThereAre() throws {
    let library = try LayoutsFolder(["themes/brand.yaml": LayoutsFolder.brandTheme]).library()
    let error = #expect(throws: LayoutError.self) { try library.theme(named: "brnad") }
    #expect(error?.kind == .unknownReference)
    #expect(error?.message == "there is no theme `brnad`; did you mean `brand`? (the themes are `brand`)")
}

@Test func twoComponentsWithOneNameAreAnError() throws {
    let folder = try LayoutsFolder([
        "components/a.yaml": "component: same\ncontent: [ { spacer: 1mm } ]\n",
        "components/b.yaml": "component: same\ncontent: [ { spacer: 2mm } ]\n",
    ])
    let error = try #require(folder.libraryError())
    #expect(error.location == SourceLocation(file: "components/b.yaml", line: 1, column: 1))
    #expect(error.message.contains("components/a.yaml"))
}

@Test func aBrokenComponentFileIsNamedWithItsLine() throws {
    let folder = try LayoutsFolder(["components/broken.yaml": "component: broken\ncontent:\n  - spacer: 12xx\n"])
    let error = try #require(folder.libraryError())
    #expect(error.description.hasPrefix("components/broken.yaml:3:13: "))
}

@Test func aComponentOpenedAsALayoutSaysWhatItIs() throws {
    let folder = try LayoutsFolder(["address.yaml": LayoutsFolder.addressBlock])
    let error = try #require(try folder.layoutError("address"))
    #expect(error.message == "this is a component file (it has `component:`), not a layout file")
    #expect(error.location?.line == 1)
}
