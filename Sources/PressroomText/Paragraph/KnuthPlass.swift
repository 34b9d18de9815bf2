// Optimum-fit line breaking (Knuth & Plass 1981; TeX: The Program §813–890): dynamic programming over legal
// breakpoints with an active list, best node per (line, fitness class), demerits as in TeX.

public enum KnuthPlass {
    /// One pass at `parameters.tolerance`, all breaks allowed, no emergency stretch (ParagraphBreaker adds the
    /// other passes). `lineWidth(n)` is the width of line n (0-based). Returns the line ends in order, or nil when
    /// no breaking keeps every line within tolerance. Empty input gives no lines.
    public static func breakLines(_ items: [ParagraphItem], lineWidth: (Int) -> Double,
                                  parameters: LineBreakingParameters) -> [LineBreak]? {
        guard !items.isEmpty else { return [] }
        return breakLines(ParagraphMeasure(items), lineWidth: lineWidth, parameters: parameters,
                          tolerance: parameters.tolerance, allowFlagged: true, emergencyStretch: 0)
    }

    private struct Node {
        let position: Int?    // item index of the break; nil for the paragraph start
        let lineClass: Int    // lines before this break, capped at the first line of the uniform-width tail
        let lines: Int        // exact number of lines before this break
        let fitness: Int
        let totalDemerits: Double
        let previous: Int     // index into the node store; −1 for the start
        let ratio: Double     // setting ratio of the line ending here
        let flagged: Bool
    }

    private struct Candidate {
        let lines: Int
        let demerits: Double
        let previous: Int
        let ratio: Double
    }

    /// Candidates for one line class at the current breakpoint: the best per fitness class.
    private struct CandidateGroup {
        let lineClass: Int
        var best: Double = .infinity
        var byFitness: (Candidate?, Candidate?, Candidate?, Candidate?) = (nil, nil, nil, nil)

        init(lineClass: Int) { self.lineClass = lineClass }

        subscript(fitness: Int) -> Candidate? {
            get {
                switch fitness {
                case 0: return byFitness.0
                case 1: return byFitness.1
                case 2: return byFitness.2
                default: return byFitness.3
                }
            }
            set {
                switch fitness {
                case 0: byFitness.0 = newValue
                case 1: byFitness.1 = newValue
                case 2: byFitness.2 = newValue
                default: byFitness.3 = newValue
                }
            }
        }
    }

    /// Line classes kept per breakpoint. Only widths that keep changing line after line (and \looseness) make
    /// line numbers matter beyond a uniform tail; with a lenient tolerance almost any line count then reaches
    /// every breakpoint, and keeping them all would make the search cubic. The cap keeps the best ones.
    static let maximumLineClasses = 24

