// The preview session over a copy of the bundled layouts: what it renders, which files it says it
// depends on, and how it reports mistakes (with file, line and data path) while keeping the last
// good pages.
import Foundation
import PressroomLayout
import PressroomProduction
import PressroomText
import Testing
@testable import PressroomPreview
import TestScratch

@Suite struct PreviewSessionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let registry = Result { try FontRegistry.bundled() }

    let folder: String
    let layouts: String
    let data: String

    init() throws {
        folder = Scratch.path("pressroom-session-\(UUID().uuidString)")
        layouts = folder + "/Layouts"
        data = folder + "/invoice.json"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.repository + "/Layouts", toPath: layouts)
        var record = try Self.firstInvoice()
        record["kind"] = "invoice"
        try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: data))
    }

    /// The first bundled invoice fixture, changed by `edit`, written as the data file.
    static func firstInvoice() throws -> [String: Any] {
        let lines = try String(contentsOfFile: repository + "/Fixtures/records/invoices.jsonl", encoding: .utf8)
        let first = lines.split(separator: "\n")[0]
        return try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
    }

    private func writeRecord(_ edit: (inout [String: Any]) -> Void) throws {
        var record = try Self.firstInvoice()
        edit(&record)
        try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: data))
    }

    private func session() -> PreviewSession {
        PreviewSession(configuration: PreviewConfiguration(layout: "invoice", layoutsDirectory: layouts, dataFile: data,
                                                           makeRegistry: { try Self.registry.get() }))
    }

    private func edit(_ file: String, _ change: (String) -> String) throws {
        let path = "\(layouts)/\(file)"
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func rendersPagesAsSVGWithSourceMarksAndNamesItsDependencies() throws {
        try writeRecord { _ in }
        let session = session()
        let state = session.update()
        #expect(state.problems.isEmpty, "\(state.problems.map(\.description))")
        #expect(state.pages.count == session.pageSVGs.count && !state.pages.isEmpty)
        #expect(session.pageSVGs[0].hasPrefix("<svg") || session.pageSVGs[0].contains("<svg"))
        #expect(session.pageSVGs[0].contains("data-file=\"components/address-block.yaml\""))
        let files = session.dependencies.files
        for expected in ["invoice.yaml", "themes/brand.yaml", "components/line-items.yaml", "logos/brand-logo.png"] {
            #expect(files.contains("\(layouts)/\(expected)"), "\(expected) is a dependency")
        }
        #expect(files.contains(data))
        #expect(files.contains { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }, "the fonts the pages use are dependencies")
        #expect(session.dependencies.folders.contains("\(layouts)/components"))
        #expect(state.records.first?.label.contains("FV-2026-000001") == true)
    }

    @Test func aLayoutMistakeNamesFileAndLineAndKeepsTheLastGoodPages() throws {
        let session = session()
        let good = session.update()
        #expect(good.problems.isEmpty)
        let original = try String(contentsOfFile: "\(layouts)/invoice.yaml", encoding: .utf8)
        let lines = original.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "    boxes:")) + 1
        try edit("invoice.yaml") { $0.replacingOccurrences(of: "\n    boxes:\n", with: "\n    boxs:\n") }
        let broken = session.update(changed: ["\(layouts)/invoice.yaml"])
        #expect(broken.problems.first?.location?.hasPrefix("invoice.yaml:\(line):") == true, "\(broken.problems)")
        #expect(broken.pagesVersion == good.pagesVersion, "the last good pages stay")
        #expect(broken.pages.count == good.pages.count && session.pageSVGs.count == good.pages.count)
        #expect(broken.version > good.version)

        try original.write(toFile: "\(layouts)/invoice.yaml", atomically: true, encoding: .utf8)
        let fixed = session.update(changed: ["\(layouts)/invoice.yaml"])
        #expect(fixed.problems.isEmpty)
        #expect(fixed.pagesVersion == fixed.version)
    }

    @Test func aYAMLSyntaxErrorInAComponentIsShownWithItsLine() throws {
        let session = session()
        #expect(session.update().problems.isEmpty)
        try edit("components/payment-block.yaml") { $0 + "\n  - text: [unclosed\n" }
        let state = session.update(changed: ["\(layouts)/components/payment-block.yaml"])
        let problem = try #require(state.problems.first)
        #expect(problem.file == "components/payment-block.yaml", "\(problem.description)")
        #expect(problem.line != nil)
    }

    @Test func aMissingDataFieldNamesTheRecordFieldAndTheLayoutLine() throws {
        try writeRecord { record in
            var items = record["items"] as! [[String: Any]]
            items[0].removeValue(forKey: "net")
            record["items"] = items
        }
        let state = session().update()
        let problem = try #require(state.problems.first)
        #expect(problem.kind == "missingField")
        #expect(problem.dataPath == "$.items[0].net", "\(problem.description)")
        #expect(problem.file?.hasPrefix("components/") == true && problem.line != nil, "\(problem.description)")
        #expect(problem.record == 1)
    }

    @Test func anOverflowingBoxNamesTheBoxAndTheField() throws {
        try writeRecord { record in
            var customer = record["customer"] as! [String: Any]
            customer["name"] = String(repeating: "Extraordinarily Long Company Name ", count: 40)
            record["customer"] = customer
        }
        let state = session().update()
        let problem = try #require(state.problems.first)
        #expect(problem.kind == "overflow", "\(problem.description)")
        #expect(problem.file == "invoice.yaml" && problem.line != nil, "\(problem.description)")
        #expect(problem.dataPath == "$.customer.name", "\(problem.description)")
    }

    @Test func aCharacterNoFontCanDrawIsAnError() throws {
        try writeRecord { record in
            var items = record["items"] as! [[String: Any]]
            items[1]["description"] = "Hieroglyph \u{13000} here"
            record["items"] = items
        }
        let state = session().update()
        let problem = try #require(state.problems.first)
        #expect(problem.message.contains("U+13000"), "\(problem.description)")
        #expect(problem.file != nil && problem.line != nil)
    }

    @Test func theDownloadIsWrittenByTheConfiguredVariant() throws {
        // What the command line passes: its variant (digital by default).
        let configuration = PreviewConfiguration(layout: "invoice", layoutsDirectory: layouts, dataFile: data,
                                                 variant: try DigitalVariant.standard(), makeRegistry: { try Self.registry.get() })
        let session = PreviewSession(configuration: configuration)
        #expect(session.update().problems.isEmpty)
        let (bytes, _) = try session.pdf()
        let plain = try PreviewSession(configuration: PreviewConfiguration(
            layout: "invoice", layoutsDirectory: layouts, dataFile: data, makeRegistry: { try Self.registry.get() })).pdfAfterUpdate()
        let identifies = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self).contains("pdfaid:part") }
        #expect(identifies(bytes), "the digital variant's download is PDF/A")
        #expect(!identifies(plain), "the default download is the plain PDF")
    }

    @Test func thePDFOfTheShownRecordCanBeDownloaded() throws {
        let session = session()
        #expect(session.update().problems.isEmpty)
        let (bytes, name) = try session.pdf()
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(name == "FV-2026-000001.pdf")
    }
}

extension PreviewSession {
    /// Renders, then returns the PDF download.
    func pdfAfterUpdate() throws -> [UInt8] {
        update()
        return try pdf().bytes
    }
}
