// `render --format svg`: each record's pages as standalone SVG files, <name>-<page number>.svg,
// drawn in the variant's colours (glyphs as outlines, images inline).
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction
import PressroomSVG

final class SVGFolderOutput: BatchOutput {
    let folder: String
    let colours: ColourChoice
    private let writer = SVGPageWriter()

    init(folder: String, colours: ColourChoice) throws {
        self.folder = folder
        self.colours = colours
        try PDFFolderOutput.makeFolder(folder)
    }

    func write(_ record: DataValue, number: Int, name: String, producer: DocumentProducer) throws -> Int {
        let colours = self.colours
        let sink = SVGPageSink(writer: writer) { _ in SVGOptions(colours: colours) }
        try producer.renderer.render(record, into: sink)
        for (index, svg) in sink.svgs.enumerated() {
            let path = "\(folder)/\(name)-\(index + 1).svg"
            try AtomicFile.write(Array(svg.utf8), to: path)
        }
        return sink.svgs.count
    }

    func finish(producer: DocumentProducer) throws { AtomicFile.sync(folder: folder) }
}
