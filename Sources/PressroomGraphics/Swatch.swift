// What a display list paints with: a swatch carries a colour's screen value (gray or RGB) and its
// print value (gray, CMYK or a spot ink), as a theme's palette defines them; the output variant
// chooses which one is painted, never the layout.

/// Which of a swatch's values an output paints.
public enum ColourChoice: String, Sendable, Hashable, Codable {
    /// Gray and RGB: screens, email, archives (the digital variant).
    case screen
    /// Gray, CMYK and spot inks: the press (the print variant).
    case print
}

public struct Swatch: Hashable, Sendable {
    /// Gray or RGB; nil when the colour was only given for print.
    public var screen: Colour?
    /// Gray, CMYK or a spot ink (with its CMYK alternate); nil when only given for screens.
    public var print: Colour?

    public init(screen: Colour?, print: Colour?) {
        self.screen = screen
        self.print = print
    }

    /// One device colour: gray serves both outputs, RGB screens, CMYK and spot inks the press.
    public init(_ colour: Colour) {
        switch colour {
        case .gray: self.init(screen: colour, print: colour)
        case .rgb: self.init(screen: colour, print: nil)
        case .cmyk, .spot: self.init(screen: nil, print: colour)
        }
    }

    public static let black = Swatch(.black)
    public static let white = Swatch(.white)
    /// A gray for both outputs (0 black, 1 white).
    public static func gray(_ value: Double) -> Swatch { Swatch(.gray(value)) }
    /// An RGB colour, for screens only.
    public static func rgb(_ red: Double, _ green: Double, _ blue: Double) -> Swatch { Swatch(.rgb(red, green, blue)) }
    /// A spot ink at a tint, for the press only.
    public static func spot(_ ink: SpotColour, tint: Double) -> Swatch { Swatch(.spot(ink, tint: tint)) }
    /// A process colour, for the press only.
    public static func cmyk(_ cyan: Double, _ magenta: Double, _ yellow: Double, _ black: Double) -> Swatch {
        Swatch(.cmyk(cyan, magenta, yellow, black))
    }

    /// The value `choice` asks for, or the other one when the swatch has none (a writer bound
    /// to a colour profile reports such a fallback as a violation).
    public func colour(for choice: ColourChoice) -> Colour {
        switch choice {
        case .screen: screen ?? print ?? .black
        case .print: print ?? screen ?? .black
        }
    }
}
