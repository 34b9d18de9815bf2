// The marks a press and its finishing line work with, drawn in the slug outside the bleed: crop
// marks at the trim's corners, registration marks on every side, both in the All separation so
// they print on every plate; a colour bar of the process inks at full and 40 % strength; and a
// slug line. All of them are page furniture (artifacts when the document is tagged).
import PressroomGraphics
import PressroomText

struct PrinterMarks {
    let trim: Rect
    let bleed: Double
    let media: Size

    /// The registration colour: every separation at full strength (ISO 32000-1 §8.6.6.4).
    static let registration = Swatch(screen: .black, print: .spot(SpotColour(name: "All", cyan: 1, magenta: 1, yellow: 1, black: 1), tint: 1))
    static let hairline = 0.25
    /// Marks start this far outside the bleed, so a trim a little off never shows them.
    static let offset = Length.mm(2).points
    static let length = Length.mm(7).points

    func items(slugLine: TypesetParagraph?) -> [PageItem] {
        var page = Page(size: media)
        page.add(.structure(.artifact(.layout)))
        cropMarks(into: &page)
        registrationMarks(into: &page)
        colourBar(into: &page)
        if let slugLine {
            // Past the corner's vertical crop mark, below the bleed.
            page.add(slugLine, at: Point(x: trim.minX + Length.mm(4).points, y: trim.maxY + bleed + Self.offset + Length.mm(6).points),
                     colour: { _ in Swatch(screen: .black, print: .cmyk(0, 0, 0, 1)) })
        }
        page.add(.structure(.end))
        return page.items
    }

    /// At each corner, a horizontal and a vertical line on the trim's edges, outside the bleed.
    private func cropMarks(into page: inout Page) {
        let start = bleed + Self.offset, end = bleed + Self.offset + Self.length
        let stroke = Stroke(colour: Self.registration, width: Self.hairline)
        for (x, dx) in [(trim.minX, -1.0), (trim.maxX, 1.0)] {
            for (y, dy) in [(trim.minY, -1.0), (trim.maxY, 1.0)] {
                page.add(.path(.line(from: Point(x: x + dx * start, y: y), to: Point(x: x + dx * end, y: y)), fill: nil, stroke: stroke))
                page.add(.path(.line(from: Point(x: x, y: y + dy * start), to: Point(x: x, y: y + dy * end)), fill: nil, stroke: stroke))
            }
        }
    }

    /// A circle with a cross through it at the middle of each side.
    private func registrationMarks(into page: inout Page) {
        let radius = Length.mm(2).points, arm = Length.mm(3.5).points
        let distance = bleed + Self.offset + arm
        let stroke = Stroke(colour: Self.registration, width: Self.hairline)
        let centres = [Point(x: trim.minX + trim.width / 2, y: trim.minY - distance), Point(x: trim.minX + trim.width / 2, y: trim.maxY + distance),
                       Point(x: trim.minX - distance, y: trim.minY + trim.height / 2), Point(x: trim.maxX + distance, y: trim.minY + trim.height / 2)]
        for centre in centres {
            page.add(.path(.ellipse(in: Rect(x: centre.x - radius, y: centre.y - radius, width: 2 * radius, height: 2 * radius)),
                           fill: nil, stroke: stroke))
            page.add(.path(.line(from: Point(x: centre.x - arm, y: centre.y), to: Point(x: centre.x + arm, y: centre.y)), fill: nil, stroke: stroke))
            page.add(.path(.line(from: Point(x: centre.x, y: centre.y - arm), to: Point(x: centre.x, y: centre.y + arm)), fill: nil, stroke: stroke))
        }
    }

    /// Cyan, magenta, yellow and black at 100 % and at 40 %, 5 mm patches above the trim on the right.
    private func colourBar(into page: inout Page) {
        let size = Length.mm(5).points
        let inks: [(Double, Double, Double, Double)] = [(1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1)]
        let patches = inks.map { Colour.cmyk($0.0, $0.1, $0.2, $0.3) }
            + inks.map { Colour.cmyk($0.0 * 0.4, $0.1 * 0.4, $0.2 * 0.4, $0.3 * 0.4) }
        let y = trim.minY - bleed - Self.offset - size
        for (index, patch) in patches.enumerated() {
            let x = trim.maxX - Double(patches.count - index) * size
            page.add(.path(.rectangle(Rect(x: x, y: y, width: size, height: size)), fill: Swatch(screen: nil, print: patch), stroke: nil))
        }
    }
}
