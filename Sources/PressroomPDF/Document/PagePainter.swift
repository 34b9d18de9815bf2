// Turns display-list items into content-stream operators in PDF's y-up space: glyph runs as TJ
// arrays whose adjustments reproduce the typesetter's positions exactly, paths, and images.
// Consecutive runs share one text object, a font is set only when it changes, and lines are
// reached by relative moves: the stream is smaller and compresses better.
import PressroomGraphics
import PressroomText

struct PagePainter {
    let height: Double
    var content = ContentStream()
    var resources = PageResources()
    private var currentFill: Colour?
    private var currentStroke: Colour?
    /// Text state as a reader has it: whether a text object is open, the font and size (which
    /// outlive ET, §9.3.1), and the current line's start in ten-thousandths of a point (BT sets it
    /// to the origin).
    private var inTextObject = false
    private var textFont: (name: PDFName, size: Double)?
    private var lineX = 0, lineY = 0
    /// The colours and font in force outside each open group, restored by its Q.
    private var savedStates: [(fill: Colour?, stroke: Colour?, font: (name: PDFName, size: Double)?)] = []

    /// `resources` are the page's so far: an overlay goes on naming where the body stopped.
    init(height: Double, resources: PageResources = PageResources()) {
        self.height = height
        self.resources = resources
    }

    // MARK: Colour

    mutating func setFill(_ colour: Colour, spot: (SpotColour) -> PDFReference) {
        guard colour != currentFill else { return }
        currentFill = colour
        setColour(colour, stroking: false, spot: spot)
    }

    mutating func setStroke(_ colour: Colour, spot: (SpotColour) -> PDFReference) {
        guard colour != currentStroke else { return }
        currentStroke = colour
        setColour(colour, stroking: true, spot: spot)
    }

    /// §8.6.8: g/G, rg/RG, k/K for device colours; cs/CS + scn/SCN for a Separation.
    private mutating func setColour(_ colour: Colour, stroking: Bool, spot: (SpotColour) -> PDFReference) {
        switch colour {
        case .gray(let g): stroking ? content.strokeGray(g) : content.fillGray(g)
        case .rgb(let r, let g, let b): stroking ? content.strokeRGB(r, g, b) : content.fillRGB(r, g, b)
        case .cmyk(let c, let m, let y, let k): stroking ? content.strokeCMYK(c, m, y, k) : content.fillCMYK(c, m, y, k)
        case .spot(let ink, let tint):
            let name = resources.name(forColourSpace: spot(ink))
            if stroking {
                content.strokeColourSpace(name)
                content.strokeComponents(tint)
            } else {
                content.fillColourSpace(name)
                content.fillComponents(tint)
            }
        }
    }

    // MARK: Text

    /// Draws a run with its baseline origin at `origin` (y down). Each glyph's code comes from the
    /// embedded font; where the TJ array's natural advance differs from the typeset position, an
    /// adjustment moves the pen there (§9.4.3: tx = (w0 − Tj/1000) · Tfs).
    /// Returns how many glyphs stand for no text (later glyphs of a cluster): ToUnicode maps
    /// them to nothing, which PDF/UA forbids.
    @discardableResult
    mutating func draw(_ run: GlyphRun, at origin: Point, font: EmbeddedFont) -> Int {
        guard !run.glyphs.isEmpty else { return 0 }
        var withoutText = 0
        let size = run.size
        if !inTextObject {
            content.beginText()
            inTextObject = true
            lineX = 0; lineY = 0
        }
        if textFont?.name != font.resourceName || textFont?.size != size {
            content.font(font.resourceName, size: size)
            textFont = (font.resourceName, size)
        }

        var inArray = false
        var penX = 0.0
        var currentY = Double.nan
        let text = run.text.utf16

        for glyph in run.glyphs {
            let x = origin.x + glyph.x
            let y = height - (origin.y + glyph.y)
            var glyphText: ArraySlice<UInt16> = glyph.kind == .insertedHyphen ? [0x00AD] : text[glyph.textRange]
            if glyphText.isEmpty { withoutText += 1 }
            if run.isRightToLeft && glyphText.count > 1 {
                // Right-to-left glyphs are written in visual order; a ligature's characters are too
                // (lam-alef as alef, lam), so extractors that mirror the line get the logical word back.
                glyphText = ArraySlice(String(String.UnicodeScalarView(String(decoding: glyphText, as: UTF16.self)
                    .unicodeScalars.reversed())).utf16)
            }
            let (code, width, needsActualText) = font.code(for: glyph.id, text: glyphText)
            if y != currentY {
                if inArray { content.endGlyphArray(); inArray = false }
                // §9.4.2 Td, from the line start the reader has, so no rounding accumulates.
                let targetX = Self.tenThousandths(x), targetY = Self.tenThousandths(y)
                content.moveText(dx: targetX - lineX, dy: targetY - lineY)
                lineX = targetX; lineY = targetY
                currentY = y
                penX = Double(targetX) / 10_000
            } else if abs(x - penX) > 0.0005 {
                if !inArray { content.beginGlyphArray(); inArray = true }
                content.adjustGlyphPosition(-(x - penX) * 1000 / size)
            }
            if needsActualText {
                if inArray { content.endGlyphArray(); inArray = false }
                content.beginMarkedContent("Span", properties: ["ActualText": .hexString(UTF16BE.text(glyphText))])
                content.showGlyphs([.code(code)])
                content.endMarkedContent()
            } else {
                if !inArray { content.beginGlyphArray(); inArray = true }
                content.glyph(code)
            }
            // The advance a reader applies: the code's /W width.
            penX = x + Double(width) * size / 1000
        }
        if inArray { content.endGlyphArray() }
        return withoutText
    }

