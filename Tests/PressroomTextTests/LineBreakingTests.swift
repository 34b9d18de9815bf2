// Knuth–Plass, greedy and the pass sequence over abstract items: properties on seeded random paragraphs,
// an exhaustive optimum check, the classic justified example, forced and flagged breaks, varying widths.

import Foundation
import Testing
@testable import PressroomText

// MARK: - Independent re-statement of the rules, for checking

private func isLegal(_ items: [ParagraphItem], _ index: Int) -> Bool {
    switch items[index] {
    case .box: return false
    case .glue: if index > 0, case .box = items[index - 1] { return true } else { return false }
    case .penalty(_, let cost, _): return cost < 10000
    }
}

private func isForced(_ item: ParagraphItem) -> Bool {
    if case .penalty(_, let cost, _) = item { return cost <= -10000 }
    return false
}

private struct MeasuredLine {
    var natural = 0.0, stretch = 0.0, shrink = 0.0, fill = false
    var range: Range<Int>      // items on the line, discarded ones excluded, break item excluded
    var hasInteriorBreak = false
}

/// The lines as a typesetter would build them from the breaks.
private func lines(_ items: [ParagraphItem], _ breaks: [LineBreak]) -> [MeasuredLine] {
    var result: [MeasuredLine] = []
    var previous = -1
    for lineBreak in breaks {
        var start = previous + 1
        if previous >= 0 {
            while start < lineBreak.itemIndex, start < items.count {
                if case .box = items[start] { break }
                if isForced(items[start]) { break }
                start += 1
            }
        }
        var line = MeasuredLine(range: start..<lineBreak.itemIndex)
        for index in line.range {
            switch items[index] {
            case .box(let w): line.natural += w
            case .glue(let w, let y, let z):
                line.natural += w; line.shrink += z
                if y == .infinity { line.fill = true } else { line.stretch += y }
            case .penalty: break
            }
            if index > line.range.lowerBound, isLegal(items, index) { line.hasInteriorBreak = true }
        }
        if lineBreak.itemIndex < items.count, case .penalty(let w, _, _) = items[lineBreak.itemIndex] { line.natural += w }
        result.append(line)
        previous = lineBreak.itemIndex
    }
    return result
}

private func ratio(_ line: MeasuredLine, width: Double) -> Double {
    let d = width - line.natural
    if abs(d) < 1e-9 { return 0 }
    if d > 0 { return line.fill ? 0 : (line.stretch > 0 ? d / line.stretch : .infinity) }
    return line.shrink > 0 ? d / line.shrink : -.infinity
}

private func badness(_ r: Double) -> Double { min(100 * abs(r) * abs(r) * abs(r), 10000) }

private func fitness(_ r: Double) -> Int { r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3 }

/// Total demerits of a breaking, TeX's formula; nil if a line is infeasible at `tolerance`.
private func demerits(_ items: [ParagraphItem], _ breaks: [LineBreak], width: (Int) -> Double,
                      _ p: LineBreakingParameters, tolerance: Double) -> Double? {
    var total = 0.0
    var previousFitness = 1
    var previousFlagged = false
    for (number, (line, lineBreak)) in zip(lines(items, breaks), breaks).enumerated() {
        let r = ratio(line, width: width(number))
        guard r >= -1, badness(r) <= tolerance else { return nil }
        let l = p.linePenalty + badness(r)
        var d = l * l
        var flagged = false
        if case .penalty(_, let cost, let f) = items[lineBreak.itemIndex] {
            flagged = f
            if cost >= 0 { d += cost * cost } else if cost > -10000 { d -= cost * cost }
        }
        if flagged && previousFlagged { d += p.flaggedDemerits }
        if lineBreak.itemIndex == items.count - 1 && previousFlagged { d += p.finalHyphenDemerits }
        if abs(fitness(r) - previousFitness) > 1 { d += p.fitnessDemerits }
        total += d
        previousFitness = fitness(r)
        previousFlagged = flagged
    }
    return total
}

// MARK: - Paragraph generators

/// Words of random widths split into fragments with flagged hyphen penalties, justified glue between them,
/// occasional hard line breaks, and the standard ending.
private func randomParagraph(_ generator: inout SplitMix64, words: Int, hyphens: Bool = true,
                             hardBreaks: Bool = true, wideBoxes: Bool = false, hyphenCost: Double = 50) -> [ParagraphItem] {
    var items: [ParagraphItem] = []
    for word in 0..<words {
        if word > 0 {
            if hardBreaks && generator.next() % 40 == 0 {
                items += ParagraphItem.paragraphEnd
            } else {
                items.append(.glue(width: 4, stretch: 2, shrink: 1.3))
            }
        }
        let fragments = hyphens ? 1 + Int(generator.next() % 3) : 1
        for fragment in 0..<fragments {
            if fragment > 0 { items.append(.penalty(width: 3, cost: hyphenCost, flagged: true)) }
            var width = Double(5 + generator.next() % 25)
            if wideBoxes && generator.next() % 30 == 0 { width = 400 }
            items.append(.box(width: width))
        }
    }
    return items + ParagraphItem.paragraphEnd
}

