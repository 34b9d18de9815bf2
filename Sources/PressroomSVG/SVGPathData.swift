// Path data (SVG 2 §9.3: the `d` attribute) for display-list paths and glyph outlines, and a
// stroke's attributes with the PDF writer's semantics, so both painters draw the same line.
import PressroomGraphics
import PressroomText

enum SVGPathData {
    /// Decimals for page coordinates: 1/100 pt is below a pixel at any screen or proof resolution.
    static let decimals = 2

    /// A page path, y down as both the display list and SVG have it.
    static func append(_ path: Path, to output: inout SVGOutput) {
        for element in path.elements {
            switch element {
            case .move(let p):
                output.append(UInt8(ascii: "M")); point(p.x, p.y, &output)
            case .line(let p):
                output.append(UInt8(ascii: "L")); point(p.x, p.y, &output)
            case .curve(let c1, let c2, let p):
                output.append(UInt8(ascii: "C")); point(c1.x, c1.y, &output)
                separator(before: c2.x, &output); point(c2.x, c2.y, &output)
                separator(before: p.x, &output); point(p.x, p.y, &output)
            case .close:
                output.append(UInt8(ascii: "Z"))
            }
        }
    }

    /// A glyph outline in font units, y flipped to point down, so a run places it with a uniform
    /// scale and no mirror.
    static func append(_ outline: [OutlineSegment], to output: inout SVGOutput) {
        for segment in outline {
            switch segment {
            case .move(let x, let y):
                output.append(UInt8(ascii: "M")); point(x, -y, &output)
            case .line(let x, let y):
                output.append(UInt8(ascii: "L")); point(x, -y, &output)
            case .quadratic(let cx, let cy, let x, let y):
                output.append(UInt8(ascii: "Q")); point(cx, -cy, &output)
                separator(before: x, &output); point(x, -y, &output)
            case .cubic(let c1x, let c1y, let c2x, let c2y, let x, let y):
                output.append(UInt8(ascii: "C")); point(c1x, -c1y, &output)
                separator(before: c2x, &output); point(c2x, -c2y, &output)
                separator(before: x, &output); point(x, -y, &output)
            case .close:
                output.append(UInt8(ascii: "Z"))
            }
        }
    }

    /// "x y", or "x-y": a minus sign separates numbers by itself (SVG 2 §9.3.9 grammar).
    @inline(__always) private static func point(_ x: Double, _ y: Double, _ output: inout SVGOutput) {
        output.append(number: x, decimals: decimals)
        separator(before: y, &output)
        output.append(number: y, decimals: decimals)
    }

    @inline(__always) private static func separator(before value: Double, _ output: inout SVGOutput) {
        // Exactly when the number will be written with a sign.
        if !((value * 100).rounded() < 0) { output.append(UInt8(ascii: " ")) }
    }

    // MARK: Painting

    /// ` fill="…" stroke="…" stroke-width="…" …` for a path painted as the PDF writer paints it:
    /// nonzero fill, then the stroke over it (B, §8.5.3), PDF's defaults where SVG's differ.
    static func appendPaint(fill: Swatch?, stroke: Stroke?, colours: ColourChoice, to output: inout SVGOutput) {
        output.append(" fill=\"")
        if let fill { SVGColour.appendHex(fill.colour(for: colours), to: &output) } else { output.append("none") }
        output.append(UInt8(ascii: "\""))
        guard let stroke else { return }
        output.append(" stroke=\"")
        SVGColour.appendHex(stroke.colour.colour(for: colours), to: &output)
        output.append(UInt8(ascii: "\""))
        if stroke.width > 0 {
            output.attribute("stroke-width", stroke.width, decimals: 3)
        } else {
            // §8.4.3.2: a zero width is the thinnest line the device can draw: one device pixel.
            output.append(" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"")
        }
        switch stroke.join {
        // PDF's default miter limit is 10 (§8.4.1, table 52), SVG's 4: long miters would be cut.
        case .miter: output.append(" stroke-miterlimit=\"10\"")
        case .round: output.append(" stroke-linejoin=\"round\"")
        case .bevel: output.append(" stroke-linejoin=\"bevel\"")
        }
        switch stroke.cap {
        case .butt: break
        case .round: output.append(" stroke-linecap=\"round\"")
        case .square: output.append(" stroke-linecap=\"square\"")
        }
        // §8.4.3.6: an empty array is a solid line. SVG draws a solid line for an all-zero or any
        // negative array too; PDF readers do the same with an all-zero one.
        if !stroke.dash.isEmpty, stroke.dash.allSatisfy({ $0 >= 0 && $0.isFinite }), stroke.dash.contains(where: { $0 > 0 }) {
            output.append(" stroke-dasharray=\"")
            for (index, length) in stroke.dash.enumerated() {
                if index > 0 { output.append(UInt8(ascii: " ")) }
                output.append(number: length, decimals: 3)
            }
            output.append(UInt8(ascii: "\""))
            if stroke.dashPhase != 0 { output.attribute("stroke-dashoffset", stroke.dashPhase, decimals: 3) }
        }
    }
}