    /// A coordinate as the content stream writes it, in ten-thousandths of a point.
    private static func tenThousandths(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1e11 else { return 0 }
        return Int((value * 10_000).rounded())
    }

    /// Closes an open text object: paths and images may not be drawn inside one (§8.2, figure 9).
    private mutating func endTextObject() {
        guard inTextObject else { return }
        content.endText()
        inTextObject = false
    }

    // MARK: Marked content (§14.6)

    /// Whether the open marked-content sequence began inside the open text object: it must end
    /// before the text object does (sequences and text objects nest, §14.6), so painting a path or
    /// an image inside it needs the sequence split (`MarkedContentTracker` does that).
    private(set) var sequenceInTextObject = false

    /// Opens a tagged sequence `/Role << /MCID n >> BDC`, or an artifact: `/Artifact BMC`, or with a
    /// type `/Artifact << /Type /Pagination >> BDC`. A sequence may begin inside a text object, so
    /// the lines and cells of a page stay in one text object and keep their relative moves.
    mutating func beginTagged(_ role: PDFName, mcid: Int) {
        sequenceInTextObject = inTextObject
        content.beginMarkedContent(role, properties: ["MCID": .integer(mcid)])
    }

    mutating func beginArtifact(_ type: PDFName?) {
        sequenceInTextObject = inTextObject
        if let type {
            content.beginMarkedContent("Artifact", properties: ["Type": type.object])
        } else {
            content.beginMarkedContent("Artifact")
        }
    }

    /// Ends the open sequence, and first a text object begun inside it.
    mutating func endMarked() {
        if !sequenceInTextObject { endTextObject() }
        content.endMarkedContent()
        sequenceInTextObject = false
    }

    /// Paths and images end the text object; call before opening a sequence around them.
    mutating func leaveTextObject() { endTextObject() }

    /// Opens a text object (if none is) before a sequence around text, so that the sequence sits
    /// inside it and the next sequences share it.
    mutating func enterTextObject() {
        guard !inTextObject else { return }
        content.beginText()
        inTextObject = true
        lineX = 0; lineY = 0
    }

    /// The finished stream: any open text object closed.
    mutating func finish() -> ContentStream {
        endTextObject()
        return content
    }

    // MARK: Paths and images

