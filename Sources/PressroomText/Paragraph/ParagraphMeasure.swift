// Prefix sums over a paragraph's items so any candidate line is measured in O(1) (Knuth & Plass 1981, §"The algorithm"),
// plus the breakpoint rules shared by the Knuth–Plass and greedy breakers.

struct ParagraphMeasure {
    let items: [ParagraphItem]
    /// Index of the final forced break (the last item; the ending is appended when the caller left it out).
    let finalIndex: Int
    /// Count of items the caller passed; break indices past it belong to the supplied ending.
    let callerCount: Int
    // Sums over items[0..<i] of box and glue widths, finite stretch, shrink, and fill (infinite) stretch glues.
    private let width: [Double]
    private let stretch: [Double]
    private let shrink: [Double]
    private let fills: [Int]
    /// lineStart[i]: where a line after a break at i begins — the first box or forced break after i
    /// (glue and other penalties after a break are discarded, TeX §879).
    private let lineStart: [Int]

    init(_ callerItems: [ParagraphItem]) {
        var items = callerItems
        if !(items.last?.isForcedBreak ?? false) { items += ParagraphItem.paragraphEnd }
        self.items = items
        callerCount = callerItems.count
        finalIndex = items.count - 1
        var width = [0.0], stretch = [0.0], shrink = [0.0], fills = [0]
        width.reserveCapacity(items.count + 1)
        stretch.reserveCapacity(items.count + 1)
        shrink.reserveCapacity(items.count + 1)
        fills.reserveCapacity(items.count + 1)
        for item in items {
            var w = 0.0, y = 0.0, z = 0.0, f = 0
            switch item {
            case .box(let boxWidth): w = boxWidth
            case .glue(let glueWidth, let glueStretch, let glueShrink):
                w = glueWidth
                if glueStretch == .infinity { f = 1 } else { y = glueStretch }
                z = glueShrink.isFinite ? glueShrink : 0
            case .penalty: break
            }
            width.append(width.last! + w)
            stretch.append(stretch.last! + y)
            shrink.append(shrink.last! + z)
            fills.append(fills.last! + f)
        }
        self.width = width
        self.stretch = stretch
        self.shrink = shrink
        self.fills = fills
        var lineStart = [Int](repeating: items.count, count: items.count + 1)
        var next = items.count
        for index in stride(from: items.count - 1, through: 0, by: -1) {
            lineStart[index + 1] = next
            if items[index].isBox || items[index].isForcedBreak { next = index }
        }
        lineStart[0] = next
        self.lineStart = lineStart
    }

    /// Whether a line may end at `index`: glue after a box, or a penalty below +∞ (Knuth & Plass 1981).
    func isLegalBreak(_ index: Int, allowFlagged: Bool) -> Bool {
        switch items[index] {
        case .box: return false
        case .glue: return index > 0 && items[index - 1].isBox
        case .penalty(_, let cost, let flagged):
            return cost < ParagraphItem.forbiddenCost && (allowFlagged || !flagged || cost <= ParagraphItem.forcedCost)
        }
    }

    /// First item of a line following a break at `breakIndex` (nil: the paragraph start).
    func start(after breakIndex: Int?) -> Int {
        guard let breakIndex else { return 0 }
        return lineStart[breakIndex + 1]
    }

    /// The line from `start` up to the break at `end` (its glue dropped, its penalty width kept).
    func line(from start: Int, to end: Int) -> Line {
        var natural = width[end] - width[start]
        if case .penalty(let penaltyWidth, _, _) = items[end] { natural += penaltyWidth }
        return Line(natural: natural, stretch: stretch[end] - stretch[start], shrink: shrink[end] - shrink[start],
                    hasFill: fills[end] > fills[start])
    }

    struct Line {
        let natural: Double
        let stretch: Double
        let shrink: Double
        let hasFill: Bool

        /// Ratio used for feasibility and badness, counting `extraStretch` (emergency stretch) as available;
        /// −∞ when overfull without shrink, +∞ when underfull without stretch.
        func ratio(width target: Double, extraStretch: Double = 0) -> Double {
            let difference = target - natural
            if abs(difference) <= 1e-9 * max(1, abs(target)) { return 0 }  // prefix-sum rounding
            if difference > 0 {
                if hasFill { return 0 }
                let available = stretch + extraStretch
                return available > 0 ? difference / available : .infinity
            }
            return shrink > 0 ? difference / shrink : -.infinity
        }

        /// Ratio to set the glue with: the real stretch only, clamped to −1, 0 when there is nothing to stretch.
        func settingRatio(width target: Double) -> Double {
            let r = ratio(width: target)
            if r == .infinity { return 0 }
            return max(r, -1)
        }

        /// TeX's badness: 100·|r|³, capped at 10000 ("infinitely bad").
        static func badness(_ ratio: Double) -> Double {
            min(100 * abs(ratio) * abs(ratio) * abs(ratio), 10000)
        }
    }

    /// Paper numbering: 0 tight (r < −0.5), 1 decent, 2 loose (0.5 < r ≤ 1), 3 very loose (r > 1).
    static func fitnessClass(_ ratio: Double) -> Int {
        if ratio < -0.5 { return 0 }
        if ratio <= 0.5 { return 1 }
        if ratio <= 1 { return 2 }
        return 3
    }

    /// The index reported to callers: the supplied ending's final penalty is reported as `callerCount`.
    func reportedIndex(_ index: Int) -> Int { min(index, callerCount) }
}
