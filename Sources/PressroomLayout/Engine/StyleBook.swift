// Resolves a theme's names for one output: text-style names to text and paragraph styles and a
// colour, palette names to the colour the variant paints with (RGB on screen, CMYK or spot ink in
// print). Styles may be scaled down for a fixed box whose overflow policy is `shrink`.
import PressroomGraphics
import PressroomText

/// Which of a palette colour's values a document paints with.
public enum ColourMode: Sendable {
    /// RGB: the digital variant (PDF by email, archive).
    case screen
    /// The spot ink where the theme names one, CMYK otherwise: the print variant.
    case print
}

struct ResolvedStyle {
    var text: TextStyle
    var paragraph: ParagraphStyle
    var colour: Colour
}

final class StyleBook {
    let theme: Theme
    let mode: ColourMode
    private var styles: [String: ResolvedStyle] = [:]
    private var colours: [String: Colour] = [:]

    init(theme: Theme, mode: ColourMode) {
        self.theme = theme
        self.mode = mode
    }

    /// The default style when a block names none.
    static let bodyStyle = "body"

    func colour(_ name: String, at location: SourceLocation) throws(LayoutError) -> Colour {
        if let known = colours[name] { return known }
        guard let named = theme.colours[name] else {
            throw LayoutError(.unknownReference, "the theme `\(theme.name)` has no colour `\(name)`; it has \(theme.colours.keys.sorted().joined(separator: ", "))",
                              at: location)
        }
        let colour: Colour
        switch mode {
        case .screen: colour = named.rgb
        case .print:
            if let spot = named.spot, case .cmyk(let c, let m, let y, let k) = named.cmyk {
                colour = .spot(SpotColour(name: spot, cyan: c, magenta: m, yellow: y, black: k), tint: 1)
            } else {
                colour = named.cmyk
            }
        }
        colours[name] = colour
        return colour
    }

    /// The style called `name` (the theme's `body` for nil), set in `language`, scaled by `scale`.
    func style(_ name: String?, language: String, scale: Double = 1, at location: SourceLocation) throws(LayoutError) -> ResolvedStyle {
        let key = name ?? Self.bodyStyle
        var resolved: ResolvedStyle
        if let known = styles[key] {
            resolved = known
        } else {
            guard let definition = theme.styles[key] else {
                throw LayoutError(.unknownReference, "the theme `\(theme.name)` has no text style `\(key)`; it has \(theme.styles.keys.sorted().joined(separator: ", "))",
                                  at: location)
            }
            guard let role = theme.fonts[definition.font] else {
                throw LayoutError(.unknownReference, "the text style `\(key)` uses the font role `\(definition.font)`, which the theme `\(theme.name)` does not define",
                                  at: definition.location)
            }
            let text = TextStyle(family: role.family, weight: definition.weight ?? role.weight,
                                 italic: definition.italic ?? role.italic, size: definition.size, language: "en",
                                 features: role.features)
            let paragraph = ParagraphStyle(alignment: definition.alignment, lineHeight: definition.lineHeight,
                                           hyphenate: definition.hyphenate)
            resolved = ResolvedStyle(text: text, paragraph: paragraph,
                                     colour: try colour(definition.colour, at: definition.location))
            styles[key] = resolved
        }
        resolved.text.language = language
        resolved.text.size *= scale
        return resolved
    }
}
