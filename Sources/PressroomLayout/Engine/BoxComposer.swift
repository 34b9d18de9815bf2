// Lays out a fixed box (address window, letterhead, footer): its blocks stacked in the box's
// frame, and what happens when they do not fit: an error naming the box and the field, text
// shrunk step by step down to the policy's minimum, or the last lines dropped with an ellipsis.
// A box's background fills its frame under its content; with `bleed`, the background and the
// rules that span the box run on past each page edge the frame touches, into the bleed.
import PressroomGraphics
import PressroomText

struct BoxComposer {
    let flow: FlowBuilder

    /// The box's items in page coordinates, on a page of `pageSize`.
    func compose(_ box: FixedBox, pageSize: Size, context: BindingContext) throws(LayoutError) -> [PageItem] {
        let frame = box.frame
        var stacked = try flow.stack(box.content, width: frame.width, context: context, forBox: true)
        if let problem = overflow(stacked, frame: frame) {
            switch box.overflow {
            case .error:
                throw error(problem, box: box, stacked: stacked.fragments)
            case .shrink(let minimum):
                var scale = 1.0
                var fitted = false
                while scale - 0.05 >= minimum - 0.0001 {
                    scale -= 0.05
                    stacked = try flow.stack(box.content, width: frame.width, context: context, scale: scale, forBox: true)
                    if overflow(stacked, frame: frame) == nil { fitted = true; break }
                }
                if !fitted {
                    throw error(overflow(stacked, frame: frame) ?? problem, box: box, stacked: stacked.fragments,
                                note: " even at \(Int((minimum * 100).rounded())) % of its size")
                }
            case .ellipsis:
                stacked = try shorten(stacked.fragments, frame: frame, box: box)
            }
        }
        let dy: Double
        switch box.verticalAlignment {
        case .top: dy = 0
        case .middle: dy = (frame.height - stacked.height) / 2
        case .bottom: dy = frame.height - stacked.height
        }
        var items = stacked.items.offsetBy(dx: frame.minX, dy: frame.minY + dy)
        let bled = bleedFrame(box, pageSize: pageSize)
        if let bleed = box.bleed, bled != frame {
            items = items.map { Self.extendingRules($0, across: frame, to: bled, bleed: bleed) }
        }
        if let background = box.background {
            let fill = try flow.environment.styles.colour(background, at: box.location)
            items = [.structure(.artifact(.background)), .path(.rectangle(bled), fill: fill, stroke: nil), .structure(.end)] + items
        }
        if flow.environment.recordsSources {
            let kind = box.name.map { "box `\($0)`" } ?? "box"
            items.append(.source(frame, flow.sourceMark(kind: kind, at: box.location)))
        }
        return items
    }

