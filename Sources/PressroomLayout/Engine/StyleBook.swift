// Resolves a theme's names: text-style names to text and paragraph styles and a colour, palette
// names to swatches carrying every value the theme gives (RGB for screens; CMYK, or the spot ink
// where the theme names one, for print): the output variant picks which is painted. Styles may be
// scaled down for a fixed box whose overflow policy is `shrink`.
import PressroomGraphics
import PressroomText

struct ResolvedStyle {
    var text: TextStyle
    var paragraph: ParagraphStyle
    var colour: Swatch
}

final class StyleBook {
    let theme: Theme
    private var styles: [String: ResolvedStyle] = [:]
    private var colours: [String: Swatch] = [:]

    init(theme: Theme) {
        self.theme = theme
    }

    /// The default style when a block names none.
    static let bodyStyle = "body"

    func colour(_ name: String, at location: SourceLocation) throws(LayoutError) -> Swatch {
        if let known = colours[name] { return known }
        guard let named = theme.colours[name] else {
            throw LayoutError(.unknownReference, "the theme `\(theme.name)` has no colour `\(name)`; it has \(theme.colours.keys.sorted().joined(separator: ", "))",
                              at: location)
        }
        var print = named.cmyk
        if let spot = named.spot, case .cmyk(let c, let m, let y, let k) = named.cmyk {
            print = .spot(SpotColour(name: spot, cyan: c, magenta: m, yellow: y, black: k), tint: 1)
        }
        let colour = Swatch(screen: named.rgb, print: print)
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
