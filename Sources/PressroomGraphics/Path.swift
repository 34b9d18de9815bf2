// Vector paths (lines, rectangles, rounded rectangles, ellipses, Béziers) and how to paint them.

public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close

        /// The same element moved by `offset`.
        public func moved(by offset: Point) -> Element {
            let dx = offset.x, dy = offset.y
            switch self {
            case .move(let p): return .move(Point(x: p.x + dx, y: p.y + dy))
            case .line(let p): return .line(Point(x: p.x + dx, y: p.y + dy))
            case .curve(let p, let c1, let c2):
                return .curve(Point(x: p.x + dx, y: p.y + dy), Point(x: c1.x + dx, y: c1.y + dy), Point(x: c2.x + dx, y: c2.y + dy))
            case .close: return .close
            }
        }
    }
    /// The elements as they were built, before `offset` moves them.
    public private(set) var builtElements: [Element] = []
    /// How far the built elements are moved. A fragment's paths move with it at every level it is
    /// stacked into (cell, row, table, page); adding to this costs nothing, where moving every
    /// point copied the elements each time.
    public private(set) var offset = Point(x: 0, y: 0)
    public init() {}

    /// The elements where they are drawn (`builtElements` moved by `offset`).
    public var elements: [Element] {
        offset.x == 0 && offset.y == 0 ? builtElements : builtElements.map { $0.moved(by: offset) }
    }

    /// Where the path starts (its first element's point), moved.
    public var start: Point? {
        guard case .move(let p)? = builtElements.first else { return nil }
        return Point(x: p.x + offset.x, y: p.y + offset.y)
    }

    public mutating func move(to point: Point) { builtElements.append(.move(built(point))) }
    public mutating func line(to point: Point) { builtElements.append(.line(built(point))) }
    public mutating func curve(to point: Point, control1: Point, control2: Point) {
        builtElements.append(.curve(built(control1), built(control2), built(point)))
    }
    public mutating func close() { builtElements.append(.close) }

    /// Room for `count` elements in all, so a path built element by element grows once.
    public mutating func reserveCapacity(_ count: Int) { builtElements.reserveCapacity(count) }

    /// `point` in the space of the built elements.
    private func built(_ point: Point) -> Point {
        offset.x == 0 && offset.y == 0 ? point : Point(x: point.x - offset.x, y: point.y - offset.y)
    }

    /// The same path moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> Path {
        var moved = self
        moved.offset = Point(x: offset.x + dx, y: offset.y + dy)
        return moved
    }

    /// Paths are equal when they draw the same: the same elements where they are drawn.
    public static func == (lhs: Path, rhs: Path) -> Bool {
        lhs.offset == rhs.offset ? lhs.builtElements == rhs.builtElements : lhs.elements == rhs.elements
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(elements) }

    public static func line(from start: Point, to end: Point) -> Path {
        var path = Path()
        path.reserveCapacity(2)
        path.move(to: start)
        path.line(to: end)
        return path
    }

    public static func rectangle(_ rect: Rect) -> Path {
        var path = Path()
        path.reserveCapacity(5)
        path.move(to: rect.origin)
        path.line(to: Point(x: rect.maxX, y: rect.minY))
        path.line(to: Point(x: rect.maxX, y: rect.maxY))
        path.line(to: Point(x: rect.minX, y: rect.maxY))
        path.close()
        return path
    }

    /// A rectangle with quarter-ellipse corners of the given radius (clamped to half the sides).
    public static func roundedRectangle(_ rect: Rect, radius: Double) -> Path {
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else { return rectangle(rect) }
        let k = r * kappa
        var path = Path()
        path.reserveCapacity(10)
        path.move(to: Point(x: rect.minX + r, y: rect.minY))
        path.line(to: Point(x: rect.maxX - r, y: rect.minY))
        path.curve(to: Point(x: rect.maxX, y: rect.minY + r),
                   control1: Point(x: rect.maxX - r + k, y: rect.minY), control2: Point(x: rect.maxX, y: rect.minY + r - k))
        path.line(to: Point(x: rect.maxX, y: rect.maxY - r))
        path.curve(to: Point(x: rect.maxX - r, y: rect.maxY),
                   control1: Point(x: rect.maxX, y: rect.maxY - r + k), control2: Point(x: rect.maxX - r + k, y: rect.maxY))
        path.line(to: Point(x: rect.minX + r, y: rect.maxY))
        path.curve(to: Point(x: rect.minX, y: rect.maxY - r),
                   control1: Point(x: rect.minX + r - k, y: rect.maxY), control2: Point(x: rect.minX, y: rect.maxY - r + k))
        path.line(to: Point(x: rect.minX, y: rect.minY + r))
        path.curve(to: Point(x: rect.minX + r, y: rect.minY),
                   control1: Point(x: rect.minX, y: rect.minY + r - k), control2: Point(x: rect.minX + r - k, y: rect.minY))
        path.close()
        return path
    }

    /// An ellipse inscribed in `rect`, from four cubic Béziers.
    public static func ellipse(in rect: Rect) -> Path {
        let cx = rect.minX + rect.width / 2, cy = rect.minY + rect.height / 2
        let rx = rect.width / 2, ry = rect.height / 2
        let kx = rx * kappa, ky = ry * kappa
        var path = Path()
        path.reserveCapacity(6)
        path.move(to: Point(x: cx + rx, y: cy))
        path.curve(to: Point(x: cx, y: cy + ry), control1: Point(x: cx + rx, y: cy + ky), control2: Point(x: cx + kx, y: cy + ry))
        path.curve(to: Point(x: cx - rx, y: cy), control1: Point(x: cx - kx, y: cy + ry), control2: Point(x: cx - rx, y: cy + ky))
        path.curve(to: Point(x: cx, y: cy - ry), control1: Point(x: cx - rx, y: cy - ky), control2: Point(x: cx - kx, y: cy - ry))
        path.curve(to: Point(x: cx + rx, y: cy), control1: Point(x: cx + kx, y: cy - ry), control2: Point(x: cx + rx, y: cy - ky))
        path.close()
        return path
    }

    /// 4/3·(√2 − 1): control-point distance for a quarter circle drawn as one cubic Bézier.
    private static let kappa = 0.5522847498307936
}

public enum LineJoin: Int, Sendable { case miter = 0, round = 1, bevel = 2 }
public enum LineCap: Int, Sendable { case butt = 0, round = 1, square = 2 }

public struct Stroke: Hashable, Sendable {
    public var colour: Swatch
    public var width: Double
    /// Dash lengths in points, alternating on and off; empty for a solid line.
    public var dash: [Double]
    public var dashPhase: Double
    public var join: LineJoin
    public var cap: LineCap

    public init(colour: Swatch, width: Double = 1, dash: [Double] = [], dashPhase: Double = 0,
                join: LineJoin = .miter, cap: LineCap = .butt) {
        self.colour = colour
        self.width = width
        self.dash = dash
        self.dashPhase = dashPhase
        self.join = join
        self.cap = cap
    }
}
