// One line of a broken paragraph: where it ends and how its glue is set.

public struct LineBreak: Equatable, Sendable {
    /// Index of the glue or penalty where the line ends; the last line ends at the paragraph's final forced penalty
    /// (`items.count` when the breaker supplied the paragraph ending itself). The line holds the items after the
    /// previous break, less the glue and penalties discarded at its start, up to this index (a penalty's width included).
    public let itemIndex: Int
    /// How the line's glue is set: width + r·stretch when r ≥ 0, width + r·shrink when r < 0. Never below −1
    /// (an overfull line is set at full shrink); 0 when the line has no finite stretch to use, or has fill glue.
    public let adjustmentRatio: Double

    public init(itemIndex: Int, adjustmentRatio: Double) {
        self.itemIndex = itemIndex
        self.adjustmentRatio = adjustmentRatio
    }
}
