// What the writer tests share: the bundled fonts, a typesetter over them, and writer options that
// leave streams uncompressed and outside object streams, so tests can read the file as text.
import Foundation
import PressroomText
@testable import PressroomPDF

let registry = try! FontRegistry.bundled()
let typesetter = Typesetter(registry: registry)

var readable: PDFFileWriter.Options {
    var options = PDFFileWriter.Options()
    options.compressStreams = false
    options.useObjectStreams = false
    return options
}

/// A file from the repository's Fixtures/ folder.
func fixtureBytes(_ folder: String, _ name: String) throws -> [UInt8] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return [UInt8](try Data(contentsOf: root.appendingPathComponent("Fixtures").appendingPathComponent(folder).appendingPathComponent(name)))
}