    /// `strokeColour` is the stroke's swatch as the document paints it.
    mutating func draw(_ path: Path, fill: Colour?, stroke: Stroke?, strokeColour: Colour?, spot: (SpotColour) -> PDFReference) {
        guard fill != nil || stroke != nil else { return }
        endTextObject()
        if let fill { setFill(fill, spot: spot) }
        if let stroke {
            setStroke(strokeColour ?? .black, spot: spot)
            content.save()
            content.lineWidth(stroke.width)
            if stroke.cap != .butt { content.lineCap(stroke.cap.rawValue) }
            if stroke.join != .miter { content.lineJoin(stroke.join.rawValue) }
            if !stroke.dash.isEmpty { content.dash(stroke.dash, phase: stroke.dashPhase) }
        }
        append(path)
        switch (fill != nil, stroke != nil) {
        case (true, true): content.fillAndStroke()
        case (true, false): content.fill()
        default: content.stroke()
        }
        if stroke != nil {
            content.restore()
            // The stroke colour was set outside q…Q and survives; line settings do not.
        }
    }

    /// A closed subpath that runs along the axes, across first, is written as `re` (§8.5.2.1:
    /// "x y w h re" is that very subpath, winding included) in a third of the bytes: a payment
    /// QR code is hundreds of them.
    private mutating func append(_ path: Path) {
        // The built elements, moved here by the path's offset (x right, y down before the flip).
        let elements = path.builtElements
        let dx = path.offset.x, dy = path.offset.y
        var index = 0
        while index < elements.count {
            if let rectangle = Self.rectangle(in: elements, at: index) {
                content.rectangle(rectangle.x + dx, height - (rectangle.y + dy), rectangle.width, -rectangle.height)
                index += 5
                continue
            }
            switch elements[index] {
            case .move(let p): content.move(p.x + dx, height - (p.y + dy))
            case .line(let p): content.line(p.x + dx, height - (p.y + dy))
            case .curve(let c1, let c2, let p):
                content.curve(c1.x + dx, height - (c1.y + dy), c2.x + dx, height - (c2.y + dy), p.x + dx, height - (p.y + dy))
            case .close: content.closePath()
            }
            index += 1
        }
    }

    /// The subpath at `index` as x, y, width and height (y down, either may be negative) when it is
    /// move, three lines and close going across, down or up, back across, and back to its start.
    private static func rectangle(in elements: [Path.Element], at index: Int) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard index + 4 < elements.count, case .move(let a) = elements[index], case .line(let b) = elements[index + 1],
              case .line(let c) = elements[index + 2], case .line(let d) = elements[index + 3], case .close = elements[index + 4],
              a.y == b.y, b.x == c.x, c.y == d.y, d.x == a.x else { return nil }
        return (a.x, a.y, b.x - a.x, c.y - b.y)
    }

    // MARK: Groups and forms

    /// The y-down `transform` as a PDF matrix for content drawn in a space of height `inner` (its
    /// items flipped by it) onto this page: flip ∘ transform ∘ flip(inner), §8.3.4.
    private func matrix(_ t: Transform, inner: Double) -> (Double, Double, Double, Double, Double, Double) {
        (t.a, -t.b, -t.c, t.d, t.c * inner + t.tx, height - t.d * inner - t.ty)
    }

    /// Opens a group: q, its transformation, its clip. Items drawn until `endGroup` are in the
    /// group's space (they still flip with the page's height, which the matrix accounts for).
    mutating func beginGroup(_ group: PageGroup) {
        endTextObject()
        content.save()
        savedStates.append((currentFill, currentStroke, textFont))
        if !group.transform.isIdentity {
            let m = matrix(group.transform, inner: height)
            content.transform(m.0, m.1, m.2, m.3, m.4, m.5)
        }
        if let clip = group.clip {
            append(clip)
            content.clip()
            content.endPath()
        }
    }

    /// Closes the group: Q brings back the colours and font of before.
    mutating func endGroup() {
        endTextObject()
        content.restore()
        let state = savedStates.removeLast()
        currentFill = state.fill
        currentStroke = state.stroke
        textFont = state.font
    }

    /// Places a form of height `formHeight` (its own y-down space) through `transform`.
    mutating func draw(form name: PDFName, formHeight: Double, transform: Transform) {
        endTextObject()
        content.save()
        let m = matrix(transform, inner: formHeight)
        content.transform(m.0, m.1, m.2, m.3, m.4, m.5)
        content.drawObject(name)
        content.restore()
    }

    mutating func draw(image name: PDFName, in frame: Rect) {
        endTextObject()
        content.save()
        content.transform(frame.width, 0, 0, frame.height, frame.minX, height - frame.maxY)
        content.drawObject(name)
        content.restore()
    }
}
