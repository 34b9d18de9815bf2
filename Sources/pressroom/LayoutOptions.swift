// Options every layout command shares (which layout, which theme, where layouts and fonts live)
// and the renderer they set up.
import ArgumentParser
import Foundation
import PressroomLayout
import PressroomText

struct LayoutOptions: ParsableArguments {
    @Option(help: "The layouts folder (components/, themes/, labels/). Default: the folder of LAYOUT when it is a file, else ./Layouts or the bundled one.")
    var layouts: String?

    @Option(help: "Theme name from the layouts folder's themes/ (default: the layout's own).")
    var theme: String?

    @Option(help: "Extra font files or folders to register (repeatable).")
    var font: [String] = []

    @Option(name: .customLong("allow-path"), help: "A folder images may be read from besides the layouts folder (repeatable); layouts and data can name no other file.")
    var allowPath: [String] = []

    @Option(help: "digital: PDF/A-3b with the layout's e-invoice (the default but for bench-peer); print: PDF/X-4 on press sheets (CMYK and spot colours, bleed, marks); plain: the bare PDF (bench-peer's default, as the peers write).")
    var variant: VariantName?

    @Flag(help: "Short for --variant print: PDF/X-4 in CMYK and spot colours, each page on a press sheet with bleed and marks.")
    var print = false

    @Option(name: .customLong("output-profile"), help: "The print variant's CMYK output profile (an ICC file; default: the bundled ISO Coated v2 300%, FOGRA39).")
    var outputProfile: String?

    @Option(help: "The print variant's creation date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "The batch named in the print variant's slug line.")
    var batch: String?

    @Option(name: .customLong("e-invoice"), help: "The digital variant's e-invoice: minimum, basic, en16931 or none (default: the layout's `e-invoice:`).")
    var eInvoice: String?

    @Flag(help: "Write tagged PDF that claims PDF/UA-1 (the digital variant always does): a structure tree of headings, paragraphs, tables and figures, page furniture as artifacts.")
    var tagged = false

    /// The layouts folder for a layout argument: "invoice" or "path/to/invoice.yaml".
    func directory(for layout: String) -> String {
        if let layouts { return layouts }
        if layout.hasSuffix(".yaml") || layout.hasSuffix(".yml") {
            return URL(fileURLWithPath: layout).deletingLastPathComponent().path
        }
        if FileManager.default.fileExists(atPath: "Layouts/components") { return "Layouts" }
        return BundledFonts.directory + "/../Layouts"
    }

    /// The layout renderer; the variant decides colours, tagging and profiles.
    func renderer(for layoutName: String) throws -> DocumentRenderer {
        let library = try LayoutLibrary(directory: directory(for: layoutName))
        let layout = try library.layout(named: layoutName)
        let theme = try library.theme(named: self.theme ?? layout.theme)
        // Every unresolved reference at once, so a user fixes them in one pass.
        let problems = library.problems(in: layout, theme: theme)
        if !problems.isEmpty {
            for problem in problems { Console.error("error: \(problem)") }
            Console.error("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the layout; nothing was rendered.")
            throw ExitCode(2)
        }
        let registry = try Self.registry(adding: font)
        return try DocumentRenderer(library: library, layout: layout, theme: theme, registry: registry, allowedPaths: allowPath)
    }
}

extension LayoutOptions {
    /// The bundled fonts plus font files or folders the user names.
    static func registry(adding paths: [String]) throws -> FontRegistry {
        let registry = try FontRegistry.bundled()
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                try registry.register(directory: path)
            } else {
                _ = try registry.register(file: path)
            }
        }
        return registry
    }
}

/// Standard error, unbuffered.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var errorIsTerminal: Bool { isatty(2) != 0 }

    /// A data file's warnings (a key given twice), on standard error.
    static let dataWarning: @Sendable (LayoutError) -> Void = { warning in error("warning: \(warning)") }
}
