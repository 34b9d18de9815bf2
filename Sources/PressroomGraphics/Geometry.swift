// Lengths, points, sizes and rectangles in PDF points (1/72 inch), y growing downwards from the
// top-left corner of the page, as layouts think; the PDF writer flips to PDF's y-up space.

public struct Length: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var points: Double
    public init(points: Double) { self.points = points }
    public static func pt(_ value: Double) -> Length { Length(points: value) }
    public static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    public static func inch(_ value: Double) -> Length { Length(points: value * 72) }
    public var millimetres: Double { points * 25.4 / 72 }
    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.points < rhs.points }
    public static func + (lhs: Length, rhs: Length) -> Length { Length(points: lhs.points + rhs.points) }
    public static func - (lhs: Length, rhs: Length) -> Length { Length(points: lhs.points - rhs.points) }
    public static func * (lhs: Length, rhs: Double) -> Length { Length(points: lhs.points * rhs) }
    public var description: String { "\(points)pt" }
}

public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public init(_ x: Length, _ y: Length) { self.x = x.points; self.y = y.points }
}

public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    public init(_ width: Length, _ height: Length) { self.width = width.points; self.height = height.points }
    public static let a4 = Size(.mm(210), .mm(297))
    public static let letter = Size(.inch(8.5), .inch(11))
}

public struct Rect: Hashable, Sendable {
    public var origin: Point
    public var size: Size
    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }
    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var width: Double { size.width }
    public var height: Double { size.height }
}
