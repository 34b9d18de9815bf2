// Sets a paragraph: bidi levels (UAX #9), itemization and font fallback, shaping, break
// opportunities (UAX #14) and hyphenation, optimal line breaking (Knuth–Plass), then each line
// reordered for display, aligned and justified.
import CHarfBuzz

public final class Typesetter: Sendable {
    public let registry: FontRegistry

    public init(registry: FontRegistry) {
        self.registry = registry
    }

    /// The shaped paragraph before line breaking.
    private struct Prepared {
        var units: [UInt16]
        var spanRanges: [Range<Int>]
        var chains: [[FontFace]]
        var bidi: BidiParagraph
        var items: [TextItem]
        var shaped: [[ShapedGlyph]]
        var missing: [MissingCharacter]
    }

    private func prepare(_ spans: [TextSpan], style: ParagraphStyle) throws(TypesetError) -> Prepared {
        // Source text and the range of each span in it.
        var units: [UInt16] = []
        var spanRanges: [Range<Int>] = []
        for span in spans {
            let start = units.count
            units.append(contentsOf: span.text.utf16)
            spanRanges.append(start..<units.count)
        }
        var chains: [[FontFace]] = []
        for span in spans {
            guard let face = registry.face(family: span.style.family, weight: span.style.weight, italic: span.style.italic) else {
                throw .unknownFontFamily(span.style.family, available: registry.families)
            }
            chains.append(registry.fallbackChain(for: face))
        }
        let bidi = BidiParagraph(utf16: units, base: style.baseDirection)
        var missing: [MissingCharacter] = []
        let items = TextItemizer.itemize(units, spanRanges: spanRanges, chains: chains, levels: bidi.levels, missing: &missing)
        let shaped = items.map { item in
            Shaper.shape(units, range: item.range, request(for: item, spans: spans))
        }
        return Prepared(units: units, spanRanges: spanRanges, chains: chains, bidi: bidi, items: items,
                        shaped: shaped, missing: missing)
    }

    /// The advance width of the spans set on one line, in points: shaping without line breaking.
    public func measure(_ spans: [TextSpan]) throws(TypesetError) -> Double {
        let prepared = try prepare(spans, style: ParagraphStyle())
        var width = 0.0
        for (item, glyphs) in zip(prepared.items, prepared.shaped) {
            let scale = spans[item.spanIndex].style.size / Double(item.face.unitsPerEm)
            width += Double(glyphs.reduce(Int32(0)) { $0 + $1.xAdvance }) * scale
        }
        return width
    }

    public func typeset(_ spans: [TextSpan], width: Double, style: ParagraphStyle = ParagraphStyle()) throws(TypesetError) -> TypesetParagraph {
        let prepared = try prepare(spans, style: style)
        let units = prepared.units, items = prepared.items, shaped = prepared.shaped, bidi = prepared.bidi
        let spanRanges = prepared.spanRanges, chains = prepared.chains, missing = prepared.missing
        let text = SourceText(units)
        guard !units.isEmpty else {
            return TypesetParagraph(lines: [], height: 0, width: width, text: text, missingCharacters: [])
        }

        // Advance of every UTF-16 unit (a cluster's width sits on its first unit), in points.
        // Each unit's advance is gathered in the slot after it, then the slots are summed in place.
        var prefix = [Double](repeating: 0, count: units.count + 1)
        for (item, glyphs) in zip(items, shaped) {
            let scale = spans[item.spanIndex].style.size / Double(item.face.unitsPerEm)
            for glyph in glyphs { prefix[glyph.cluster + 1] += Double(glyph.xAdvance) * scale }
        }
        for index in 0..<units.count { prefix[index + 1] += prefix[index] }

        // Most table cells and labels fit on one line: then there is nothing to break, and the
        // opportunities, hyphenation and Knuth–Plass are skipped.
        if prefix[units.count] <= width, !units.contains(where: Self.isForcedBreak) {
            var end = units.count
            while end > 0 && (units[end - 1] == 0x20 || units[end - 1] == 0x09) { end -= 1 }
            var line = buildLine(range: 0..<end, hyphenated: false, items: items, shaped: shaped, units: units, text: text,
                                 spans: spans, bidi: bidi, width: width, style: style, justify: false)
            Self.place(&line, top: 0, spans: spans, style: style)
            return TypesetParagraph(lines: [line], height: line.height, width: width, text: text, missingCharacters: missing)
        }

        let breakable = BreakableText(text: units, spans: spans, spanRanges: spanRanges, prefixWidths: prefix,
                                      chains: chains, style: style)
        let breaks = ParagraphBreaker.breakLines(breakable.items, lineWidth: { _ in width })

        var lines: [TypesetLine] = []
        var top = 0.0
        var lineStart = 0
        for lineBreak in breaks {
            let end = breakable.breakPoints[lineBreak.itemIndex]
            guard let endPoint = end else { continue }
            let range = lineStart..<max(lineStart, endPoint.lineEnd)
            let isLast = endPoint.isForced
            var line = buildLine(range: range, hyphenated: endPoint.hyphenated, items: items, shaped: shaped,
                                 units: units, text: text, spans: spans, bidi: bidi, width: width, style: style,
                                 justify: style.alignment == .justified && !isLast)
            Self.place(&line, top: top, spans: spans, style: style)
            top += line.height
            lines.append(line)
            lineStart = endPoint.nextLineStart
        }
        return TypesetParagraph(lines: lines, height: top, width: width, text: text, missingCharacters: missing)
    }

