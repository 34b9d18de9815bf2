// Layout tests with layouts of their own: a copy of the bundled layouts folder with extra files
// written into it (a layout, a component), and a renderer over the bundled fonts.
import Foundation
import PressroomText
@testable import PressroomLayout
import TestScratch

let bundledLayoutsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Layouts").path

/// A copy of the bundled layouts folder with one extra layout file (and `files`, by path
/// relative to the folder).
func library(with layout: String, named name: String, files: [String: String] = [:]) throws -> LayoutLibrary {
    let folder = Scratch.url("pressroom-layouts-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: bundledLayoutsFolder, toPath: folder.path)
    try layout.write(to: folder.appendingPathComponent(name + ".yaml"), atomically: true, encoding: .utf8)
    for (path, text) in files { try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8) }
    return try LayoutLibrary(directory: folder.path)
}

func makeRenderer(_ library: LayoutLibrary, _ name: String) throws -> DocumentRenderer {
    let layout = try library.layout(named: name)
    return try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                registry: try FontRegistry.bundled())
}
