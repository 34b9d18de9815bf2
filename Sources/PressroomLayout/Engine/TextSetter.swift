// Sets the text of blocks and table cells with the typesetter, and remembers what it set: an
// invoice batch repeats the same units, rates and descriptions thousands of times, and a set
// paragraph is an immutable value, so each distinct (text, style, width) that comes again is
// shaped once more and then kept.
import PressroomGraphics
import PressroomText

struct StyledSpan {
    var text: String
    var style: ResolvedStyle
    var link: String?
}

final class TextSetter {
    /// Compared whole on a hit; the cache itself is keyed by `hash`.
    private struct Key: Equatable {
        var text: String
        var style: TextStyle
        var alignment: Int
        var lineHeight: Double
        var hyphenate: Bool
        var width: Double
        /// Hashed once, as the cache is keyed by the hash: the text, the numbers, and the family
        /// and language by their bytes (a batch in several languages sets "1" and "0,00" in each,
        /// and those must not take each other's place). The features are left to equality.
        let hash: Int

        init(text: String, style: TextStyle, alignment: Int, lineHeight: Double, hyphenate: Bool, width: Double) {
            self.text = text
            self.style = style
            self.alignment = alignment
            self.lineHeight = lineHeight
            self.hyphenate = hyphenate
            self.width = width
            var hasher = Hasher()
            ExactText.combine(text, into: &hasher)
            ExactText.combine(style.family, into: &hasher)
            ExactText.combine(style.language, into: &hasher)
            hasher.combine(style.size)
            hasher.combine(style.weight)
            hasher.combine(style.italic)
            hasher.combine(alignment)
            hasher.combine(width)
            hash = hasher.finalize()
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && ExactText.equal(lhs.text, rhs.text) && lhs.width == rhs.width && lhs.alignment == rhs.alignment
                && lhs.lineHeight == rhs.lineHeight && lhs.hyphenate == rhs.hyphenate && lhs.style == rhs.style
        }
    }

    let typesetter: Typesetter
    /// Set paragraphs by their key's hash, each with its key to check: looking a text up probes
    /// eight-byte hashes rather than whole keys (text, style, paragraph: a cache line each), and
    /// most lookups in a batch miss, walking several of them. Two keys with one hash keep the later.
    private var cache: [Int: Entry] = [:]

    /// A kept paragraph and its key: a reference, so a lookup copies one pointer out of the
    /// table, not the key's strings and the paragraph's arrays.
    private final class Entry {
        let key: Key
        let set: TypesetParagraph
        init(key: Key, set: TypesetParagraph) {
            self.key = key
            self.set = set
        }
    }
    /// Hashes of the keys set once and not kept (a collision only keeps a text a time early).
    private var seenOnce: Set<Int> = []
    private var widths: [MeasureKey: Double] = [:]

    private struct MeasureKey: Hashable {
        var text: String
        var style: TextStyle

        /// As `Key`: the text and the numbers.
        func hash(into hasher: inout Hasher) {
            ExactText.combine(text, into: &hasher)
            hasher.combine(style.size)
            hasher.combine(style.weight)
        }

        static func == (lhs: MeasureKey, rhs: MeasureKey) -> Bool {
            ExactText.equal(lhs.text, rhs.text) && lhs.style == rhs.style
        }
    }
    /// Bounded so a long batch of unique texts does not grow memory.
    private let cacheLimit = 20_000

    init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    func set(_ spans: [StyledSpan], width: Double, alignment: TextAlignment? = nil,
             at location: SourceLocation) throws(LayoutError) -> TypesetParagraph {
        if spans.count == 1 { return try set(spans[0], width: width, alignment: alignment, at: location) }
        return try typeset(spans, width: width, paragraph: Self.paragraph(of: spans[0], alignment), at: location)
    }

