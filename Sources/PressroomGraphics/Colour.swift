// Colours a page paints with: grey, RGB, CMYK, and spot (Separation) colours with a CMYK alternate.

public struct SpotColour: Hashable, Sendable {
    /// Name and alternate behind one reference: inline they made every Colour 57 bytes instead of
    /// 33, and every display-list item carries two to four colours (a page item took 296 bytes
    /// instead of 200). Spot colours are made when a theme is resolved, not per item.
    private final class Ink: Sendable {
        let name: String
        let alternate: (cyan: Double, magenta: Double, yellow: Double, black: Double)
        init(name: String, alternate: (cyan: Double, magenta: Double, yellow: Double, black: Double)) {
            self.name = name
            self.alternate = alternate
        }
    }

    private let ink: Ink

    /// The colourant name a press knows it by, e.g. "PANTONE 186 C".
    public var name: String { ink.name }
    /// The CMYK approximation used by devices without that ink, 0…1 each.
    public var alternate: (cyan: Double, magenta: Double, yellow: Double, black: Double) { ink.alternate }

    public init(name: String, cyan: Double, magenta: Double, yellow: Double, black: Double) {
        ink = Ink(name: name, alternate: (cyan, magenta, yellow, black))
    }
    public static func == (lhs: SpotColour, rhs: SpotColour) -> Bool {
        lhs.name == rhs.name && lhs.alternate == rhs.alternate
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(alternate.cyan); hasher.combine(alternate.magenta)
        hasher.combine(alternate.yellow); hasher.combine(alternate.black)
    }
}

public enum Colour: Hashable, Sendable {
    case gray(Double)
    case rgb(Double, Double, Double)
    case cmyk(Double, Double, Double, Double)
    /// A spot ink at a tint from 0 (none) to 1 (solid).
    case spot(SpotColour, tint: Double)

    public static let black = Colour.gray(0)
    public static let white = Colour.gray(1)

    /// "#RRGGBB" or "#RGB"; nil for anything else.
    public init?(hex: String) {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self = .rgb(Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}