private func uniformWords(_ count: Int) -> [ParagraphItem] {
    var items: [ParagraphItem] = []
    for word in 0..<count {
        if word > 0 { items.append(.glue(width: 6, stretch: 3, shrink: 2)) }
        items.append(.box(width: Double(20 + (word * 7) % 17)))
    }
    return items + ParagraphItem.paragraphEnd
}

// MARK: - Properties

private func checkStructure(_ items: [ParagraphItem], _ breaks: [LineBreak], width: (Int) -> Double) {
    #expect(!breaks.isEmpty)
    #expect(breaks.last?.itemIndex == items.count - 1)
    #expect(zip(breaks, breaks.dropFirst()).allSatisfy { $0.itemIndex < $1.itemIndex })
    #expect(breaks.allSatisfy { isLegal(items, $0.itemIndex) })
    // Forced breaks are all used.
    let forced = Set(items.indices.filter { isForced(items[$0]) })
    #expect(forced.isSubset(of: Set(breaks.map(\.itemIndex))))
    // Every box lands in exactly one line.
    let measured = lines(items, breaks)
    var owner = [Int](repeating: 0, count: items.count)
    for line in measured { for index in line.range { owner[index] += 1 } }
    for index in items.indices { if case .box = items[index] { #expect(owner[index] == 1) } }
    // Lines fit, unless the line is one unbreakable piece wider than the measure.
    for (number, line) in measured.enumerated() where line.natural - line.shrink > width(number) + 1e-6 {
        #expect(!line.hasInteriorBreak)
    }
    #expect(breaks.allSatisfy { $0.adjustmentRatio >= -1 && $0.adjustmentRatio.isFinite })
}

@Suite struct LineBreakingTests {
    @Test func randomParagraphsKeepEveryBoxOnce() {
        var generator = SplitMix64(seed: 2024)
        for round in 0..<300 {
            let items = randomParagraph(&generator, words: 1 + Int(generator.next() % 120), wideBoxes: round % 3 == 0)
            let measureWidth = Double(60 + generator.next() % 300)
            let width: (Int) -> Double = { _ in measureWidth }
            let breaks = ParagraphBreaker.breakLines(items, lineWidth: width)
            checkStructure(items, breaks, width: width)
            #expect(ParagraphBreaker.breakLines(items, lineWidth: width) == breaks)  // deterministic
            checkStructure(items, GreedyLineBreaker.breakLines(items, lineWidth: width), width: width)
            let parameters = LineBreakingParameters()
            if let optimal = KnuthPlass.breakLines(items, lineWidth: width, parameters: parameters) {
                checkStructure(items, optimal, width: width)
                #expect(demerits(items, optimal, width: width, parameters, tolerance: parameters.tolerance) != nil)
            }
        }
    }

    @Test func optimumMatchesExhaustiveSearch() {
        var generator = SplitMix64(seed: 99)
        var compared = 0
        for round in 0..<250 {
            let parameters = LineBreakingParameters(tolerance: round % 2 == 0 ? 2000 : 10000, fitnessDemerits: 3000)
            let items = randomParagraph(&generator, words: 3 + Int(generator.next() % 6), hardBreaks: round % 4 == 0)
            let legal = items.indices.filter { isLegal(items, $0) && $0 != items.count - 1 }
            guard legal.count <= 12 else { continue }
            let narrow = Double(30 + generator.next() % 40), wide = narrow + Double(generator.next() % 60)
            let width: (Int) -> Double = { $0 % 2 == 0 ? narrow : wide }
            var best: Double? = nil
            for mask in 0..<(1 << legal.count) {
                var chosen = legal.indices.filter { mask & (1 << $0) != 0 }.map { LineBreak(itemIndex: legal[$0], adjustmentRatio: 0) }
                chosen.append(LineBreak(itemIndex: items.count - 1, adjustmentRatio: 0))
                let forced = items.indices.filter { isForced(items[$0]) }
                guard Set(forced).isSubset(of: Set(chosen.map(\.itemIndex))) else { continue }
                if let total = demerits(items, chosen, width: width, parameters, tolerance: parameters.tolerance) {
                    best = min(best ?? .infinity, total)
                }
            }
            let found = KnuthPlass.breakLines(items, lineWidth: width, parameters: parameters)
            #expect((found == nil) == (best == nil))
            if let found, let best {
                let total = demerits(items, found, width: width, parameters, tolerance: parameters.tolerance)
                #expect(total.map { abs($0 - best) <= 1e-6 * max(1, best) } == true)
                compared += 1
            }
        }
        print("exhaustive optimum comparisons: \(compared)")
        #expect(compared >= 20)
    }

    @Test func classicJustifiedParagraph() throws {
        let items = uniformWords(300)
        let parameters = LineBreakingParameters(tolerance: 200)
        let breaks = try #require(KnuthPlass.breakLines(items, lineWidth: { _ in 300 }, parameters: parameters))
        let bound = Foundation.cbrt(parameters.tolerance / 100)  // badness 100·r³ ≤ tolerance
        for lineBreak in breaks.dropLast() {
            #expect(lineBreak.adjustmentRatio >= -1 && lineBreak.adjustmentRatio <= bound + 1e-9)
        }
        #expect(breaks.last?.adjustmentRatio == 0)  // the last line is set at natural width
        let measured = lines(items, breaks)
        for (line, lineBreak) in zip(measured, breaks).dropLast() {
            #expect(abs(ratio(line, width: 300) - lineBreak.adjustmentRatio) < 1e-9)
            // Set with its ratio, every justified line is exactly the measure.
            let r = lineBreak.adjustmentRatio
            let set = line.natural + (r >= 0 ? r * line.stretch : r * line.shrink)
            #expect(abs(set - 300) < 1e-6)
        }
    }

    @Test func missingEndingIsSupplied() throws {
        let items: [ParagraphItem] = Array(uniformWords(40).dropLast(3))
        let breaks = ParagraphBreaker.breakLines(items, lineWidth: { _ in 200 })
        #expect(breaks.last?.itemIndex == items.count)
        #expect(breaks.dropLast().allSatisfy { $0.itemIndex < items.count && isLegal(items, $0.itemIndex) })
        #expect(KnuthPlass.breakLines([], lineWidth: { _ in 100 }, parameters: .init()) == [])
        #expect(ParagraphBreaker.breakLines([], lineWidth: { _ in 100 }).isEmpty)
    }

    @Test func forcedBreaksAreHonoured() throws {
        var items = Array(uniformWords(10).dropLast(3))
        let hardBreak = items.count + 2
        items += ParagraphItem.paragraphEnd  // a hard line break…
        let second = items.count
        items += uniformWords(10)            // …then more text
        #expect(isForced(items[hardBreak]))
        let width: (Int) -> Double = { _ in 1000 }  // everything would fit on one line
        let breaks = try #require(KnuthPlass.breakLines(items, lineWidth: width, parameters: .init()))
        #expect(breaks.map(\.itemIndex) == [second - 1, items.count - 1])
        #expect(GreedyLineBreaker.breakLines(items, lineWidth: width).map(\.itemIndex) == [second - 1, items.count - 1])
        // A bare forced penalty (no fill glue) leaves an underfull line: only the lenient passes accept it.
        let bare: [ParagraphItem] = [.box(width: 10), .penalty(width: 0, cost: -10000, flagged: false), .box(width: 10)]
            + ParagraphItem.paragraphEnd
        #expect(KnuthPlass.breakLines(bare, lineWidth: width, parameters: .init()) == nil)
        #expect(ParagraphBreaker.breakLines(bare, lineWidth: width).map(\.itemIndex) == [1, bare.count - 1])
    }

    @Test func flaggedBreaksCarryTheHyphenAndAreAvoidedWhenPossible() throws {
        // "aaaa-bbbb cccc": the hyphen is only needed when the line is too narrow for the whole word.
        let items: [ParagraphItem] = [.box(width: 40), .penalty(width: 5, cost: 50, flagged: true), .box(width: 40),
                                      .glue(width: 10, stretch: 5, shrink: 3), .box(width: 40)] + ParagraphItem.paragraphEnd
        let hyphenated = ParagraphBreaker.breakLines(items, lineWidth: { _ in 48 })
        #expect(hyphenated.map(\.itemIndex) == [1, 3, items.count - 1])
        let measured = lines(items, hyphenated)
        #expect(measured[0].natural == 45)  // the hyphen's width counts on the broken line
        // Wide enough for whole words: the first (no-hyphenation) pass wins.
        let whole = ParagraphBreaker.breakLines(items, lineWidth: { _ in 90 })
        #expect(whole.map(\.itemIndex) == [3, items.count - 1])
        // Double-hyphen demerits reduce consecutive hyphenated lines.
        var generator = SplitMix64(seed: 5)
        var withoutDemerits = 0, withDemerits = 0
        for _ in 0..<60 {
            let paragraph = randomParagraph(&generator, words: 80, hardBreaks: false, hyphenCost: 0)
            func consecutive(_ p: LineBreakingParameters) -> Int {
                guard let breaks = KnuthPlass.breakLines(paragraph, lineWidth: { _ in 200 }, parameters: p) else { return 0 }
                let flags = breaks.map { paragraph[$0.itemIndex].isFlagged }
                return zip(flags, flags.dropFirst()).filter { $0 && $1 }.count
            }
            withoutDemerits += consecutive(LineBreakingParameters(tolerance: 10000, flaggedDemerits: 0, finalHyphenDemerits: 0))
            withDemerits += consecutive(LineBreakingParameters(tolerance: 10000, flaggedDemerits: 1_000_000))
        }
        print("consecutive hyphenated lines: \(withoutDemerits) without double-hyphen demerits, \(withDemerits) with")
        #expect(withDemerits < withoutDemerits)
    }

    @Test func varyingLineWidths() throws {
        let items = uniformWords(120)
        let width: (Int) -> Double = { [250, 300, 350][min($0, 2)] }
        let parameters = LineBreakingParameters(tolerance: 400)
        let found = KnuthPlass.breakLines(items, lineWidth: width, parameters: parameters)
        let breaks = try #require(found)
        checkStructure(items, breaks, width: width)
        for (number, line) in lines(items, breaks).enumerated().dropLast() {
            let r = ratio(line, width: width(number))
            #expect(r >= -1 && badness(r) <= parameters.tolerance)
        }
        // Alternating widths never become uniform: line numbers must be tracked all the way.
        let alternating: (Int) -> Double = { $0 % 2 == 0 ? 250 : 330 }
        let alternatingFound = KnuthPlass.breakLines(items, lineWidth: alternating, parameters: parameters)
        let alternatingBreaks = try #require(alternatingFound)
        for (number, line) in lines(items, alternatingBreaks).enumerated().dropLast() {
            #expect(badness(ratio(line, width: alternating(number))) <= parameters.tolerance)
        }
    }

    @Test func loosenessChangesTheLineCount() throws {
        let items = uniformWords(80)
        let base = LineBreakingParameters(tolerance: 5000)
        let optimum = try #require(KnuthPlass.breakLines(items, lineWidth: { _ in 300 }, parameters: base))
        var looser = base
        looser.looseness = 1
        let longer = try #require(KnuthPlass.breakLines(items, lineWidth: { _ in 300 }, parameters: looser))
        #expect(longer.count == optimum.count + 1)
        var tighter = base
        tighter.looseness = -1
        let shorter = try #require(KnuthPlass.breakLines(items, lineWidth: { _ in 300 }, parameters: tighter))
        #expect(shorter.count <= optimum.count)
    }

    @Test func greedyFallbackForAnImpossibleParagraph() {
        let items: [ParagraphItem] = [.box(width: 30), .glue(width: 5, stretch: 3, shrink: 1), .box(width: 1000),
                                      .glue(width: 5, stretch: 3, shrink: 1), .box(width: 30)] + ParagraphItem.paragraphEnd
        let width: (Int) -> Double = { _ in 100 }
        #expect(KnuthPlass.breakLines(items, lineWidth: width, parameters: .init()) == nil)
        let breaks = ParagraphBreaker.breakLines(items, lineWidth: width)
        #expect(breaks.map(\.itemIndex) == [1, 3, items.count - 1])  // the wide box has a line of its own
        #expect(breaks[1].adjustmentRatio == -1)
        checkStructure(items, breaks, width: width)
        #expect(GreedyLineBreaker.breakLines([.box(width: 500)], lineWidth: width).map(\.itemIndex) == [1])
    }

    @Test func narrowColumnsStillBreak() {
        // An invoice column a few words wide: TeX's defaults would fail, the passes must not.
        var generator = SplitMix64(seed: 11)
        for _ in 0..<50 {
            let items = randomParagraph(&generator, words: 30, hardBreaks: false)
            let breaks = ParagraphBreaker.breakLines(items, lineWidth: { _ in 70 })
            checkStructure(items, breaks, width: { _ in 70 })
        }
    }

    @Test func linearityMeasurement() {
        // A measurement, not an assertion: timings vary with the machine. Roughly linear growth is expected.
        var generator = SplitMix64(seed: 3)
        var report = "Knuth–Plass timing (ParagraphBreaker, 250-unit lines):"
        for words in [1000, 2000, 4000, 8000] {
            let items = randomParagraph(&generator, words: words, hardBreaks: false)
            let clock = ContinuousClock()
            var lineCount = 0
            let elapsed = clock.measure {
                lineCount = ParagraphBreaker.breakLines(items, lineWidth: { $0 == 0 ? 200 : 250 }).count
            }
            report += " \(words) words → \(lineCount) lines in \(elapsed);"
        }
        print(report)
    }
}
