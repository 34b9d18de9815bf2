// Where a page item puts ink, as a rectangle on the page: a text run's advance by its font's
// ascender and descender, a path's points (curves by their control points, which hold them), a
// stroke's half width around it, an image's frame, a group's or form's contents through their
// transformation. Marks, links and structure put none. What keep-out checks use (an address
// inside its envelope window, nothing under an inserter's marks).
import PressroomText

extension PageItem {
    /// The ink's bounding rectangle; nil for items that draw nothing.
    public var inkBounds: Rect? { inkBounds(transform: .identity) }

    func inkBounds(transform: Transform) -> Rect? {
        switch self {
        case .text(let run, let origin, _):
            let scale = run.size / Double(run.face.unitsPerEm)
            let top = origin.y - Double(run.face.ascender) * scale, bottom = origin.y - Double(run.face.descender) * scale
            return Rect(x: origin.x, y: top, width: run.width, height: bottom - top).applying(transform)
        case .path(let path, let fill, let stroke):
            guard fill != nil || stroke != nil, var box = path.controlBounds else { return nil }
            if let stroke {
                let half = stroke.width / 2
                box = Rect(x: box.minX - half, y: box.minY - half, width: box.width + 2 * half, height: box.height + 2 * half)
            }
            return box.applying(transform)
        case .image(_, let frame):
            return frame.applying(transform)
        case .group(let group):
            return Rect.union(group.items.compactMap { $0.inkBounds(transform: group.transform.then(transform)) })
        case .form(let form, let formTransform):
            guard case .displayList(let page) = form.content else {
                return Rect(x: 0, y: 0, width: form.size.width, height: form.size.height).applying(formTransform.then(transform))
            }
            return Rect.union(page.items.compactMap { $0.inkBounds(transform: formTransform.then(transform)) })
        case .link, .source, .structure:
            return nil
        }
    }
}

extension Path {
    /// The rectangle holding every point and control point; nil for an empty path.
    public var controlBounds: Rect? {
        var xs: [Double] = [], ys: [Double] = []
        for element in elements {
            switch element {
            case .move(let point), .line(let point):
                xs.append(point.x); ys.append(point.y)
            case .curve(let point, let control1, let control2):
                xs += [point.x, control1.x, control2.x]; ys += [point.y, control1.y, control2.y]
            case .close:
                break
            }
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

extension Rect {
    /// The smallest rectangle holding all of `rects`; nil for none.
    public static func union(_ rects: [Rect]) -> Rect? {
        guard let first = rects.first else { return nil }
        var (minX, minY, maxX, maxY) = (first.minX, first.minY, first.maxX, first.maxY)
        for rect in rects.dropFirst() {
            minX = Swift.min(minX, rect.minX); minY = Swift.min(minY, rect.minY)
            maxX = Swift.max(maxX, rect.maxX); maxY = Swift.max(maxY, rect.maxY)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// Whether the two share some area (touching edges do not count).
    public func overlaps(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies wholly inside, give or take `tolerance`.
    public func holds(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }
}
