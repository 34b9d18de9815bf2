// The knobs of Knuth–Plass line breaking, named after TeX's (TeX: The Program §827–859), with defaults for
// narrow invoice columns: a higher tolerance than TeX's 200, and some emergency stretch.

public struct LineBreakingParameters: Sendable, Equatable {
    /// Largest badness (100·|r|³, at most 10000) a line may have in ParagraphBreaker's first pass, which ignores
    /// hyphenation (flagged) breaks; nil skips that pass. TeX's \pretolerance.
    public var pretolerance: Double?
    /// Largest badness a line may have (TeX's \tolerance); 10000 accepts every line that is not overfull.
    public var tolerance: Double
    /// Added to every line's badness before squaring; higher values prefer fewer lines (TeX's \linepenalty).
    public var linePenalty: Double
    /// The cost item builders should give hyphenation penalties (TeX's \hyphenpenalty). The breakers read each
    /// penalty's own cost; this is here so all line-breaking settings travel together.
    public var hyphenPenalty: Double
    /// Demerits for two consecutive lines ending at flagged breaks (TeX's \doublehyphendemerits).
    public var flaggedDemerits: Double
    /// Demerits for adjacent lines whose fitness classes (tight, decent, loose, very loose) are not neighbours
    /// (TeX's \adjdemerits).
    public var fitnessDemerits: Double
    /// Demerits when the second-last line ends at a flagged break (TeX's \finalhyphendemerits).
    public var finalHyphenDemerits: Double
    /// Stretch assumed in every line, in the items' width unit (points in Pressroom), when ParagraphBreaker's
    /// first passes fail (TeX's \emergencystretch): it makes loose lines acceptable, not looser than they are.
    public var emergencyStretch: Double
    /// Lines to add (positive) or remove (negative) relative to the optimum when feasible (TeX's \looseness).
    public var looseness: Int

    public init(pretolerance: Double? = 100, tolerance: Double = 800, linePenalty: Double = 10,
                hyphenPenalty: Double = 50, flaggedDemerits: Double = 10000, fitnessDemerits: Double = 10000,
                finalHyphenDemerits: Double = 5000, emergencyStretch: Double = 12, looseness: Int = 0) {
        self.pretolerance = pretolerance
        self.tolerance = tolerance
        self.linePenalty = linePenalty
        self.hyphenPenalty = hyphenPenalty
        self.flaggedDemerits = flaggedDemerits
        self.fitnessDemerits = fitnessDemerits
        self.finalHyphenDemerits = finalHyphenDemerits
        self.emergencyStretch = emergencyStretch
        self.looseness = looseness
    }
}
