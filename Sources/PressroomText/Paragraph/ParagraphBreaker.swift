// Line breaking that always succeeds: Knuth–Plass passes of growing leniency, as TeX does (§863, §873),
// then first-fit when even that fails (content wider than the line).

public enum ParagraphBreaker {
    /// Passes, first success wins: (1) `pretolerance` without hyphenation (flagged) breaks, unless nil;
    /// (2) `tolerance`; (3) `tolerance` with `emergencyStretch`, if positive; (4) every line that is not overfull,
    /// with `emergencyStretch`; (5) GreedyLineBreaker. Items as for KnuthPlass.breakLines.
    public static func breakLines(_ items: [ParagraphItem], lineWidth: (Int) -> Double,
                                  parameters: LineBreakingParameters = .init()) -> [LineBreak] {
        guard !items.isEmpty else { return [] }
        let measure = ParagraphMeasure(items)
        var passes: [(tolerance: Double, allowFlagged: Bool, emergencyStretch: Double)] = []
        if let pretolerance = parameters.pretolerance, pretolerance >= 0 { passes.append((pretolerance, false, 0)) }
        passes.append((parameters.tolerance, true, 0))
        let emergency = max(parameters.emergencyStretch, 0)
        if emergency > 0 { passes.append((parameters.tolerance, true, emergency)) }
        if parameters.tolerance < 10000 { passes.append((10000, true, emergency)) }
        for pass in passes {
            if let breaks = KnuthPlass.breakLines(measure, lineWidth: lineWidth, parameters: parameters,
                                                  tolerance: pass.tolerance, allowFlagged: pass.allowFlagged,
                                                  emergencyStretch: pass.emergencyStretch) {
                return breaks
            }
        }
        return GreedyLineBreaker.breakLines(measure, lineWidth: lineWidth)
    }
}
