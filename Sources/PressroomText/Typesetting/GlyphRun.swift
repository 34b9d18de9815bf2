// The typesetter's output: glyphs of one face at one size, positioned, each knowing which
// characters of the source text it stands for (for ToUnicode, ActualText and search).

/// The text a paragraph was set from, shared by all of its runs without copying.
public final class SourceText: Sendable {
    public let utf16: [UInt16]
    public init(_ utf16: [UInt16]) { self.utf16 = utf16 }
    public func string(_ range: Range<Int>) -> String {
        String(utf16Units: utf16[range])
    }
}

public struct PositionedGlyph: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A hyphen the line breaker added; it stands for a soft hyphen (U+00AD), not for a
        /// character of the source.
        case insertedHyphen
    }
    public var id: UInt32
    /// Pen position relative to the run's origin, in points; y grows downwards.
    public var x: Double
    public var y: Double
    /// The source characters this glyph stands for; empty for the second and later glyphs of a
    /// cluster that several glyphs draw together.
    public var textRange: Range<Int>
    public var kind: Kind

    public init(id: UInt32, x: Double, y: Double, textRange: Range<Int>, kind: Kind = .text) {
        self.id = id
        self.x = x
        self.y = y
        self.textRange = textRange
        self.kind = kind
    }
}

public struct GlyphRun: Sendable {
    public let face: FontFace
    public let size: Double
    /// Index of the `TextSpan` the run came from (the caller's handle for its colour, link, …).
    public let spanIndex: Int
    public let isRightToLeft: Bool
    public let language: String
    public let text: SourceText
    /// In visual order (left to right on the page).
    public var glyphs: [PositionedGlyph]
    /// Advance width of the whole run, in points.
    public var width: Double

    public init(face: FontFace, size: Double, spanIndex: Int, isRightToLeft: Bool, language: String,
                text: SourceText, glyphs: [PositionedGlyph], width: Double) {
        self.face = face
        self.size = size
        self.spanIndex = spanIndex
        self.isRightToLeft = isRightToLeft
        self.language = language
        self.text = text
        self.glyphs = glyphs
        self.width = width
    }

    /// The characters glyph `index` stands for ("\u{AD}" for an inserted hyphen).
    public func text(ofGlyph index: Int) -> String {
        let glyph = glyphs[index]
        return glyph.kind == .insertedHyphen ? "\u{AD}" : text.string(glyph.textRange)
    }
}

/// One line of a paragraph: runs in visual order, each placed at an x offset from the line start.
public struct TypesetLine: Sendable {
    public var runs: [PlacedRun]
    /// Distance from the paragraph top to this line's baseline, in points.
    public var baseline: Double
    public var ascent: Double
    public var descent: Double
    /// The line's box: from `top` (distance from the paragraph top) down `height` points (the
    /// line height the paragraph style asks for). Boxes of consecutive lines touch.
    public var top: Double = 0
    public var height: Double = 0
    /// Width of the set text (after alignment and justification).
    public var width: Double
    /// The source range this line sets (trailing spaces excluded).
    public var textRange: Range<Int>
    public var endsWithHyphen: Bool
}

/// A glyph run `x` points from its line's start. (A struct, not a tuple: arrays of tuples are
/// copied and freed through the runtime's generic tuple witnesses.)
public struct PlacedRun: Sendable {
    public var x: Double
    public var run: GlyphRun

    public init(x: Double, run: GlyphRun) {
        self.x = x
        self.run = run
    }
}

/// A character that no registered face can draw; it is left out of the output and reported.
public struct MissingCharacter: Sendable, Equatable, CustomStringConvertible {
    public let scalar: Unicode.Scalar
    /// UTF-16 offset in the paragraph.
    public let offset: Int
    public let spanIndex: Int
    public var description: String {
        "U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)) '\(Character(scalar))'"
    }
}

public struct TypesetParagraph: Sendable {
    public var lines: [TypesetLine]
    public var height: Double
    public var width: Double
    public var text: SourceText
    public var missingCharacters: [MissingCharacter]
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
