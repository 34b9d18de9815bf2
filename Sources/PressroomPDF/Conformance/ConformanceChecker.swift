// Collects the violations a document commits while it is written, for the profiles it declares:
// colours its output intent does not cover, figures without alternate text, glyphs without
// Unicode text, transparency, a missing title or language. Violations found while a stream is
// painted are located afterwards by the page's source marks (the smallest marked area holding
// the item), so a refusal names the layout block that drew it. With no profile it does nothing.
import PressroomGraphics

struct ConformanceChecker {
    let profiles: [PDFProfile]
    /// 1, 3 or 4: the colour space of the output intent colours are judged against.
    private let intent: (components: Int, name: String)?
    private(set) var violations: [Violation] = []
    private var seen: Set<Violation> = []
    /// Found in the stream being painted, with the point of the item, until `locate`.
    private var pending: [(violation: Violation, point: Point?)] = []

    init(profiles: [PDFProfile]) {
        self.profiles = profiles
        intent = profiles.lazy.filter { $0.prohibited.contains(.colourOutsideOutputIntent) }
            .compactMap(\.outputIntent).first.map { ($0.profile.components, $0.profile.identifier) }
    }

    var isActive: Bool { !profiles.isEmpty }

    /// The colour components of the declared output intent (1, 3, 4), if any.
    var intentComponents: Int? { profiles.lazy.compactMap(\.outputIntent).first?.profile.components }

    /// The document's profiles claim PDF/UA-1.
    var claimsUA: Bool { profiles.contains { $0.standard == .pdfUA1 } }

    /// A device colour painted at `point` on page `page`.
    mutating func check(_ colour: Colour, stroking: Bool, page: Int, at point: Point?) {
        guard let intent else { return }
        let family: String
        switch colour {
        case .gray: return  // ISO 19005-2 §6.2.4.3: DeviceGray with any output intent
        case .rgb: if intent.components == 3 { return }; family = "DeviceRGB"
        case .cmyk: if intent.components == 4 { return }; family = "DeviceCMYK"
        case .spot(let ink, _):
            // The Separation's alternate space is DeviceCMYK.
            if intent.components == 4 { return }
            family = "Separation \(ink.name) (DeviceCMYK alternate)"
        }
        record(.colourOutsideOutputIntent, "\(family) \(stroking ? "stroke" : "fill") under the \(intent.name) output intent",
               page: page, at: point)
    }

    /// An image whose samples are in a device space with `components` (no ICC profile of its own).
    mutating func checkImage(named name: String, components: Int, page: Int, at point: Point?) {
        guard let intent, components != 1, components != intent.components else { return }
        record(.colourOutsideOutputIntent, "the image \(name) is Device\(components == 4 ? "CMYK" : "RGB") under the \(intent.name) output intent",
               page: page, at: point)
    }

    mutating func record(_ kind: ViolationKind, _ detail: String, page: Int?, at point: Point? = nil) {
        guard isActive else { return }
        pending.append((Violation(kind, detail, page: page), point))
    }

    /// Gives the violations found since the last call the location of the smallest source mark
    /// among `items` that holds their point, and keeps each distinct one once.
    mutating func locate(in items: [PageItem]) {
        guard !pending.isEmpty else { return }
        let sources = Self.sourceMarks(in: items, transform: .identity)
        for (violation, point) in pending {
            var located = violation
            if let point {
                located.location = sources.filter { rect, _ in
                    point.x >= rect.minX - 0.01 && point.x <= rect.maxX + 0.01 && point.y >= rect.minY - 0.01 && point.y <= rect.maxY + 0.01
                }.min { $0.0.width * $0.0.height < $1.0.width * $1.0.height }?.1
            }
            if seen.insert(located).inserted { violations.append(located) }
        }
        pending.removeAll()
    }

    /// What the stream being painted has found so far, taken away while another stream (a form)
    /// is painted and located; `restorePending` puts it back.
    mutating func setPendingAside() -> [(violation: Violation, point: Point?)] {
        defer { pending.removeAll() }
        return pending
    }

    mutating func restorePending(_ saved: [(violation: Violation, point: Point?)]) {
        pending = saved + pending
    }

    /// Forgets what a stream that failed found.
    mutating func discardPending() { pending.removeAll() }

    /// The source marks of `items` and of the groups among them, in the stream's space.
    private static func sourceMarks(in items: [PageItem], transform: Transform) -> [(Rect, SourceMark)] {
        var marks: [(Rect, SourceMark)] = []
        for item in items {
            switch item {
            case .source(let rect, let mark):
                marks.append((rect.applying(transform), mark))
            case .group(let group):
                marks += sourceMarks(in: group.items, transform: group.transform.then(transform))
            default:
                continue
            }
        }
        return marks
    }

    /// The refusal for the violations the declared profiles prohibit; nil when there are none.
    func refusal() -> ConformanceRefusal? {
        let prohibited = profiles.reduce(into: Set<ViolationKind>()) { $0.formUnion($1.prohibited) }
        let breaking = violations.filter { prohibited.contains($0.kind) }
        guard !breaking.isEmpty else { return nil }
        return ConformanceRefusal(profiles: profiles.map(\.name), violations: breaking)
    }
}