    /// The frame grown by the box's bleed past each page edge it touches (within 0.5 pt) or crosses.
    private func bleedFrame(_ box: FixedBox, pageSize: Size) -> Rect {
        let frame = box.frame
        guard let bleed = box.bleed else { return frame }
        let tolerance = 0.5
        let minX = frame.minX <= tolerance ? min(frame.minX, -bleed) : frame.minX
        let minY = frame.minY <= tolerance ? min(frame.minY, -bleed) : frame.minY
        let maxX = frame.maxX >= pageSize.width - tolerance ? max(frame.maxX, pageSize.width + bleed) : frame.maxX
        let maxY = frame.maxY >= pageSize.height - tolerance ? max(frame.maxY, pageSize.height + bleed) : frame.maxY
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// A rule that spans the box from side to side, run on to the bled frame's sides.
    private static func extendingRules(_ item: PageItem, across frame: Rect, to bled: Rect, bleed: Double) -> PageItem {
        guard case .path(let path, let fill, let stroke?) = item, fill == nil, path.elements.count == 2,
              case .move(let start) = path.elements[0], case .line(let end) = path.elements[1], abs(start.y - end.y) < 0.01,
              abs(min(start.x, end.x) - frame.minX) < 0.5, abs(max(start.x, end.x) - frame.maxX) < 0.5
        else { return item }
        return .path(.line(from: Point(x: bled.minX, y: start.y), to: Point(x: bled.maxX, y: end.y)), fill: nil, stroke: stroke)
    }

    private enum Overflow {
        case height(Double)
        /// A text line wider than the box, at this fragment.
        case width(Int)
    }

    private func overflow(_ stacked: (items: [PageItem], height: Double, fragments: [Fragment]), frame: Rect) -> Overflow? {
        for (index, fragment) in stacked.fragments.enumerated() {
            for item in fragment.items {
                if case .text(let run, let origin, _) = item, origin.x + run.width > frame.width + 0.5 { return .width(index) }
            }
        }
        return stacked.height > frame.height + 0.01 ? .height(stacked.height) : nil
    }

    private func error(_ problem: Overflow, box: FixedBox, stacked: [Fragment], note: String = "") -> LayoutError {
        let name = box.name.map { "the box `\($0)`" } ?? "a fixed box"
        switch problem {
        case .width(let index):
            let culprit = stacked[index]
            return LayoutError(.overflow, "a line is wider than \(name) (\(Paginator.mm(box.frame.width)))\(note): “\(text(of: culprit))”; shorten the data or choose `overflow: shrink` or `ellipsis` for the box",
                               at: box.location, dataPath: culprit.dataPath?.description)
        case .height(let height):
            // The first fragment that crosses the box's bottom edge is the one to blame.
            var y = 0.0
            var culprit = stacked.last
            for (index, fragment) in stacked.enumerated() {
                if index > 0 { y += fragment.spaceBefore }
                y += fragment.height
                if y > box.frame.height + 0.01 { culprit = fragment; break }
            }
            let what = culprit.map { " at “\(text(of: $0))”" } ?? ""
            return LayoutError(.overflow, "the content of \(name) is \(Paginator.mm(height)) tall and the box \(Paginator.mm(box.frame.height))\(note); it overflows\(what); shorten the data or choose `overflow: shrink` or `ellipsis`",
                               at: box.location, dataPath: culprit?.dataPath?.description)
        }
    }

    private func text(of fragment: Fragment) -> String {
        fragment.line?.text ?? ""
    }

    /// Keeps the fragments that fit and ends the last kept line with "…".
    private func shorten(_ fragments: [Fragment], frame: Rect, box: FixedBox) throws(LayoutError) -> (items: [PageItem], height: Double, fragments: [Fragment]) {
        var kept: [(Fragment, Double)] = []
        var y = 0.0
        for (index, fragment) in fragments.enumerated() {
            let top = index > 0 ? y + fragment.spaceBefore : y
            if top + fragment.height > frame.height + 0.01 { break }
            kept.append((fragment, top))
            y = top + fragment.height
        }
        if kept.count < fragments.count, let (last, top) = kept.last, let line = last.line {
            var words = line.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            while !words.isEmpty {
                var span = line.span
                span.text = words.joined(separator: " ") + "…"
                let set = try flow.environment.text.set([span], width: line.width, alignment: line.alignment, at: last.location)
                if set.lines.count == 1, let first = set.lines.first {
                    var replacement = last
                    // The shortened line keeps the structure marks around the original.
                    var items = TextSetter.items(of: first, spans: [span], dy: -first.top)
                    if case .structure? = last.items.first, case .structure? = last.items.last {
                        items = [last.items[0]] + items + [last.items[last.items.count - 1]]
                    }
                    replacement.items = items
                    kept[kept.count - 1] = (replacement, top)
                    break
                }
                words.removeLast()
            }
        }
        var items: [PageItem] = []
        for (fragment, top) in kept { items.append(fragment.items, offsetBy: 0, top) }
        return (items, y, kept.map(\.0))
    }
}
