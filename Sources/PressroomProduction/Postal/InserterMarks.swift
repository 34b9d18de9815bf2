// What an inserter reads on each sheet's front: the OMR track (benchmark, begin and end of
// collation, the 3-bit wrap-around sequence, parity, safety, at the profile's positions) and a
// Data Matrix naming the job, the piece and the sheet k of n. Drawn in 100 % K as vector
// rectangles, as page furniture (artifacts when tagged), inside the trim.
import PressroomBarcode
import PressroomGraphics
import PressroomLayout

public struct InserterMarks: Sendable {
    public let omr: PostProfile.OMRSettings?
    public let dataMatrix: PostProfile.DataMatrixSettings?
    /// Light modules kept around the Data Matrix (ISO/IEC 16022 asks 1; 2 is safer on paper).
    static let quietModules = 2
    static let ink = Swatch(screen: .black, print: .cmyk(0, 0, 0, 1))
    static let omrTrack = "the OMR track"

    public init(omr: PostProfile.OMRSettings?, dataMatrix: PostProfile.DataMatrixSettings?) {
        self.omr = omr
        self.dataMatrix = dataMatrix
    }

    /// Where one sheet stands: in the run (what the wrap-around sequence counts) and in its piece.
    public struct SheetPosition: Sendable, Hashable {
        /// 1-based number of the sheet in the whole run, in feed order.
        public var sheetInRun: Int
        /// 1-based number of the sheet in its piece, of `sheetsInPiece`.
        public var sheetInPiece: Int
        public var sheetsInPiece: Int
        /// 1-based piece number in the run.
        public var piece: Int
    }

    /// For each of the profile's OMR positions, whether its bar is printed on this sheet.
    public static func bars(for marks: [PostProfile.OMRSettings.Mark], at position: SheetPosition) -> [Bool] {
        let sequence = position.sheetInRun % 8
        var bars = marks.map { mark -> Bool in
            switch mark {
            case .benchmark, .safety: true
            case .begin: position.sheetInPiece == 1
            case .end: position.sheetInPiece == position.sheetsInPiece
            case .sequence1: sequence & 1 != 0
            case .sequence2: sequence & 2 != 0
            case .sequence3: sequence & 4 != 0
            case .parity: false
            }
        }
        if let parity = marks.firstIndex(of: .parity) {
            bars[parity] = bars.filter { $0 }.count % 2 == 1  // the total printed becomes even
        }
        return bars
    }

    /// The Data Matrix's payload: `job=NAME;piece=N;sheet=K/N`.
    public static func payload(job: String, position: SheetPosition) -> String {
        "job=\(job);piece=\(position.piece);sheet=\(position.sheetInPiece)/\(position.sheetsInPiece)"
    }

    /// The bars' rectangles on a sheet `width` wide, printed or not, top to bottom.
    public static func barRects(_ omr: PostProfile.OMRSettings, sheetWidth: Double) -> [Rect] {
        let x = omr.side == .left ? omr.inset : sheetWidth - omr.inset - omr.length
        return omr.marks.indices.map { index in
            Rect(x: x, y: omr.top + Double(index) * omr.pitch - omr.thickness / 2, width: omr.length, height: omr.thickness)
        }
    }

    /// The areas no other ink may enter: the OMR track with its clearance, the Data Matrix with its
    /// quiet zone (the largest symbol this job's payloads can take).
    public func keepOut(sheetWidth: Double, job: String) throws -> [(name: String, area: Rect)] {
        var areas: [(String, Rect)] = []
        if let omr {
            let bars = Self.barRects(omr, sheetWidth: sheetWidth)
            if let track = Rect.union(bars) {
                areas.append((Self.omrTrack, Rect(x: track.minX - omr.clearance, y: track.minY - omr.clearance,
                                                    width: track.width + 2 * omr.clearance, height: track.height + 2 * omr.clearance)))
            }
        }
        if let dataMatrix {
            // The widest payload of this job: the most pieces and sheets a batch names.
            let symbol = try BarcodeSymbol(.dataMatrix, data: Self.payload(job: job, position: SheetPosition(sheetInRun: 9_999_999, sheetInPiece: 999, sheetsInPiece: 999, piece: 9_999_999)))
            let side = Double(max(symbol.columns, symbol.rows) + 2 * Self.quietModules) * dataMatrix.module
            areas.append(("the Data Matrix", Rect(x: dataMatrix.origin.x, y: dataMatrix.origin.y, width: side, height: side)))
        }
        return areas
    }

    /// The marks of one sheet's front, to be drawn over its page.
    public func items(job: String, position: SheetPosition, sheetWidth: Double) throws -> [PageItem] {
        var page = Page(size: Size(width: sheetWidth, height: 0))
        page.add(.structure(.artifact(.layout)))
        if let omr {
            let printed = Self.bars(for: omr.marks, at: position)
            for (rect, on) in zip(Self.barRects(omr, sheetWidth: sheetWidth), printed) where on {
                page.add(.path(.rectangle(rect), fill: Self.ink, stroke: nil))
            }
        }
        if let dataMatrix {
            let symbol = try BarcodeSymbol(.dataMatrix, data: Self.payload(job: job, position: position))
            let module = dataMatrix.module, quiet = Double(Self.quietModules) * module
            for dark in symbol.darkModules {
                let rect = Rect(x: dataMatrix.origin.x + quiet + Double(dark.x) * module, y: dataMatrix.origin.y + quiet + Double(dark.y) * module,
                                width: Double(dark.width) * module, height: Double(dark.height) * module)
                page.add(.path(.rectangle(rect), fill: Self.ink, stroke: nil))
            }
        }
        page.add(.structure(.end))
        return page.items
    }
}