    /// Gives a line its box: as tall as its largest size times the line height, starting at `top`,
    /// the baseline centred with half the leading above and below.
    private static func place(_ line: inout TypesetLine, top: Double, spans: [TextSpan], style: ParagraphStyle) {
        var largest = line.runs.first?.run.size ?? spans.first?.style.size ?? 10
        for placed in line.runs { largest = max(largest, placed.run.size) }
        let lineHeight = largest * style.lineHeight
        line.baseline = top + (lineHeight - (line.ascent + line.descent)) / 2 + line.ascent
        line.top = top
        line.height = lineHeight
    }

    /// UAX #14 mandatory breaks (BK, CR, LF, NL).
    private static func isForcedBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0B || unit == 0x0C || unit == 0x0D || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    private func request(for item: TextItem, spans: [TextSpan]) -> ShapingRequest {
        let style = spans[item.spanIndex].style
        return ShapingRequest(face: item.face, script: item.script, language: Language.harfBuzz(style.language),
                              rightToLeft: item.level % 2 == 1, features: style.features)
    }

    // MARK: Lines

    private struct Piece {
        var item: Int
        var range: Range<Int>
        var glyphs: [ShapedGlyph]
    }

    private func buildLine(range: Range<Int>, hyphenated: Bool, items: [TextItem], shaped: [[ShapedGlyph]],
                           units: [UInt16], text: SourceText, spans: [TextSpan], bidi: BidiParagraph,
                           width: Double, style: ParagraphStyle, justify: Bool) -> TypesetLine {
        // The parts of each shaped item inside the line, re-shaped where a cut is unsafe.
        var pieces: [Piece] = []
        // Items are in logical order: start at the first one that reaches into the line.
        var first = items.partitionPoint { $0.range.upperBound <= range.lowerBound }
        while first < items.count, items[first].range.lowerBound < range.upperBound {
            let index = first
            first += 1
            let item = items[index]
            let lower = max(item.range.lowerBound, range.lowerBound), upper = min(item.range.upperBound, range.upperBound)
            guard lower < upper else { continue }
            let pieceRange = lower..<upper
            let all = shaped[index]
            let rightToLeft = item.level % 2 == 1
            // Clusters rise along the glyphs left to right, or fall in a right-to-left run.
            let slice = rightToLeft
                ? all.partitionPoint { $0.cluster >= upper }..<all.partitionPoint { $0.cluster >= lower }
                : all.partitionPoint { $0.cluster < lower }..<all.partitionPoint { $0.cluster < upper }
            var glyphs = Array(all[slice])
            // HarfBuzz marks the glyph after which a cut changes the shaping (unsafe to break).
            let cutAtStart = lower > item.range.lowerBound, cutAtEnd = upper < item.range.upperBound
            let startGlyph = rightToLeft ? slice.upperBound - 1 : slice.lowerBound
            let endGlyph = rightToLeft ? slice.lowerBound - 1 : slice.upperBound
            let unsafe = (cutAtStart && all.indices.contains(startGlyph) && all[startGlyph].unsafeToBreak)
                || (cutAtEnd && all.indices.contains(endGlyph) && all[endGlyph].unsafeToBreak)
            if unsafe { glyphs = Shaper.shape(units, range: pieceRange, request(for: item, spans: spans)) }
            pieces.append(Piece(item: index, range: pieceRange, glyphs: glyphs))
        }

        // UAX #9 L2: reverse by level, piece by piece (each piece has one level).
        // A line of one even level (most lines) is in visual order already.
        let firstLevel = pieces.first.map { items[$0.item].level } ?? 0
        let reordered = firstLevel % 2 == 1 || pieces.contains { items[$0.item].level != firstLevel }
        let visualOrder = reordered ? BidiParagraph.visualOrder(levels: pieces.map { items[$0.item].level }) : nil
        let lastLogical = pieces.indices.last

        var runs: [PlacedRun] = []
        var x = 0.0, ascent = 0.0, descent = 0.0
        // The spaces that justification widens; only gathered for a line it justifies.
        var spaceGlyphs: [(run: Int, glyph: Int)] = []
        for position in pieces.indices {
            let pieceIndex = visualOrder?[position] ?? position
            let piece = pieces[pieceIndex]
            let item = items[piece.item]
            let spanStyle = spans[item.spanIndex].style
            let face = item.face
            let scale = spanStyle.size / Double(face.unitsPerEm)
            let rightToLeft = item.level % 2 == 1
            ascent = max(ascent, Double(face.ascender) * scale)
            descent = max(descent, Double(-face.descender) * scale)

            var glyphs: [PositionedGlyph] = []
            glyphs.reserveCapacity(piece.glyphs.count + 1)
            var pen = 0.0
            // The inserted hyphen stands at the logical end of the line: visually last, or first in
            // a right-to-left piece.
            let hyphen = hyphenated && pieceIndex == lastLogical ? face.glyph(for: "-") ?? face.glyph(for: "\u{2010}") : nil
            func appendHyphen() {
                guard let hyphen else { return }
                glyphs.append(PositionedGlyph(id: hyphen, x: pen, y: 0,
                                              textRange: piece.range.upperBound..<piece.range.upperBound, kind: .insertedHyphen))
                pen += Double(face.advance(of: hyphen)) * scale
            }
            if rightToLeft { appendHyphen() }
            for index in piece.glyphs.indices {
                let glyph = piece.glyphs[index]
                defer { pen += Double(glyph.xAdvance) * scale }
                guard glyph.glyph != 0 else { continue } // reported by the itemizer, never drawn as .notdef
                if justify && units[glyph.cluster] == 0x20 { spaceGlyphs.append((runs.count, glyphs.count)) }
                glyphs.append(PositionedGlyph(id: glyph.glyph, x: pen + Double(glyph.xOffset) * scale,
                                              y: -Double(glyph.yOffset) * scale,
                                              textRange: Self.clusterRange(of: index, in: piece.glyphs, pieceRange: piece.range,
                                                                           rightToLeft: rightToLeft)))
            }
            if !rightToLeft { appendHyphen() }
            runs.append(PlacedRun(x: x, run: GlyphRun(face: face, size: spanStyle.size, spanIndex: item.spanIndex,
                                     isRightToLeft: rightToLeft, language: spanStyle.language, text: text,
                                     glyphs: glyphs, width: pen)))
            x += pen
        }

        // Justification: the difference to the measure goes to the spaces between words, stretching
        // them or, where the breaker chose a tight line, shrinking them.
        var natural = x
        if justify && !spaceGlyphs.isEmpty && abs(width - natural) > 0.001 {
            let extra = (width - natural) / Double(spaceGlyphs.count)
            var spaces = spaceGlyphs[...]
            var shift = 0.0
            for runIndex in runs.indices {
                runs[runIndex].x += shift
                var local = 0.0
                for glyphIndex in runs[runIndex].run.glyphs.indices {
                    runs[runIndex].run.glyphs[glyphIndex].x += local
                    if let space = spaces.first, space.run == runIndex, space.glyph == glyphIndex {
                        local += extra
                        spaces = spaces.dropFirst()
                    }
                }
                runs[runIndex].run.width += local
                shift += local
            }
            natural = width
        }
        let offset: Double
        switch style.alignment {
        case .left: offset = 0
        case .right: offset = width - natural
        case .center: offset = (width - natural) / 2
        case .justified: offset = bidi.paragraphLevel % 2 == 1 ? width - natural : 0
        }
        if offset != 0 { for index in runs.indices { runs[index].x += offset } }
        if runs.isEmpty, let first = spans.first {
            // An empty line (two forced breaks in a row) still has the height of its text.
            if let face = registry.face(family: first.style.family, weight: first.style.weight, italic: first.style.italic) {
                let scale = first.style.size / Double(face.unitsPerEm)
                ascent = Double(face.ascender) * scale
                descent = Double(-face.descender) * scale
            }
        }
        return TypesetLine(runs: runs, baseline: 0, ascent: ascent, descent: descent, width: natural,
                           textRange: range, endsWithHyphen: hyphenated)
    }

