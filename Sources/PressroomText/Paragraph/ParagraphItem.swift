// The abstract paragraph of Knuth & Plass (1981): boxes, glue and penalties, with no fonts involved.
// Which items are legal breakpoints, and the standard paragraph ending.

public enum ParagraphItem: Equatable, Sendable {
    /// Unbreakable material (a glyph cluster, a word fragment, an inline image).
    case box(width: Double)
    /// Space that may stretch or shrink; a legal break when it follows a box, and discarded at a line start.
    /// `stretch: .infinity` is "fill" glue (\parfillskip): it absorbs any shortfall with badness 0.
    case glue(width: Double, stretch: Double, shrink: Double)
    /// A possible break costing `cost` (≥ 10000 forbids it, ≤ −10000 forces it); `width` is typeset only when the
    /// line ends here (the hyphen of a hyphenation point). `flagged` marks hyphen breaks for the double-hyphen rules.
    case penalty(width: Double, cost: Double, flagged: Bool)

    /// Cost at or above which a penalty forbids a break (TeX's +∞).
    public static let forbiddenCost: Double = 10000
    /// Cost at or below which a penalty forces a break (TeX's −∞).
    public static let forcedCost: Double = -10000

    /// The standard paragraph ending, `penalty(+∞) glue(fill) penalty(−∞)` (TeX's \unskip\penalty10000\hskip\parfillskip):
    /// the last line is set at natural width. Append it to every paragraph; it also makes a hard line break
    /// inside a paragraph. The breakers treat a list that does not end with a forced break as if this followed.
    public static let paragraphEnd: [ParagraphItem] = [
        .penalty(width: 0, cost: forbiddenCost, flagged: false),
        .glue(width: 0, stretch: .infinity, shrink: 0),
        .penalty(width: 0, cost: forcedCost, flagged: false),
    ]

    var isForcedBreak: Bool {
        if case .penalty(_, let cost, _) = self { return cost <= Self.forcedCost }
        return false
    }

    var isBox: Bool {
        if case .box = self { return true }
        return false
    }

    var isFlagged: Bool {
        if case .penalty(_, let cost, let flagged) = self { return flagged && cost < Self.forbiddenCost }
        return false
    }
}
