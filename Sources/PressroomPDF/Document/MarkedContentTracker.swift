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

    /// `nextIsText`: whether the next item painted is text; a sequence around anything else
    /// begins outside any text object.
    mutating func mark(_ mark: StructureMark, nextIsText: Bool, painter: inout PagePainter, tree: StructureTree) {
        switch mark {
        case .content(let path):
            guard let element = path.last else { return }
            if closing && open == .content(element.key) { closing = false; return }
            close(&painter)
            if nextIsText { painter.enterTextObject() } else { painter.leaveTextObject() }
            let (mcid, role) = tree.addContent(path, page: page)
            painter.beginTagged(PDFName(role.rawValue), mcid: mcid)
            open = .content(element.key)
            lastPath = path
        case .artifact(let kind):
            if closing && open == .artifact(kind) { closing = false; return }
            close(&painter)
            if nextIsText { painter.enterTextObject() } else { painter.leaveTextObject() }
            painter.beginArtifact(PDFName(kind.rawValue))
            open = .artifact(kind)
        case .end:
            if open != .none && open != .furniture { closing = true }
        }
    }

    /// Before an item paints: ends a closed sequence, and opens an artifact if none is open. A
    /// path or image in a sequence begun inside a text object splits the sequence around the ET
    /// (an artifact reopens as it was, content under a new MCID of the same element).
    mutating func willPaint(isText: Bool, _ painter: inout PagePainter, tree: StructureTree) {
        if closing { close(&painter) }
        if !isText {
            if open != .none && painter.sequenceInTextObject {
                let reopen = open
                close(&painter)
                painter.leaveTextObject()
                switch reopen {
                case .furniture, .none: break
                case .artifact(let kind):
                    painter.beginArtifact(PDFName(kind.rawValue))
                    open = reopen
                case .content:
                    if let path = lastPath {
                        let (mcid, role) = tree.addContent(path, page: page)
                        painter.beginTagged(PDFName(role.rawValue), mcid: mcid)
                        open = reopen
                    }
                }
            }
            if open == .none { painter.leaveTextObject() }
        }
        if open == .none {
            if isText { painter.enterTextObject() }
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
