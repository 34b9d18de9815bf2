// A copy of the bundled layouts folder in a temporary directory, with extra layouts, images and
// records written into it: tests of a small layout of their own that uses the bundled
// components, themes and labels.
import Foundation
import PressroomLayout
import PressroomProduction
import TestScratch

struct ScratchLayouts {
    let folder: URL

    init(_ name: String) throws {
        folder = Scratch.url("pressroom-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(atPath: Samples.root + "/Layouts", toPath: folder.path)
    }

    func write(_ text: String, to file: String) throws {
        try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    func copyFixture(_ path: String, to file: String) throws {
        try FileManager.default.copyItem(atPath: Samples.root + "/Fixtures/" + path, toPath: folder.appendingPathComponent(file).path)
    }

    /// A producer of `variant` for the layout `name` of this folder.
    func producer(_ name: String, variant: any OutputVariant) throws -> DocumentProducer {
        let library = try LayoutLibrary(directory: folder.path)
        let layout = try library.layout(named: name)
        let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                            registry: try Samples.registry.get())
        return DocumentProducer(renderer: renderer, variant: variant)
    }
}