    /// The source range glyph `index` stands for: the first glyph of a cluster (in logical order)
    /// gets the cluster's characters, up to the next cluster; later glyphs of the same cluster get
    /// none. Clusters never decrease in logical order (the Shaper asks for MONOTONE_CHARACTERS), and
    /// logical order runs backwards through the glyphs of a right-to-left piece.
    private static func clusterRange(of index: Int, in glyphs: [ShapedGlyph], pieceRange: Range<Int>,
                                     rightToLeft: Bool) -> Range<Int> {
        let cluster = glyphs[index].cluster
        let step = rightToLeft ? -1 : 1
        let previous = index - step
        if glyphs.indices.contains(previous) && glyphs[previous].cluster == cluster { return cluster..<cluster }
        var next = index + step
        while glyphs.indices.contains(next) {
            if glyphs[next].cluster != cluster { return cluster..<glyphs[next].cluster }
            next += step
        }
        return cluster..<pieceRange.upperBound
    }
}

/// BCP 47 tags to HarfBuzz languages (hb_language_from_string interns them: same tag, same pointer).
enum Language {
    static func harfBuzz(_ tag: String) -> hb_language_t? {
        // The UTF-8 in place with its length: passing the String as a C string allocated a copy.
        var tag = tag
        return tag.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { hb_language_from_string($0.baseAddress, Int32($0.count)) }
        }
    }
}

extension Array {
    /// The first index whose element fails `belongs` (which must hold for a prefix): a binary search.
    func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
