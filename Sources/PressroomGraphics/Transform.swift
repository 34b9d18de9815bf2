// Affine transformations in the page's y-down space, as groups and placed forms use them: a point
// p of the group maps to (a·x + c·y + tx, b·x + d·y + ty) on the page (ISO 32000-1 §8.3.3's
// matrix [a b c d tx ty], read in y-down coordinates; the PDF writer conjugates it with the flip).

import Foundation

public struct Transform: Hashable, Sendable {
    public var a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    public static let identity = Transform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    public static func translation(x: Double, y: Double) -> Transform {
        Transform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }

    public static func scale(x: Double, y: Double) -> Transform {
        Transform(a: x, b: 0, c: 0, d: y, tx: 0, ty: 0)
    }

    /// A rotation by `degrees` (clockwise on the page, as y grows downwards), exact for quarter turns.
    public static func rotation(degrees: Double) -> Transform {
        let quarter = degrees / 90
        if quarter == quarter.rounded() {
            let turns = ((Int(quarter) % 4) + 4) % 4
            let (cos, sin): (Double, Double) = [(1, 0), (0, 1), (-1, 0), (0, -1)][turns]
            return Transform(a: cos, b: sin, c: -sin, d: cos, tx: 0, ty: 0)
        }
        let radians = degrees * .pi / 180
        let cos = Foundation.cos(radians), sin = Foundation.sin(radians)
        return Transform(a: cos, b: sin, c: -sin, d: cos, tx: 0, ty: 0)
    }

    /// `self` first, then `other`.
    public func then(_ other: Transform) -> Transform {
        Transform(a: a * other.a + b * other.c, b: a * other.b + b * other.d,
                  c: c * other.a + d * other.c, d: c * other.b + d * other.d,
                  tx: tx * other.a + ty * other.c + other.tx, ty: tx * other.b + ty * other.d + other.ty)
    }

    public func apply(_ point: Point) -> Point {
        Point(x: a * point.x + c * point.y + tx, y: b * point.x + d * point.y + ty)
    }

    public var isIdentity: Bool { self == .identity }
}

extension Rect {
    /// The smallest rectangle holding this one after `transform` (its four corners mapped).
    public func applying(_ transform: Transform) -> Rect {
        guard !transform.isIdentity else { return self }
        let corners = [Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: minX, y: maxY), Point(x: maxX, y: maxY)]
            .map(transform.apply)
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let left = xs.min() ?? 0, top = ys.min() ?? 0
        return Rect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top)
    }
}
