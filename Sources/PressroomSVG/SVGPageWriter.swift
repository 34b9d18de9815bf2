// Serialises a display-list page as a standalone SVG document that a browser draws exactly as the
// PDF writer paints it: glyphs as outlines (no font lookup or shaping in the browser), paths,
// images, links, and optionally the layout's source marks. Coordinates are PDF points, y down,
// which is SVG's user space as it is.
import PressroomGraphics
import PressroomMarkup
import PressroomText

/// Writes pages as SVG. Keep one for many pages and renders: glyph outlines and image data are
/// cached across calls. One thread at a time (make one per worker).
public final class SVGPageWriter {
    private let glyphCache = SVGGlyphCache()
    private let imageCache = SVGImageCache()

    public init() {}

    /// The page as an SVG document: the same page gives the same bytes, whatever was written
    /// before (ids are numbered per page).
    public func svg(for page: Page, options: SVGOptions = SVGOptions()) -> String {
        var prefix: [UInt8] = []
        XMLEscaping.appendAttributeValue(options.idPrefix, to: &prefix)
        var definitions = SVGGlyphDefinitions(prefix: prefix)
        var body = SVGOutput(capacity: 65_536)
        var drawing = Drawing(prefix: prefix, colours: options.colours, includeSources: options.includeSources)
        append(page.items, topLevel: true, drawing: &drawing, definitions: &definitions, to: &body)
        let links = drawing.links, marks = drawing.marks

        var document = SVGOutput(capacity: body.bytes.count + definitions.output.bytes.count + 512)
        document.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        // The page size as the PDF's MediaBox has it (4 decimals), so both are the same size.
        document.append(number: page.size.width, decimals: 4)
        document.append(UInt8(ascii: " "))
        document.append(number: page.size.height, decimals: 4)
        document.append("\" width=\"")
        document.append(number: page.size.width, decimals: 4)
        document.append("pt\" height=\"")
        document.append(number: page.size.height, decimals: 4)
        document.append("pt\">")
        if !definitions.isEmpty {
            document.append("<defs>")
            document.append(definitions.output)
            document.append("</defs>")
        }
        // Paper: a PDF page is white where nothing is drawn; an SVG is transparent.
        document.append("<rect width=\"")
        document.append(number: page.size.width, decimals: 4)
        document.append("\" height=\"")
        document.append(number: page.size.height, decimals: 4)
        document.append("\" fill=\"#ffffff\"/>")
        document.append(body)
        for (rect, uri) in links { SVGLink.append(rect, uri: uri, to: &document) }
        SVGSourceMarks.append(marks, to: &document)
        document.append("</svg>\n")
        return document.string
    }

    // MARK: Items

    /// What drawing the items gathers besides their SVG: links and source marks (of the page's
    /// own items; those inside groups and forms are not clickable), and clip path numbers.
    private struct Drawing {
        let prefix: [UInt8]
        let colours: ColourChoice
        let includeSources: Bool
        var links: [(Rect, String)] = []
        var marks: [(Rect, SourceMark)] = []
        var clips = 0
    }

    private func append(_ items: [PageItem], topLevel: Bool, drawing: inout Drawing,
                        definitions: inout SVGGlyphDefinitions, to body: inout SVGOutput) {
        for item in items {
            switch item {
            case .text(let run, let origin, let colour):
                appendText(run, at: origin, colour: colour.colour(for: drawing.colours), definitions: &definitions, to: &body)
            case .path(let path, let fill, let stroke):
                guard fill != nil || stroke != nil, !path.elements.isEmpty else { continue }
                body.append("<path d=\"")
                SVGPathData.append(path, to: &body)
                body.append(UInt8(ascii: "\""))
                SVGPathData.appendPaint(fill: fill, stroke: stroke, colours: drawing.colours, to: &body)
                body.append("/>")
            case .image(let source, let frame):
                appendImage(source, frame: frame, to: &body)
            case .link(let rect, let uri):
                if topLevel { drawing.links.append((rect, uri)) }
            case .source(let rect, let mark):
                if topLevel && drawing.includeSources { drawing.marks.append((rect, mark)) }
            case .structure:
                continue  // tagged PDF only
            case .group(let group):
                var clipID: [UInt8]?
                if let clip = group.clip {
                    drawing.clips += 1
                    let id = drawing.prefix + Array("clip\(drawing.clips)".utf8)
                    body.append("<clipPath id=\"")
                    body.append(id)
                    body.append("\"><path d=\"")
                    SVGPathData.append(clip, to: &body)
                    body.append("\"/></clipPath>")
                    clipID = id
                }
                appendGroupStart(group.transform, to: &body)
                if let clipID {
                    // The clip is in the group's space: an inner group applies it after the transform.
                    body.append("<g clip-path=\"url(#")
                    body.append(clipID)
                    body.append(")\">")
                }
                append(group.items, topLevel: false, drawing: &drawing, definitions: &definitions, to: &body)
                if clipID != nil { body.append("</g>") }
                body.append("</g>")
            case .form(let form, let transform):
                // Clipped to the placed page, as a PDF Form XObject is to its BBox. Another file's
                // page cannot be drawn here: a light frame with its name stands in for it.
                let size = form.size
                let frame = Rect(x: 0, y: 0, width: size.width, height: size.height)
                let items: [PageItem]
                switch form.content {
                case .displayList(let page): items = page.items
                case .external: items = [.path(.rectangle(frame), fill: .gray(0.94), stroke: Stroke(colour: .gray(0.6), width: 0.5))]
                }
                let clip = PageGroup(transform: transform, clip: .rectangle(frame), items: items)
                append([.group(clip)], topLevel: false, drawing: &drawing, definitions: &definitions, to: &body)
            }
        }
    }

