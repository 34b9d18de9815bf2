// `pressroom impose SCHEME IN.pdf -o SHEETS.pdf`: puts the pages of any PDF (ours or another
// producer's, read with qpdf) on press sheets by a scheme from the layouts folder's imposition/
// (or a scheme file), each page placed as a form, never drawn again.
import ArgumentParser
import Foundation
import PressroomLayout
import PressroomPDF
import PressroomProduction
import PressroomText

struct ImposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impose",
        abstract: "Put the pages of a PDF on press sheets by an imposition scheme (n-up, step-and-repeat, cut-and-stack, booklet, work-and-turn, work-and-tumble).",
        discussion: "Schemes are YAML files in the layouts folder's imposition/ (2up-a5-on-a4, 4up-a6-on-a4, booklet-a5-on-a4, …) or a path to one.")

    @Argument(help: "The scheme: a name from the layouts folder's imposition/ or a path to a .yaml file.")
    var scheme: String

    @Argument(help: "The PDF whose pages are placed.")
    var input: String

    @Option(name: .shortAndLong, help: "The imposed PDF to write.")
    var output: String

    @Option(help: "The layouts folder whose imposition/ holds the schemes (default: ./Layouts or the bundled one).")
    var layouts: String?

    func run() throws {
        let options = try LayoutOptions.parse(layouts.map { ["--layouts", $0] } ?? [])
        do {
            let library = try LayoutLibrary(directory: options.directory(for: "invoice"))
            let scheme = try library.imposition(named: self.scheme)
            let source = try PDFSource(path: input)
            let imposer = Imposer(scheme: scheme, typesetter: Typesetter(registry: try FontRegistry.bundled()))
            let bytes = try imposer.impose(source)
            try AtomicFile.write(bytes, to: output, durable: true)
            let plan = ImpositionPlan(scheme: scheme, pageCount: source.pageCount)
            let sheets = Set(plan.sides.map(\.sheet)).count
            print("Imposed \(source.pageCount) page\(source.pageCount == 1 ? "" : "s") of \(input) on \(sheets) sheet\(sheets == 1 ? "" : "s") (\(plan.sides.count) sides) by \(scheme.name) into \(output)")
        } catch let error as LayoutError {
            Console.error("error: \(error)")
            throw ExitCode(2)
        } catch let error as PDFDocumentError {
            Console.error("error: \(error)")
            throw ExitCode(2)
        } catch let failure as RecordFailure {
            Console.error("error: \(failure)")
            throw ExitCode(2)
        }
    }
}
