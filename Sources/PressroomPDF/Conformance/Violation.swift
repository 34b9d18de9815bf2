// What a document can do that a conformance profile forbids, as typed values (krilla's
// validation pattern): the writer records every violation it sees while it paints, with the page
// and, where the page carries source marks, the layout block (file:line, data path) behind it.
import PressroomGraphics

public enum ViolationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A device colour space the output intent does not cover: DeviceCMYK or a CMYK-alternate
    /// spot ink under an RGB intent, DeviceRGB under a CMYK intent (ISO 19005-2 §6.2.4.3;
    /// ISO 15930-7 §6.2.4).
    case colourOutsideOutputIntent
    /// The document claims PDF/UA but is not tagged (PDF/UA-1 §7.1: a structure tree).
    case untagged
    /// No document title (PDF/UA-1 §7.1: dc:title, shown in the title bar).
    case missingTitle
    /// No document language (PDF/UA-1 §7.2: the natural language of all text can be determined).
    case missingLanguage
    /// No creation date (PDF/X-4: CreationDate and ModDate in Info and XMP); output never takes
    /// the wall clock's, so the caller gives one.
    case missingDate
    /// A page without a trim box (PDF/X: every page says where it is cut, ISO 15930-7 §6.3).
    case missingTrimBox
    /// A Figure structure element without alternate text (PDF/UA-1 §7.3).
    case figureWithoutAlternateText
    /// A glyph whose code maps to no Unicode text in the font's ToUnicode CMap (PDF/UA-1 §7.21.7).
    case glyphWithoutUnicode
    /// Transparency (a soft-masked image) where a profile wants none, as presses that cannot
    /// flatten it ask (PDF/X-1a and PDF/X-3 forbid it; PDF/A-3 and PDF/X-4 allow it).
    case transparency

    /// What the kind means, for people.
    public var summary: String {
        switch self {
        case .colourOutsideOutputIntent: "a colour outside the output intent"
        case .untagged: "no structure tree"
        case .missingTitle: "no document title"
        case .missingLanguage: "no document language"
        case .missingDate: "no creation date"
        case .missingTrimBox: "a page without a trim box"
        case .figureWithoutAlternateText: "a figure without alternate text"
        case .glyphWithoutUnicode: "a glyph without Unicode text"
        case .transparency: "transparency"
        }
    }
}

/// One violation: its kind, what exactly was seen, and where.
public struct Violation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: ViolationKind
    /// What was seen: "DeviceCMYK fill 0 0 0 1 under the sRGB IEC61966-2.1 output intent".
    public var detail: String
    /// 0-based page index; nil for the document as a whole (its title, its language).
    public var page: Int?
    /// The layout block that drew it, when the page carried source marks.
    public var location: SourceMark?

    public init(_ kind: ViolationKind, _ detail: String, page: Int? = nil, location: SourceMark? = nil) {
        self.kind = kind
        self.detail = detail
        self.page = page
        self.location = location
    }

    public var description: String {
        var prefix: [String] = []
        if let location {
            prefix.append("\(location.file):\(location.line):\(location.column)")
            if let component = location.component { prefix.append("component `\(component)`") }
            if let dataPath = location.dataPath { prefix.append(dataPath) }
        }
        if let page { prefix.append("page \(page + 1)") }
        return (prefix.isEmpty ? "" : prefix.joined(separator: ": ") + ": ") + "\(kind.summary): \(detail)"
    }
}
