// A paragraph as Knuth–Plass items: words as boxes (split at hyphenation points by flagged
// penalties), spaces as glue, UAX #14 opportunities without a space as penalties, forced breaks
// as −∞ penalties; and, for each legal break, where the line ends and the next one starts.

struct BreakPoint {
    /// The line's text ends here (trailing spaces excluded) …
    var lineEnd: Int
    /// … and the next line's text starts here.
    var nextLineStart: Int
    var hyphenated: Bool
    /// A forced break (end of paragraph or a line separator): the line is not justified.
    var isForced: Bool
}

struct BreakableText {
    private(set) var items: [ParagraphItem] = []
    /// For each item that is a legal break, where it cuts the text.
    private(set) var breakPoints: [BreakPoint?] = []

    /// TeX's \hyphenpenalty and \exhyphenpenalty.
    static let hyphenPenalty = LineBreakingParameters().hyphenPenalty

    init(text: [UInt16], spans: [TextSpan], spanRanges: [Range<Int>], prefixWidths: [Double], chains: [[FontFace]],
         style: ParagraphStyle) {
        func width(_ range: Range<Int>) -> Double { prefixWidths[range.upperBound] - prefixWidths[range.lowerBound] }
        // Segments come in text order, so the span of each is found by moving a cursor forward.
        var spanCursor = 0
        func span(at offset: Int) -> Int {
            while spanCursor + 1 < spanRanges.count && spanRanges[spanCursor].upperBound <= offset { spanCursor += 1 }
            return spanCursor
        }
        let language = spans.first?.style.language ?? "en"
        let opportunities = LineBreakOpportunities.find(in: text, locale: language)
        let ragged = style.alignment != .justified

        var start = 0
        for opportunity in opportunities {
            let end = opportunity.offset
            guard end > start else { continue }
            // Trailing white space of the segment becomes glue.
            var wordEnd = end
            while wordEnd > start, BreakableText.isBreakingSpace(text[wordEnd - 1]) { wordEnd -= 1 }
            let word = start..<wordEnd
            let spanIndex = span(at: start)
            let spanStyle = spans[spanIndex].style
            if !word.isEmpty {
                addWord(word, text: text, width: width, style: spanStyle, hyphenate: style.hyphenate,
                        face: chains[spanIndex][0])
            }
            let isEnd = end == text.count
            if opportunity.isMandatory || isEnd {
                // No break before \parfillskip, the fill glue, then the forced break.
                for item in ParagraphItem.paragraphEnd {
                    items.append(item)
                    breakPoints.append(item == ParagraphItem.paragraphEnd.last
                        ? BreakPoint(lineEnd: wordEnd, nextLineStart: end, hyphenated: false, isForced: true) : nil)
                }
            } else if wordEnd < end {
                let spaceWidth = width(wordEnd..<end)
                let em = spanStyle.size
                if ragged {
                    // Ragged lines (Knuth & Plass 1981, §"ragged right"): each line may end with up to
                    // 3 em of white; the glue after the break cancels that stretch when no break is taken.
                    // The first glue follows a box, so it is a legal break too (a line with no white).
                    let point = BreakPoint(lineEnd: wordEnd, nextLineStart: end, hyphenated: false, isForced: false)
                    items.append(.glue(width: 0, stretch: 3 * em, shrink: 0)); breakPoints.append(point)
                    items.append(.penalty(width: 0, cost: 0, flagged: false)); breakPoints.append(point)
                    items.append(.glue(width: spaceWidth, stretch: -3 * em, shrink: 0)); breakPoints.append(nil)
                } else {
                    items.append(.glue(width: spaceWidth, stretch: spaceWidth / 2, shrink: spaceWidth / 3))
                    breakPoints.append(BreakPoint(lineEnd: wordEnd, nextLineStart: end, hyphenated: false, isForced: false))
                }
            } else {
                // A break with no space: after a hyphen or dash, or between ideographs.
                let afterHyphen = word.isEmpty ? false : [0x2D, 0x2010, 0x2013].contains(text[word.upperBound - 1])
                items.append(.penalty(width: 0, cost: afterHyphen ? BreakableText.hyphenPenalty : 0, flagged: afterHyphen))
                breakPoints.append(BreakPoint(lineEnd: end, nextLineStart: end, hyphenated: false, isForced: false))
            }
            start = end
        }
    }

    private mutating func addWord(_ word: Range<Int>, text: [UInt16], width: (Range<Int>) -> Double, style: TextStyle,
                                  hyphenate: Bool, face: FontFace) {
        var cuts: [Int] = []
        if hyphenate, word.count >= 5, let hyphenator = Hyphenator.forLanguage(style.language) {
            // Hyphenate the letters only: leading and trailing punctuation stay attached.
            var letters = word
            while !letters.isEmpty, !BreakableText.isLetter(text[letters.lowerBound]) { letters = (letters.lowerBound + 1)..<letters.upperBound }
            while !letters.isEmpty, !BreakableText.isLetter(text[letters.upperBound - 1]) { letters = letters.lowerBound..<(letters.upperBound - 1) }
            if letters.count >= 5, text[letters].allSatisfy(BreakableText.isLetter) {
                cuts = hyphenator.hyphenationPoints(in: Array(text[letters])).map { letters.lowerBound + $0 }
            }
        }
        let hyphenWidth = Double(face.glyph(for: "-").map { face.advance(of: $0) } ?? 0) * style.size / Double(face.unitsPerEm)
        var partStart = word.lowerBound
        for cut in cuts where cut > partStart && cut < word.upperBound {
            items.append(.box(width: width(partStart..<cut))); breakPoints.append(nil)
            items.append(.penalty(width: hyphenWidth, cost: BreakableText.hyphenPenalty, flagged: true))
            breakPoints.append(BreakPoint(lineEnd: cut, nextLineStart: cut, hyphenated: true, isForced: false))
            partStart = cut
        }
        items.append(.box(width: width(partStart..<word.upperBound))); breakPoints.append(nil)
    }

    /// Spaces that a line may end at (NO-BREAK SPACE and figure spaces are not among them).
    static func isBreakingSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isLetter(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return true } // surrogate halves: letters beyond the BMP
        return scalar.properties.isAlphabetic
    }
}
