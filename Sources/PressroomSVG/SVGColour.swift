// Display-list colours as the sRGB "#rrggbb" a browser paints: grey and RGB as the PDF gives them,
// CMYK by the naive conversion (no colour management, as a PDF viewer without an output intent),
// a spot ink as its CMYK alternate at the tint (the Separation's tint transform, §8.6.6.4).
import PressroomGraphics

enum SVGColour {
    /// The colour as 8-bit sRGB components.
    static func rgb(_ colour: Colour) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch colour {
        case .gray(let g):
            let level = byte(g)
            return (level, level, level)
        case .rgb(let r, let g, let b):
            return (byte(r), byte(g), byte(b))
        case .cmyk(let c, let m, let y, let k):
            return fromCMYK(c, m, y, k)
        case .spot(let ink, let tint):
            // Type 2 function with C0 = 0 and N = 1: each component is the alternate's times the tint.
            let t = clamp(tint)
            let a = ink.alternate
            return fromCMYK(a.cyan * t, a.magenta * t, a.yellow * t, a.black * t)
        }
    }

    /// Appends "#rrggbb" in lowercase.
    static func appendHex(_ colour: Colour, to output: inout SVGOutput) {
        let (r, g, b) = rgb(colour)
        output.append(UInt8(ascii: "#"))
        appendByte(r, to: &output); appendByte(g, to: &output); appendByte(b, to: &output)
    }

    @inline(__always) private static func appendByte(_ component: UInt8, to output: inout SVGOutput) {
        output.append(hexDigits[Int(component >> 4)])
        output.append(hexDigits[Int(component & 0xF)])
    }

    /// "#rrggbb" as a string (tests, callers that style HTML around the page).
    static func hex(_ colour: Colour) -> String {
        var output = SVGOutput(capacity: 7)
        appendHex(colour, to: &output)
        return output.string
    }

    /// r = (1 − c)(1 − k), and likewise for green (magenta) and blue (yellow).
    private static func fromCMYK(_ c: Double, _ m: Double, _ y: Double, _ k: Double) -> (UInt8, UInt8, UInt8) {
        let white = 1 - clamp(k)
        return (byte((1 - clamp(c)) * white), byte((1 - clamp(m)) * white), byte((1 - clamp(y)) * white))
    }

    private static func clamp(_ value: Double) -> Double {
        value.isNaN ? 0 : min(max(value, 0), 1)
    }

    private static func byte(_ value: Double) -> UInt8 {
        UInt8((clamp(value) * 255).rounded())
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
