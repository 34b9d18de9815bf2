// A carrier's postage classes from a post profile's `tariff:`: for each zone (domestic,
// international), classes by the largest envelope, thickness and weight step they take, with
// their price. The loader checks that each zone's weight steps leave no gap.
import PressroomGraphics

/// A carrier's postage classes (an example table unless the shop enters its own contract).
public struct Tariff: Sendable {
    public enum Zone: String, Sendable, CaseIterable { case domestic, international }

    public struct PostageClass: Sendable {
        public var name: String
        public var zone: Zone
        /// The largest envelope it takes (width × height, points; either way round).
        public var maxSize: Size
        public var maxThickness: Double
        /// Weights it takes, in grams: above `fromGrams` (or from 0) up to `toGrams` inclusive.
        public var fromGrams: Double
        public var toGrams: Double
        /// Price as written (decimal text), in the tariff's currency.
        public var price: String
        public var location: SourceLocation

        public init(name: String, zone: Zone, maxSize: Size, maxThickness: Double, fromGrams: Double, toGrams: Double, price: String,
                    location: SourceLocation) {
            self.name = name
            self.zone = zone
            self.maxSize = maxSize
            self.maxThickness = maxThickness
            self.fromGrams = fromGrams
            self.toGrams = toGrams
            self.price = price
            self.location = location
        }

        /// Whether a piece of this size, thickness and weight goes at this class.
        public func takes(size: Size, thickness: Double, grams: Double) -> Bool {
            let long = max(size.width, size.height), short = min(size.width, size.height)
            let maxLong = max(maxSize.width, maxSize.height), maxShort = min(maxSize.width, maxSize.height)
            return long <= maxLong + 0.01 && short <= maxShort + 0.01 && thickness <= maxThickness + 0.001
                && (grams > fromGrams || (fromGrams == 0 && grams >= 0)) && grams <= toGrams
        }
    }

    public var carrier: String
    public var currency: String
    /// Where the table's prices come from, and that they are an example when they are.
    public var note: String?
    public var classes: [PostageClass]

    public init(carrier: String, currency: String, note: String?, classes: [PostageClass]) {
        self.carrier = carrier
        self.currency = currency
        self.note = note
        self.classes = classes
    }

    /// The first class, in the table's order, that takes a piece to `zone`.
    public func postageClass(zone: Zone, size: Size, thickness: Double, grams: Double) -> PostageClass? {
        classes.first { $0.zone == zone && $0.takes(size: size, thickness: thickness, grams: grams) }
    }
}
