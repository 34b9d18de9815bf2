// How letters of a batch go by post, as a post profile (`Layouts/post/*.yaml`) says: where the
// recipient's address is in a record and which component prints it, the paper, simplex or
// duplex, the envelopes from the smallest up (size, weight, capacity, how the sheets fold, where
// the window falls on the first sheet), pieces per tray, the inserter's marks (OMR and a Data
// Matrix on every sheet) and the carrier's tariff.
import PressroomGraphics

public struct PostProfile: Sendable {
    public var name: String
    public var description: String?
    /// ISO 3166-1 alpha-2 code of the country the batch is posted in: pieces to it are domestic.
    public var homeCountry: String
    /// The record field holding the recipient (an object with name, address lines, postcode,
    /// country), as keys from the record's top: ["customer"].
    public var addressField: [String]
    /// The component that prints the recipient's address (checked against the window).
    public var addressComponent: String
    public var paper: Paper
    /// Both sides of each sheet printed: a sheet carries two pages.
    public var duplex: Bool
    /// Envelopes from the smallest up; a piece goes in the first that holds its sheets.
    public var envelopes: [Envelope]
    /// Pieces per tray (or bundle).
    public var trayCapacity: Int
    public var omr: OMRSettings?
    public var dataMatrix: DataMatrixSettings?
    public var tariff: Tariff
    public var location: SourceLocation

    public init(name: String, description: String?, homeCountry: String, addressField: [String], addressComponent: String,
                paper: Paper, duplex: Bool, envelopes: [Envelope], trayCapacity: Int, omr: OMRSettings?,
                dataMatrix: DataMatrixSettings?, tariff: Tariff, location: SourceLocation) {
        self.name = name
        self.description = description
        self.homeCountry = homeCountry
        self.addressField = addressField
        self.addressComponent = addressComponent
        self.paper = paper
        self.duplex = duplex
        self.envelopes = envelopes
        self.trayCapacity = trayCapacity
        self.omr = omr
        self.dataMatrix = dataMatrix
        self.tariff = tariff
        self.location = location
    }

    public struct Paper: Sendable {
        /// Grammage, g/m².
        public var grams: Double
        /// One sheet's thickness in points.
        public var thickness: Double

        public init(grams: Double, thickness: Double) {
            self.grams = grams
            self.thickness = thickness
        }
    }

    public struct Envelope: Sendable {
        public var name: String
        /// Width × height in points, lying flat with the window at the front.
        public var size: Size
        /// Grams of the empty envelope.
        public var grams: Double
        /// The most sheets it takes.
        public var maxSheets: Int
        /// Layers of paper each sheet makes once folded to go in (1 flat, 2 folded once, 3 letter-folded).
        public var layers: Int
        /// The window, as it falls on the first sheet (from the sheet's top-left corner, points).
        public var window: Rect
        /// Thickness of the envelope's own paper, both faces, in points.
        public var thickness: Double
        public var location: SourceLocation

        public init(name: String, size: Size, grams: Double, maxSheets: Int, layers: Int, window: Rect, thickness: Double,
                    location: SourceLocation) {
            self.name = name
            self.size = size
            self.grams = grams
            self.maxSheets = maxSheets
            self.layers = layers
            self.window = window
            self.thickness = thickness
            self.location = location
        }
    }

    /// Optical marks an inserter reads on each sheet's front: a track of short bars, one
    /// position per meaning, top to bottom.
    public struct OMRSettings: Sendable {
        public enum Mark: String, Sendable, CaseIterable {
            /// Always printed: tells the reader a code starts (benchmark).
            case benchmark
            /// Printed on a piece's first sheet (begin of collation).
            case begin
            /// Printed on a piece's last sheet: fold and insert (end of collation).
            case end
            /// The 3-bit wrap-around sequence (sheet number in the run, modulo 8), lowest bit first.
            case sequence1 = "sequence-1", sequence2 = "sequence-2", sequence3 = "sequence-3"
            /// Printed when needed to make the number of printed marks even.
            case parity
            /// Always printed: the code ends (safety mark).
            case safety
        }

        public var marks: [Mark]
        /// The track's left or right edge.
        public var side: Side
        /// Distance of the bars' near end from that edge of the sheet.
        public var inset: Double
        /// The first bar's distance from the sheet's top (the edge fed first).
        public var top: Double
        public var pitch: Double
        public var length: Double
        public var thickness: Double
        /// Kept free of other ink around the track, on every side.
        public var clearance: Double

        public enum Side: String, Sendable { case left, right }

        public init(marks: [Mark], side: Side, inset: Double, top: Double, pitch: Double, length: Double, thickness: Double,
                    clearance: Double) {
            self.marks = marks
            self.side = side
            self.inset = inset
            self.top = top
            self.pitch = pitch
            self.length = length
            self.thickness = thickness
            self.clearance = clearance
        }
    }

    /// A Data Matrix on each sheet's front carrying job, piece and sheet k of n.
    public struct DataMatrixSettings: Sendable {
        /// Its top-left corner (quiet zone included) from the sheet's top-left corner.
        public var origin: Point
        /// One module's side.
        public var module: Double

        public init(origin: Point, module: Double) {
            self.origin = origin
            self.module = module
        }
    }
}
