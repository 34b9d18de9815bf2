// First-fit line breaking: each line takes as much as fits. The fallback when no optimum-fit solution exists,
// so it always succeeds; content that fits no line (an over-wide box) gets a line of its own.

public enum GreedyLineBreaker {
    /// Line ends in order, one per line; forced breaks are honoured, flagged breaks are used like any other.
    /// Empty input gives no lines.
    public static func breakLines(_ items: [ParagraphItem], lineWidth: (Int) -> Double) -> [LineBreak] {
        guard !items.isEmpty else { return [] }
        return breakLines(ParagraphMeasure(items), lineWidth: lineWidth)
    }

    static func breakLines(_ measure: ParagraphMeasure, lineWidth: (Int) -> Double) -> [LineBreak] {
        var breaks: [LineBreak] = []
        var previous: Int? = nil          // break ending the previous line
        var lastFit: Int? = nil           // furthest break where the current line still fits
        var width = lineWidth(0)

        func emit(_ breakIndex: Int) {
            let line = measure.line(from: measure.start(after: previous), to: breakIndex)
            breaks.append(LineBreak(itemIndex: measure.reportedIndex(breakIndex), adjustmentRatio: line.settingRatio(width: width)))
            previous = breakIndex
            lastFit = nil
            width = lineWidth(breaks.count)
        }

        for breakIndex in 0..<measure.items.count where measure.isLegalBreak(breakIndex, allowFlagged: true) {
            let forced = measure.items[breakIndex].isForcedBreak
            while true {
                let start = measure.start(after: previous)
                if start > breakIndex { break }  // inside the glue discarded at the line start
                let fits = measure.line(from: start, to: breakIndex).ratio(width: width) >= -1
                if fits {
                    if forced { emit(breakIndex) } else { lastFit = breakIndex }
                    break
                }
                if let fit = lastFit {
                    emit(fit)  // then look at this break again from the new line start
                } else {
                    emit(breakIndex)
                    break
                }
            }
        }
        return breaks
    }
}
