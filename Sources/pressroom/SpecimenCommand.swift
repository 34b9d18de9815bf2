// `pressroom specimen -o specimen.pdf`: a specimen of every bundled family and script.
import ArgumentParser
import Foundation
import PressroomGraphics
import PressroomSpecimen
import PressroomText
import PressroomPDF

struct SpecimenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specimen", abstract: "Render a specimen of every bundled font family and script.")

    @Option(name: .shortAndLong, help: "Where to write the PDF.")
    var output: String = "specimen.pdf"

    @Option(help: "Extra font files or folders to register (repeatable).")
    var font: [String] = []

    @Option(help: "A PNG or JPEG logo; defaults to Fixtures/logos/pressroom-logo.png.")
    var logo: String?

    func run() throws {
        let registry = try LayoutOptions.registry(adding: font)
        let logoPath = logo ?? BundledFonts.directory + "/../Fixtures/logos/pressroom-logo.png"
        guard let logoData = FileManager.default.contents(atPath: logoPath) else {
            throw ValidationError("Logo \(logoPath) cannot be read.")
        }
        let result = try Specimen.make(registry: registry, logo: ImageSource(bytes: [UInt8](logoData), name: logoPath))
        let bytes = try PressroomPDF.PDFDocumentWriter.render(result.pages, info: result.info)
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        for missing in result.missingCharacters {
            FileHandle.standardError.write(Data("warning: no bundled font draws \(missing)\n".utf8))
        }
        print("Wrote \(output): \(result.pages.count) pages, \(bytes.count / 1024) KiB")
    }
}