    static func breakLines(_ measure: ParagraphMeasure, lineWidth: (Int) -> Double, parameters: LineBreakingParameters,
                           tolerance: Double, allowFlagged: Bool, emergencyStretch: Double) -> [LineBreak]? {
        let items = measure.items
        let breakpoints = (0..<items.count).filter { measure.isLegalBreak($0, allowFlagged: allowFlagged) }

        // Widths of every possible line (there are at most as many lines as breakpoints). Beyond `uniformFrom`
        // all widths are equal, so nodes there differ only by demerits and are merged (TeX's easy_line, §848);
        // \looseness needs exact line counts and keeps them apart.
        let widths = (0...breakpoints.count).map(lineWidth)
        var uniformFrom = widths.count - 1
        while uniformFrom > 0 && widths[uniformFrom - 1] == widths[uniformFrom] { uniformFrom -= 1 }
        if parameters.looseness != 0 { uniformFrom = Int.max }

        var nodes = [Node(position: nil, lineClass: 0, lines: 0, fitness: 1, totalDemerits: 0, previous: -1,
                          ratio: 0, flagged: false)]
        var active = [0]
        var stillActive: [Int] = []
        var groups: [CandidateGroup] = []
        var groupOfLineClass: [Int: Int] = [:]

        for breakIndex in breakpoints {
            let item = items[breakIndex]
            let forced = item.isForcedBreak
            let flagged = item.isFlagged
            let isFinal = breakIndex == measure.finalIndex
            var cost = 0.0
            if case .penalty(_, let penaltyCost, _) = item { cost = penaltyCost }
            groups.removeAll(keepingCapacity: true)
            groupOfLineClass.removeAll(keepingCapacity: true)
            stillActive.removeAll(keepingCapacity: true)

            for nodeIndex in active {
                let node = nodes[nodeIndex]
                let start = measure.start(after: node.position)
                if start > breakIndex {  // the break lies in the glue discarded after this node
                    stillActive.append(nodeIndex)
                    continue
                }
                let line = measure.line(from: start, to: breakIndex)
                let width = widths[min(node.lineClass, widths.count - 1)]
                let ratio = line.ratio(width: width, extraStretch: emergencyStretch)
                if ratio >= -1 && !forced { stillActive.append(nodeIndex) }  // r < −1 never recovers: deactivate
                guard ratio >= -1 else { continue }
                let badness = ParagraphMeasure.Line.badness(ratio)
                guard badness <= tolerance else { continue }

                // Demerits, TeX §859: (l + b)² ± p², plus the flagged and fitness rules.
                let linePart = parameters.linePenalty + badness
                var demerits = abs(linePart) >= 10000 ? 100_000_000 : linePart * linePart
                if cost >= 0 { demerits += cost * cost } else if !forced { demerits -= cost * cost }
                if flagged && node.flagged { demerits += parameters.flaggedDemerits }
                if isFinal && node.flagged { demerits += parameters.finalHyphenDemerits }
                let fitness = ParagraphMeasure.fitnessClass(ratio)
                if abs(fitness - node.fitness) > 1 { demerits += parameters.fitnessDemerits }
                let total = node.totalDemerits + demerits

                let lineClass = min(node.lineClass + 1, uniformFrom)
                let group: Int
                if let existing = groupOfLineClass[lineClass] {
                    group = existing
                } else {
                    group = groups.count
                    groupOfLineClass[lineClass] = group
                    groups.append(CandidateGroup(lineClass: lineClass))
                }
                if total < groups[group][fitness]?.demerits ?? .infinity {
                    groups[group][fitness] = Candidate(lines: node.lines + 1, demerits: total, previous: nodeIndex,
                                                       ratio: line.settingRatio(width: width))
                    groups[group].best = min(groups[group].best, total)
                }
            }

            if groups.count > maximumLineClasses {
                groups.sort { ($0.best, $0.lineClass) < ($1.best, $1.lineClass) }
                groups.removeLast(groups.count - maximumLineClasses)
            }
            for group in groups {
                for fitness in 0..<4 {
                    // Worse than its line's best by more than the fitness demerits: can never win (TeX §836).
                    guard let candidate = group[fitness],
                          candidate.demerits <= group.best + parameters.fitnessDemerits else { continue }
                    stillActive.append(nodes.count)
                    nodes.append(Node(position: breakIndex, lineClass: group.lineClass, lines: candidate.lines,
                                      fitness: fitness, totalDemerits: candidate.demerits,
                                      previous: candidate.previous, ratio: candidate.ratio, flagged: flagged))
                }
            }
            swap(&active, &stillActive)
            if active.isEmpty { return nil }
        }

        // Every node left ends at the final forced break.
        let finals = active.filter { nodes[$0].position == measure.finalIndex }
        guard var chosen = finals.first else { return nil }
        for index in finals.dropFirst() where nodes[index].totalDemerits < nodes[chosen].totalDemerits { chosen = index }
        if parameters.looseness != 0 { chosen = loosest(finals, best: chosen, nodes: nodes, looseness: parameters.looseness) }

        var breaks: [LineBreak] = []
        var index = chosen
        while index > 0 {
            let node = nodes[index]
            breaks.append(LineBreak(itemIndex: measure.reportedIndex(node.position!), adjustmentRatio: node.ratio))
            index = node.previous
        }
        return breaks.reversed()
    }

    /// TeX §875: the feasible line count closest to optimum + looseness, fewest demerits among equals.
    private static func loosest(_ finals: [Int], best: Int, nodes: [Node], looseness: Int) -> Int {
        let bestLines = nodes[best].lines
        var chosen = best
        var chosenDifference = 0
        for index in finals {
            let difference = nodes[index].lines - bestLines
            let closer = (difference < chosenDifference && looseness <= difference)
                || (difference > chosenDifference && looseness >= difference)
            let asClose = difference == chosenDifference && nodes[index].totalDemerits < nodes[chosen].totalDemerits
            if closer || asClose {
                chosen = index
                chosenDifference = difference
            }
        }
        return chosen
    }
}
