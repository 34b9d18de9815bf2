// How a span of text is set: family, weight, style, size, language and OpenType features.

public struct TextStyle: Hashable, Sendable {
    public var family: String
    /// CSS-style weight: 400 regular, 700 bold.
    public var weight: Int
    public var italic: Bool
    /// Font size in points.
    public var size: Double
    /// BCP 47 language tag ("cs", "sr", "sr-Latn", "en-GB"): drives shaping (`locl`), hyphenation
    /// and line breaking.
    public var language: String
    public var features: [FontFeature]

    public init(family: String = "Noto Sans", weight: Int = 400, italic: Bool = false, size: Double = 10,
                language: String = "en", features: [FontFeature] = []) {
        self.family = family
        self.weight = weight
        self.italic = italic
        self.size = size
        self.language = language
        self.features = features
    }
}

/// A piece of a paragraph in one style.
public struct TextSpan: Sendable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, style: TextStyle) {
        self.text = text
        self.style = style
    }
}

public enum TextAlignment: Sendable, Equatable {
    case left, right, center
    /// Both edges flush; the last line (and lines ending in a forced break) set left, or right in
    /// a right-to-left paragraph.
    case justified
}

/// How a paragraph is broken and aligned.
public struct ParagraphStyle: Sendable {
    public var alignment: TextAlignment
    /// Baseline-to-baseline distance as a multiple of the font size.
    public var lineHeight: Double
    public var hyphenate: Bool
    public var baseDirection: BaseDirection

    public init(alignment: TextAlignment = .left, lineHeight: Double = 1.3, hyphenate: Bool = false,
                baseDirection: BaseDirection = .auto) {
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.hyphenate = hyphenate
        self.baseDirection = baseDirection
    }
}
