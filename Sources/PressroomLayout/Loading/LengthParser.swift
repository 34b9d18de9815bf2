// Lengths as the layout language writes them: `20mm`, `2.5cm`, `1in`, `9pt` or a plain number of
// points; column widths (`30mm`, `40%`, `2fr`, `auto`); and `[width, height]` pairs.
import PressroomGraphics

enum LengthParser {
    /// Converted as `Length` converts, so `20mm` here and `.mm(20)` in code are the same number.
    static let units: [(suffix: String, points: @Sendable (Double) -> Double)] = [
        ("mm", { Length.mm($0).points }), ("cm", { Length.mm($0 * 10).points }), ("in", { Length.inch($0).points }), ("pt", { $0 }),
    ]

    /// The length in points, or nil when the text is not a length.
    static func points(_ text: String) -> Double? {
        let unit = units.first { text.hasSuffix($0.suffix) }
        let number = unit.map { text.dropLast($0.suffix.count) } ?? Substring(text)
        guard let value = decimal(number) else { return nil }
        return unit?.points(value) ?? value
    }

    /// `30mm`, `40%`, `2fr`, `auto`; nil for anything else (zero or negative shares included).
    static func trackWidth(_ text: String) -> TrackWidth? {
        if text == "auto" { return .auto }
        if text.hasSuffix("%") {
            guard let value = decimal(text.dropLast()), value > 0, value <= 100 else { return nil }
            return .percent(value)
        }
        if text.hasSuffix("fr") {
            guard let value = decimal(text.dropLast(2)), value > 0 else { return nil }
            return .fraction(value)
        }
        guard let value = points(text), value >= 0 else { return nil }
        return .fixed(value)
    }

    /// `12`, `-3`, `2.5`, `.5`: digits with an optional sign and point, nothing else (no exponents,
    /// no spaces, no `inf`), so that the schemas' length pattern and this agree.
    static func decimal(_ text: Substring) -> Double? {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }), parts.contains(where: { !$0.isEmpty }) else { return nil }
        return Double(String(text))
    }
}

extension YAMLValue {
    /// A length in points; negative only where a position may lie off the page (bleed).
    func length(allowNegative: Bool = false) throws(LayoutError) -> Double {
        guard let text = scalarText, !isNull, let points = LengthParser.points(text) else {
            throw error(.invalidValue, "\(shapeDescription) is not a length for \(name); write a number with mm, cm, in or pt (`20mm`, `9pt`), or a plain number of points")
        }
        guard allowNegative || points >= 0 else {
            throw error(.invalidValue, "\(name) cannot be negative (`\(text)`)")
        }
        return points
    }

    func trackWidth() throws(LayoutError) -> TrackWidth {
        guard let text = scalarText, let width = LengthParser.trackWidth(text) else {
            throw error(.invalidValue, "\(shapeDescription) is not a column width for \(name); write a length (`30mm`), a percentage (`40%`), a share (`2fr`) or `auto`")
        }
        return width
    }

    /// `[a, b]`, two lengths (a size, a position).
    func lengthPair(_ shape: String, allowNegative: Bool = false) throws(LayoutError) -> (Double, Double) {
        guard case .sequence(let sequence) = node, sequence.count == 2 else { throw wrongShape("two lengths \(shape)") }
        let items = try list()
        return (try items[0].length(allowNegative: allowNegative), try items[1].length(allowNegative: allowNegative))
    }
}
