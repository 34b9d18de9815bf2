// A theme: the brand. Named colours (RGB for screens, CMYK and an optional spot ink for print),
// font roles, text styles, spacing and the logo. Layouts refer to these by name only, so a new
// theme restyles every layout without touching it.
import PressroomGraphics
import PressroomText

public struct Theme: Sendable {
    public struct NamedColour: Sendable, Equatable {
        public var rgb: Colour
        public var cmyk: Colour
        /// Spot ink name (e.g. "PANTONE 286 C"); print output paints with it, CMYK as alternate.
        public var spot: String?

        public init(rgb: Colour, cmyk: Colour, spot: String? = nil) {
            self.rgb = rgb
            self.cmyk = cmyk
            self.spot = spot
        }
    }

    /// A font role (body, heading, figures) mapped to a family, weight, style and features.
    public struct FontRole: Sendable, Equatable {
        public var family: String
        public var weight: Int
        public var italic: Bool
        public var features: [FontFeature]

        public init(family: String, weight: Int = 400, italic: Bool = false, features: [FontFeature] = []) {
            self.family = family
            self.weight = weight
            self.italic = italic
            self.features = features
        }
    }

    public struct TextStyleDefinition: Sendable {
        /// Font role name.
        public var font: String
        public var size: Double
        /// Palette colour name.
        public var colour: String
        /// Overrides the role's weight / italic.
        public var weight: Int?
        public var italic: Bool?
        public var lineHeight: Double
        public var alignment: TextAlignment
        public var hyphenate: Bool
        /// What text in this style is in a tagged PDF (`title` a first-level heading); nil = a paragraph.
        public var role: TextRole?
        public var location: SourceLocation

        public init(font: String, size: Double, colour: String = "text", weight: Int? = nil, italic: Bool? = nil,
                    lineHeight: Double = 1.3, alignment: TextAlignment = .left, hyphenate: Bool = false,
                    role: TextRole? = nil, location: SourceLocation) {
            self.font = font
            self.size = size
            self.colour = colour
            self.weight = weight
            self.italic = italic
            self.lineHeight = lineHeight
            self.alignment = alignment
            self.hyphenate = hyphenate
            self.role = role
            self.location = location
        }
    }

    public var name: String
    public var location: SourceLocation
    public var colours: [String: NamedColour]
    public var fonts: [String: FontRole]
    public var styles: [String: TextStyleDefinition]
    /// Named lengths the engine uses where a layout gives none: `block` (space between flow
    /// blocks), `cell-padding` (tables), `column-gap`.
    public var spacing: [String: Double]
    /// Path of the logo (PNG or JPEG), relative to the layouts folder.
    public var logo: String?
    /// The logo's alternate text in a tagged PDF (the brand's name); nil = the logo is decoration.
    public var logoAlt: String?

    public init(name: String, location: SourceLocation, colours: [String: NamedColour], fonts: [String: FontRole],
                styles: [String: TextStyleDefinition], spacing: [String: Double] = [:], logo: String? = nil,
                logoAlt: String? = nil) {
        self.name = name
        self.location = location
        self.colours = colours
        self.fonts = fonts
        self.styles = styles
        self.spacing = spacing
        self.logo = logo
        self.logoAlt = logoAlt
    }
}