    /// `<g transform="matrix(a b c d e f)">`: SVG's user space is y down, as the display list's.
    private func appendGroupStart(_ t: Transform, to body: inout SVGOutput) {
        guard !t.isIdentity else { body.append("<g>"); return }
        body.append("<g transform=\"matrix(")
        for (index, value) in [t.a, t.b, t.c, t.d, t.tx, t.ty].enumerated() {
            if index > 0 { body.append(UInt8(ascii: " ")) }
            body.append(number: value, decimals: 6)
        }
        body.append(")\">")
    }

    /// A run as a group scaled from font units to points at its baseline origin, filled with its
    /// colour, with one `<use>` per glyph at the typesetter's position (the PDF writer's TJ
    /// adjustments reproduce the same positions). Glyphs that draw nothing are left out, and a run
    /// that draws nothing writes nothing.
    private func appendText(_ run: GlyphRun, at origin: Point, colour: Colour,
                            definitions: inout SVGGlyphDefinitions, to output: inout SVGOutput) {
        guard run.size > 0, run.size.isFinite else { return }
        let face = glyphCache.face(run.face)
        let faceNumber = definitions.number(of: run.face)
        let scale = run.size / face.unitsPerEm
        // Glyph positions in font units; 1/10 unit is a thousandth of a point at 10 pt.
        let unitsPerPoint = face.unitsPerEm / run.size
        var opened = false
        for glyph in run.glyphs {
            guard definitions.define(glyph.id, faceNumber: faceNumber, from: face) else { continue }
            if !opened {
                output.append("<g fill=\"")
                SVGColour.appendHex(colour, to: &output)
                output.append("\" transform=\"matrix(")
                output.append(number: scale, decimals: 9)
                output.append(" 0 0 ")
                output.append(number: scale, decimals: 9)
                output.append(UInt8(ascii: " "))
                output.append(number: origin.x, decimals: SVGPathData.decimals + 1)
                output.append(UInt8(ascii: " "))
                output.append(number: origin.y, decimals: SVGPathData.decimals + 1)
                output.append(")\">")
                opened = true
            }
            output.append("<use href=\"#")
            definitions.appendID(glyph.id, faceNumber: faceNumber, to: &output)
            output.append(UInt8(ascii: "\""))
            let x = glyph.x * unitsPerPoint, y = glyph.y * unitsPerPoint
            if (x * 10).rounded() != 0 { output.attribute("x", x, decimals: 1) }
            if (y * 10).rounded() != 0 { output.attribute("y", y, decimals: 1) }
            output.append("/>")
        }
        if opened { output.append("</g>") }
    }

    /// The image stretched over its frame, as the PDF writer maps the unit square onto it.
    private func appendImage(_ source: ImageSource, frame: Rect, to output: inout SVGOutput) {
        guard frame.width > 0, frame.height > 0, let uri = imageCache.dataURI(for: source) else { return }
        output.append("<image href=\"")
        output.append(uri)
        output.append(UInt8(ascii: "\""))
        output.frame(frame)
        output.append(" preserveAspectRatio=\"none\"/>")
    }
}
