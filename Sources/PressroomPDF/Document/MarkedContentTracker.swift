// Tagged PDF while a stream is painted: every painted item ends up either inside a tagged
// sequence (`/P << /MCID 3 >> BDC … EMC`) or inside an artifact, never both (ISO 14289-1 §7.1).
// Items the display list does not mark are page furniture: an untyped `/Artifact BMC`.
// A sequence closed and reopened for the same element with nothing between them (the lines of
// one paragraph) stays one sequence, so one MCID covers a whole paragraph fragment.
import PressroomGraphics

struct MarkedContentTracker {
    private enum Open: Equatable {
        case none
        /// Opened by the tracker around unmarked items.
        case furniture
        case artifact(ArtifactKind)
        case content(StructureKey)
    }

    let page: Int
    private var open = Open.none
    /// The display list closed the open sequence; it ends when something else is painted.
    private var closing = false
    /// The element of the last tagged sequence: a link belongs to it.
    private(set) var lastPath: [StructureElement]?

    init(page: Int) { self.page = page }

    mutating func mark(_ mark: StructureMark, painter: inout PagePainter, tree: StructureTree) {
        switch mark {
        case .content(let path):
            guard let element = path.last else { return }
            if closing && open == .content(element.key) { closing = false; return }
            close(&painter)
            let (mcid, role) = tree.addContent(path, page: page)
            painter.beginTagged(PDFName(role.rawValue), mcid: mcid)
            open = .content(element.key)
            lastPath = path
        case .artifact(let kind):
            if closing && open == .artifact(kind) { closing = false; return }
            close(&painter)
            painter.beginArtifact(PDFName(kind.rawValue))
            open = .artifact(kind)
        case .end:
            if open != .none && open != .furniture { closing = true }
        }
    }

    /// Before an item paints: ends a closed sequence, and opens an artifact if none is open.
    mutating func willPaint(_ painter: inout PagePainter) {
        if closing { close(&painter) }
        if open == .none {
            painter.beginArtifact(nil)
            open = .furniture
        }
    }

    /// Ends whatever is open; at the end of a stream too, since a sequence never spans streams.
    mutating func close(_ painter: inout PagePainter) {
        closing = false
        guard open != .none else { return }
        painter.endMarked()
        open = .none
    }

    /// The path of the sequence a link item belongs to: the open one, or the one just closed.
    var linkParent: [StructureElement]? {
        if case .content = open { return lastPath }
        return nil
    }
}
