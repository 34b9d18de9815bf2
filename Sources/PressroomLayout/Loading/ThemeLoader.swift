// A theme file from YAML: the palette (RGB, CMYK 0…1 and an optional spot ink per colour), font
// roles with OpenType features, text styles, named spacing and the logo.
import PressroomGraphics
import PressroomText

enum ThemeLoader {
    static let keys = ["theme", "logo", "logo-alt", "colours", "fonts", "styles", "spacing"]
    static let colourKeys = ["rgb", "cmyk", "spot"]
    static let fontKeys = ["family", "weight", "italic", "features"]
    static let styleKeys = ["font", "size", "colour", "weight", "italic", "line-height", "align", "hyphenate", "role"]
    /// The lengths the engine looks up where a layout gives none.
    static let spacingKeys = ["block", "cell-padding", "column-gap"]

    static func theme(_ root: YAMLValue) throws(LayoutError) -> Theme {
        let theme = try FileKind.theme.header(of: root)
        try theme.checkKeys(allowed: keys, in: "a theme")
        var spacing: [String: Double] = [:]
        if let value = theme["spacing"] {
            for entry in try value.mapping("`spacing`", allowed: spacingKeys).entries { spacing[entry.key] = try entry.value.length() }
        }
        return Theme(name: try theme.required("theme", in: "a theme").text(),
                     location: theme.location,
                     colours: try named(theme["colours"]) { v throws(LayoutError) in try colour(v) },
                     fonts: try named(theme["fonts"]) { v throws(LayoutError) in try font(v) },
                     styles: try named(theme["styles"]) { v throws(LayoutError) in try style(v) },
                     spacing: spacing,
                     logo: try theme["logo"]?.text(),
                     logoAlt: try theme["logo-alt"]?.text())
    }

    /// A mapping of names to definitions (`colours:`, `fonts:`, `styles:`); absent = none.
    private static func named<T>(_ value: YAMLValue?, _ read: (YAMLValue) throws(LayoutError) -> T) throws(LayoutError) -> [String: T] {
        guard let value else { return [:] }
        var result: [String: T] = [:]
        for entry in try YAMLMapping(value).entries {
            result[entry.key] = try read(entry.value)
        }
        return result
    }

    /// `{ rgb: "#0b5cad", cmyk: [1.0, 0.55, 0, 0.1], spot: "PANTONE 2945 C" }`: both RGB (screens)
    /// and CMYK (print) are required, so print output never guesses a conversion.
    private static func colour(_ value: YAMLValue) throws(LayoutError) -> Theme.NamedColour {
        let colour = try value.mapping("colour \(value.name)", allowed: colourKeys)
        let rgbValue = try colour.required("rgb", in: "colour \(value.name)", example: "rgb: \"#1d2430\"")
        guard let text = rgbValue.scalarText, text.hasPrefix("#"), let rgb = Colour(hex: text) else {
            throw rgbValue.error(.invalidValue, "\(rgbValue.shapeDescription) is not an RGB colour; write `\"#rrggbb\"` or `\"#rgb\"` in quotes")
        }
        let cmykValue = try colour.required("cmyk", in: "colour \(value.name)", example: "cmyk: [0.70, 0.55, 0.40, 0.85]")
        guard case .sequence(let sequence) = cmykValue.node, sequence.count == 4 else {
            throw cmykValue.wrongShape("four numbers from 0 to 1, [cyan, magenta, yellow, black]")
        }
        var inks: [Double] = []
        for ink in try cmykValue.list() {
            guard let text = ink.scalarText, let number = LengthParser.decimal(Substring(text)) else {
                throw ink.wrongShape("a number from 0 to 1")
            }
            guard (0...1).contains(number) else {
                throw ink.error(.invalidValue, "CMYK values run from 0 to 1, not \(text); write \((number / 100).compactText) for \(text) %")
            }
            inks.append(number)
        }
        return Theme.NamedColour(rgb: rgb, cmyk: .cmyk(inks[0], inks[1], inks[2], inks[3]),
                                 spot: try colour["spot"]?.text())
    }

    private static func font(_ value: YAMLValue) throws(LayoutError) -> Theme.FontRole {
        let font = try value.mapping("font role \(value.name)", allowed: fontKeys)
        return Theme.FontRole(family: try font.required("family", in: "font role \(value.name)", example: "family: Noto Sans").text(),
                              weight: try font["weight"]?.integer(in: 1...1000) ?? 400,
                              italic: try font["italic"]?.bool() ?? false,
                              features: try font.optional("features") { v throws(LayoutError) in
                                  try v.list().map { item throws(LayoutError) in try feature(item) }
                              } ?? [])
    }

    /// HarfBuzz feature syntax: `tnum`, `-liga`, `+kern`, `ss01=2`, `smcp[3:5]`; the tag has one to
    /// four letters or digits (OpenType feature tags, e.g. `tnum`, `onum`, `lnum`, `zero`, `ss01`).
    static func feature(_ value: YAMLValue) throws(LayoutError) -> FontFeature {
        let text = try value.text()
        let unsigned = text.first == "+" || text.first == "-" ? text.dropFirst() : Substring(text)
        let tag = unsigned.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let rest = unsigned.dropFirst(tag.count)
        guard (1...4).contains(tag.count), rest.isEmpty || rest.first == "=" || rest.first == "[",
              let feature = FontFeature(text) else {
            throw value.error(.invalidValue, "`\(text)` is not an OpenType feature; write a tag such as `tnum`, `-liga` to turn one off, or `ss01=2`")
        }
        return feature
    }

    private static func style(_ value: YAMLValue) throws(LayoutError) -> Theme.TextStyleDefinition {
        let style = try value.mapping("style \(value.name)", allowed: styleKeys)
        let sizeValue = try style.required("size", in: "style \(value.name)", example: "size: 9pt")
        let size = try sizeValue.length()
        guard size > 0 else { throw sizeValue.error(.invalidValue, "a text size must be above zero") }
        return Theme.TextStyleDefinition(
            font: try style["font"]?.text() ?? "body",
            size: size,
            colour: try style["colour"]?.text() ?? "text",
            weight: try style["weight"]?.integer(in: 1...1000),
            italic: try style["italic"]?.bool(),
            lineHeight: try style.optional("line-height") { v throws(LayoutError) in try lineHeight(v, size: size) } ?? 1.3,
            alignment: try style["align"]?.choice(BlockLoader.textAlignments) ?? .left,
            hyphenate: try style["hyphenate"]?.bool() ?? false,
            role: try style["role"]?.choice(BlockLoader.textRoles),
            location: value.location)
    }

    /// A multiple of the size (`1.35`), or a length (`12pt`) turned into one.
    private static func lineHeight(_ value: YAMLValue, size: Double) throws(LayoutError) -> Double {
        let text = value.scalarText ?? ""
        let multiple = LengthParser.decimal(Substring(text)) ?? LengthParser.points(text).map { $0 / size }
        guard let multiple, (0.5...5).contains(multiple) else {
            throw value.error(.invalidValue, "\(value.shapeDescription) is not a line height; write a multiple of the text size from 0.5 to 5 (`1.35`) or a length (`12pt`)")
        }
        return multiple
    }
}