    /// One span, as most texts and every table cell are: the set paragraph may be remembered.
    func set(_ span: StyledSpan, width: Double, alignment: TextAlignment? = nil,
             at location: SourceLocation) throws(LayoutError) -> TypesetParagraph {
        let paragraph = Self.paragraph(of: span, alignment)
        let key = Key(text: span.text, style: span.style.text, alignment: Self.code(paragraph.alignment),
                      lineHeight: paragraph.lineHeight, hyphenate: paragraph.hyphenate, width: width)
        if let known = cache[key.hash], known.key == key { return known.set }
        // Only a text seen before is kept: amounts, numbers and names mostly come once, and keeping
        // them would push the units, rates and descriptions that repeat out of the cache.
        let keeps = seenOnce.insert(key.hash).inserted == false
        let set = try typeset(CollectionOfOne(span), width: width, paragraph: paragraph, at: location)
        if keeps {
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key.hash] = Entry(key: key, set: set)
        }
        if seenOnce.count >= 4 * cacheLimit { seenOnce.removeAll(keepingCapacity: true) }
        return set
    }

    private static func paragraph(of span: StyledSpan, _ alignment: TextAlignment?) -> ParagraphStyle {
        var paragraph = span.style.paragraph
        if let alignment { paragraph.alignment = alignment }
        return paragraph
    }

    private func typeset(_ spans: some RandomAccessCollection<StyledSpan>, width: Double, paragraph: ParagraphStyle,
                         at location: SourceLocation) throws(LayoutError) -> TypesetParagraph {
        let set: TypesetParagraph
        do {
            set = try typesetter.typeset(spans.map { TextSpan($0.text, style: $0.style.text) }, width: width, style: paragraph)
        } catch {
            throw LayoutError(.unknownReference, "\(error)", at: location)
        }
        if let missing = set.missingCharacters.first {
            let text = Array(spans)[missing.spanIndex].text
            throw LayoutError(.invalidValue, "no font has the character \(missing) in “\(text)”; add a font that has it to Fonts/ or use another character",
                              at: location)
        }
        return set
    }

    private static func code(_ alignment: TextAlignment) -> Int {
        switch alignment {
        case .left: 0
        case .right: 1
        case .center: 2
        case .justified: 3
        }
    }

    /// The width of spans set on one line (an `auto` column's content), remembered like set text.
    func measure(_ spans: [StyledSpan], at location: SourceLocation) throws(LayoutError) -> Double {
        let key = spans.count == 1 ? MeasureKey(text: spans[0].text, style: spans[0].style.text) : nil
        if let key, let known = widths[key] { return known }
        let width: Double
        do { width = try typesetter.measure(spans.map { TextSpan($0.text, style: $0.style.text) }) } catch {
            throw LayoutError(.unknownReference, "\(error)", at: location)
        }
        if let key {
            if widths.count >= cacheLimit { widths.removeAll(keepingCapacity: true) }
            widths[key] = width
        }
        return width
    }

    /// One set line as display items, relative to its paragraph's top-left corner moved by (dx, dy).
    static func items(of line: TypesetLine, spans: some RandomAccessCollection<StyledSpan>, dx: Double = 0, dy: Double = 0) -> [PageItem] {
        var items: [PageItem] = []
        items.reserveCapacity(line.runs.count)
        append(line, spans: spans, dx: dx, dy: dy, to: &items)
        return items
    }

    /// `items(of:…)` appended to `items`.
    static func append(_ line: TypesetLine, spans: some RandomAccessCollection<StyledSpan>, dx: Double = 0, dy: Double = 0,
                       to items: inout [PageItem]) {
        for placed in line.runs {
            let span = spans[spans.index(spans.startIndex, offsetBy: min(placed.run.spanIndex, spans.count - 1))]
            append(placed, of: line, colour: span.style.colour, link: span.link, dx: dx, dy: dy, to: &items)
        }
    }

    /// A line of a one-span paragraph appended in the span's colour and link.
    static func append(_ line: TypesetLine, colour: Swatch, link: String?, dx: Double, dy: Double, to items: inout [PageItem]) {
        for placed in line.runs { append(placed, of: line, colour: colour, link: link, dx: dx, dy: dy, to: &items) }
    }

    private static func append(_ placed: PlacedRun, of line: TypesetLine, colour: Swatch, link: String?, dx: Double, dy: Double,
                               to items: inout [PageItem]) {
        let run = placed.run
        items.append(.text(run, origin: Point(x: dx + placed.x, y: dy + line.baseline), colour: colour))
        if let link {
            items.append(.link(Rect(x: dx + placed.x, y: dy + line.top, width: run.width, height: line.height), uri: link))
        }
    }
}
