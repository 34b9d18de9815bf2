// TEMPORARY: stands in for the Knuth–Plass breaker being written on another branch (first-fit only).
public enum ParagraphItem: Equatable, Sendable {
    case box(width: Double)
    case glue(width: Double, stretch: Double, shrink: Double)
    case penalty(width: Double, cost: Double, flagged: Bool)
}
public struct LineBreakingParameters: Sendable { public init() {} }
public struct LineBreak: Equatable, Sendable { public let itemIndex: Int; public let adjustmentRatio: Double }
public enum ParagraphBreaker {
    public static func breakLines(_ items: [ParagraphItem], lineWidth: (Int) -> Double, parameters: LineBreakingParameters = .init()) -> [LineBreak] {
        var breaks: [LineBreak] = []
        var width = 0.0, lastBreak: Int? = nil, widthAtLastBreak = 0.0, index = 0, lineStart = true
        while index < items.count {
            switch items[index] {
            case .box(let w):
                if width + w > lineWidth(breaks.count), let b = lastBreak, !lineStart {
                    breaks.append(LineBreak(itemIndex: b, adjustmentRatio: 0)); index = b + 1; width = 0; lastBreak = nil; lineStart = true; continue
                }
                width += w; lineStart = false
            case .glue(let w, _, _):
                if !lineStart { lastBreak = index; widthAtLastBreak = width; width += w }
            case .penalty(_, let cost, _):
                if cost <= -10000 { breaks.append(LineBreak(itemIndex: index, adjustmentRatio: 0)); width = 0; lastBreak = nil; lineStart = true }
                else if cost < 10000 && !lineStart { lastBreak = index; widthAtLastBreak = width }
            }
            index += 1
        }
        _ = widthAtLastBreak
        return breaks
    }
}
