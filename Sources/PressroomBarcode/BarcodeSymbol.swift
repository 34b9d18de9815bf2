// One encoded barcode as a grid of dark modules (from libzint's module grid, or from its vector
// output for linear symbols), and that grid drawn into a frame as a single filled path with the
// standard quiet zone kept inside the frame.
import CZint
import PressroomGraphics

public struct BarcodeSymbol: Sendable {
    /// A run of dark modules, in module units from the symbol's top-left corner (quiet zone not included).
    public struct ModuleRect: Sendable, Hashable {
        public var x: Int, y: Int, width: Int, height: Int
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x; self.y = y; self.width = width; self.height = height
        }
    }

    public let symbology: Symbology
    public let data: String
    /// Modules across and down, without the quiet zone; a linear symbol has one row.
    public let columns: Int
    public let rows: Int
    /// Dark modules, horizontally adjacent ones in a row merged into one rectangle.
    public let darkModules: [ModuleRect]

    /// Encodes `data` (UTF-8 text) with libzint. Non-ASCII text in QR and Data Matrix is encoded
    /// as UTF-8 bytes behind ECI 26, so readers and payment apps get exactly the UTF-8 the payload
    /// standards (EPC charset `1`, SPAYD in practice) ask for; ASCII needs no ECI.
    public init(_ symbology: Symbology, data: String) throws(BarcodeError) {
        try self.init(symbology, data: data, readingVector: symbology.isLinear)
    }

    /// `readingVector`: the modules from libzint's vector output (needed for linear symbols,
    /// whose bars have heights) rather than straight from its module grid; the two give the same
    /// modules for matrix symbols, and the grid is read without building the vector (a tenth of an
    /// invoice's time went to the payment QR code's vector). `mask`: how a QR Code's data mask is
    /// chosen (the tests compare the three).
    init(_ symbology: Symbology, data: String, readingVector: Bool, mask: QRMask = .chosen) throws(BarcodeError) {
        guard !data.isEmpty else { throw .emptyData(symbology: symbology.name) }
        let bytes = Array(data.utf8)
        // ECI 26 = UTF-8.
        let eci: Int32 = symbology.supportsECI && data.unicodeScalars.contains(where: { !$0.isASCII }) ? 26 : 0
        var symbol: UnsafeMutablePointer<zint_symbol>
        /// The rows of a QR Code with the mask chosen here, when libzint made it with mask 0.
        var chosenRows: [BitLine]?
        switch (symbology, mask) {
        case (.qr(let level), .chosen):
            symbol = try Self.encode(symbology, bytes, eci: eci, mask: 0)
            let size = Int(symbol.pointee.width)
            let choice = QRMaskChoice(maskZeroRows: Self.gridRows(symbol, rows: size, columns: size), size: size, errorCorrection: level)
            let best = choice.best
            if !readingVector {
                chosenRows = choice.rows(best)
            } else if best != 0 {
                // The vector is libzint's: it makes the symbol again with the mask.
                ZBarcode_Delete(symbol)
                symbol = try Self.encode(symbology, bytes, eci: eci, mask: best)
            }
        case (.qr, .fixed(let number)): symbol = try Self.encode(symbology, bytes, eci: eci, mask: number)
        default: symbol = try Self.encode(symbology, bytes, eci: eci, mask: nil)
        }
        defer { ZBarcode_Delete(symbol) }
        if readingVector, ZBarcode_Buffer_Vector(symbol, 0) >= ZINT_ERROR {
            throw .encoding(symbology: symbology.name, message: Self.errorText(symbol))
        }
        let columns = Int(symbol.pointee.width)
        let rows = symbology.isLinear ? 1 : Int(symbol.pointee.rows)
        let rects: [ModuleRect]
        if readingVector {
            guard let vector = symbol.pointee.vector, vector.pointee.width > 0 else {
                throw .encoding(symbology: symbology.name, message: "libzint produced no symbol")
            }
            rects = Self.vectorModules(vector.pointee, columns: columns, linear: symbology.isLinear)
        } else if let chosenRows {
            rects = Self.gridModules(rows: rows, columns: columns) { chosenRows[$0][$1] }
        } else {
            rects = Self.gridModules(symbol, rows: rows, columns: columns)
        }
        self.symbology = symbology
        self.data = data
        self.columns = columns
        self.rows = rows
        self.darkModules = Self.mergedRuns(rects)
    }

    /// A symbol libzint encoded, to be deleted by the caller; `mask` (QR Code): the data mask
    /// libzint is to use rather than choose.
    private static func encode(_ symbology: Symbology, _ bytes: [UInt8], eci: Int32, mask: Int?) throws(BarcodeError) -> UnsafeMutablePointer<zint_symbol> {
        guard let symbol = ZBarcode_Create() else { throw .encoding(symbology: symbology.name, message: "libzint could not allocate a symbol") }
        symbol.pointee.symbology = symbology.zintSymbology
        symbol.pointee.input_mode = Int32(UNICODE_MODE)
        symbol.pointee.show_hrt = 0
        symbol.pointee.output_options |= Int32(BARCODE_NO_QUIET_ZONES)  // the quiet zone is drawn by path(in:)
        if case .qr(let level) = symbology { symbol.pointee.option_1 = level.rawValue }
        if let mask { symbol.pointee.option_3 = Int32(mask + 1) << 8 }  // libzint: the mask's number plus one, in bits 8–11
        symbol.pointee.eci = eci
        let status = bytes.withUnsafeBufferPointer { buffer in
            ZBarcode_Encode(symbol, buffer.baseAddress, Int32(buffer.count))
        }
        guard status < ZINT_ERROR else {
            let message = errorText(symbol)
            ZBarcode_Delete(symbol)
            throw .encoding(symbology: symbology.name, message: message)
        }
        guard symbol.pointee.width > 0, symbol.pointee.rows > 0 else {
            ZBarcode_Delete(symbol)
            throw .encoding(symbology: symbology.name, message: "libzint produced no symbol")
        }
        return symbol
    }

    /// libzint's module grid as one bit line a row (see `gridModules` for its layout).
    private static func gridRows(_ symbol: UnsafeMutablePointer<zint_symbol>, rows: Int, columns: Int) -> [BitLine] {
        withUnsafeBytes(of: &symbol.pointee.encoded_data) { grid in
            let rowBytes = grid.count / 200  // encoded_data[200][144]
            return (0..<rows).map { row in
                var line = BitLine()
                for byte in 0..<((columns + 7) / 8) { line.setByte(grid[row * rowBytes + byte], at: byte * 8) }
                return line
            }
        }
    }

    /// How a QR Code's data mask is chosen: by `QRMaskChoice` (libzint's choice, in a tenth of its
    /// time), by libzint itself, or given.
    enum QRMask {
        case chosen, libzint
        case fixed(Int)
    }

    /// Dark rectangles of libzint's vector output, in modules.
    private static func vectorModules(_ vector: zint_vector, columns: Int, linear: Bool) -> [ModuleRect] {
        // Vector coordinates are X-dimensions times libzint's scale; one module is width / columns.
        let unit = Double(vector.width) / Double(columns)
        var rects: [ModuleRect] = []
        var node = vector.rectangles
        while let rect = node {
            let r = rect.pointee
            node = r.next
            guard r.colour == -1 || r.colour == 7 else { continue }  // -1 foreground, 7 black; white is background
            let x = Int((Double(r.x) / unit).rounded()), width = Int((Double(r.width) / unit).rounded())
            if linear {
                rects.append(ModuleRect(x: x, y: 0, width: width, height: 1))
            } else {
                rects.append(ModuleRect(x: x, y: Int((Double(r.y) / unit).rounded()), width: width,
                                        height: Int((Double(r.height) / unit).rounded())))
            }
        }
        return rects
    }

    /// Runs of dark modules in each row of libzint's module grid (`encoded_data`: a row's modules
    /// are bits, module x at bit x % 8 of byte x / 8, as libzint's own module_is_set reads them),
    /// a run stacked on the same run in the rows below merged into one rectangle down, as libzint
    /// merges its vector's rectangles (so both give the same rectangles, and the same PDF).
    private static func gridModules(_ symbol: UnsafeMutablePointer<zint_symbol>, rows: Int, columns: Int) -> [ModuleRect] {
        withUnsafeBytes(of: &symbol.pointee.encoded_data) { grid in
            let rowBytes = grid.count / 200  // encoded_data[200][144]
            return gridModules(rows: rows, columns: columns) { row, column in (grid[row * rowBytes + column >> 3] >> (column & 7)) & 1 == 1 }
        }
    }

    /// The dark runs of a grid of modules, as `gridModules(_:rows:columns:)` gathers them.
    private static func gridModules(rows: Int, columns: Int, isDark: (Int, Int) -> Bool) -> [ModuleRect] {
        var rects: [ModuleRect] = []
        /// The rectangle that reaches the row above, by the column it starts at (-1: none).
        var open = [Int](repeating: -1, count: columns)
        var reaching = open
        for row in 0..<rows {
            var column = 0
            while column < columns {
                guard isDark(row, column) else { reaching[column] = -1; column += 1; continue }
                let start = column
                while column < columns && isDark(row, column) { column += 1 }
                let above = open[start]
                if above >= 0, rects[above].width == column - start {
                    rects[above].height += 1
                    reaching[start] = above
                } else {
                    reaching[start] = rects.count
                    rects.append(ModuleRect(x: start, y: row, width: column - start, height: 1))
                }
                for inside in (start + 1)..<column { reaching[inside] = -1 }
            }
            swap(&open, &reaching)
        }
        return rects
    }

    /// Modules across and down including the quiet zone on every side (for a linear symbol the
    /// quiet zone is left and right only, and its height is one row).
    public var moduleCount: (width: Int, height: Int) {
        let q = symbology.quietZone
        return (columns + 2 * q, symbology.isLinear ? rows : rows + 2 * q)
    }

    /// The module size (X-dimension) in points when drawn into `frame`.
    public func moduleSize(in frame: Rect) -> Double {
        let count = moduleCount
        if symbology.isLinear { return frame.width / Double(count.width) }
        return min(frame.width / Double(count.width), frame.height / Double(count.height))
    }

    /// The symbol in `frame`: square modules scaled uniformly to fit and centred, the quiet zone
    /// inside the frame. A linear symbol spans the frame's width and its bars its full height.
    public func path(in frame: Rect) -> Path {
        let x = moduleSize(in: frame)
        let count = moduleCount
        let q = Double(symbology.quietZone)
        let symbolWidth = Double(count.width) * x
        let originX = frame.minX + (frame.width - symbolWidth) / 2 + q * x
        var path = Path()
        path.reserveCapacity(5 * darkModules.count)
        if symbology.isLinear {
            for run in darkModules {
                path.addRectangle(Rect(x: originX + Double(run.x) * x, y: frame.minY,
                                       width: Double(run.width) * x, height: frame.height))
            }
            return path
        }
        let symbolHeight = Double(count.height) * x
        let originY = frame.minY + (frame.height - symbolHeight) / 2 + q * x
        for run in darkModules {
            path.addRectangle(Rect(x: originX + Double(run.x) * x, y: originY + Double(run.y) * x,
                                   width: Double(run.width) * x, height: Double(run.height) * x))
        }
        return path
    }

    /// The symbol placed in `frame` as `path(in:)` draws it. A matrix symbol is drawn once in
    /// module units (one unit per module, quiet zone included) and placed as a form scaled to the
    /// module size: the same squares in the same places, written as short whole numbers, and
    /// moved as one item however deep the layout nests it. A linear symbol is its path.
    public func item(in frame: Rect, fill: Swatch = .black) -> PageItem {
        guard !symbology.isLinear else { return .path(path(in: frame), fill: fill, stroke: nil) }
        let count = moduleCount
        let size = Size(width: Double(count.width), height: Double(count.height))
        let modules = path(in: Rect(x: 0, y: 0, width: size.width, height: size.height))  // one point per module
        let form = PageForm(Page(size: size, items: [.path(modules, fill: fill, stroke: nil)]))
        let x = moduleSize(in: frame)
        let origin = Point(x: frame.minX + (frame.width - size.width * x) / 2, y: frame.minY + (frame.height - size.height * x) / 2)
        return .form(form, transform: Transform.scale(x: x, y: x).then(.translation(x: origin.x, y: origin.y)))
    }

    /// Rectangles sorted by row, those touching side by side in the same row merged: fewer path
    /// operators, and no hairline seams between modules in some renderers.
    static func mergedRuns(_ rects: [ModuleRect]) -> [ModuleRect] {
        let sorted = rects.filter { $0.width > 0 && $0.height > 0 }.sorted { ($0.y, $0.height, $0.x) < ($1.y, $1.height, $1.x) }
        var merged: [ModuleRect] = []
        for rect in sorted {
            if var last = merged.last, last.y == rect.y, last.height == rect.height, last.x + last.width >= rect.x {
                last.width = max(last.x + last.width, rect.x + rect.width) - last.x
                merged[merged.count - 1] = last
            } else {
                merged.append(rect)
            }
        }
        return merged
    }

    private static func errorText(_ symbol: UnsafeMutablePointer<zint_symbol>) -> String {
        withUnsafeBytes(of: symbol.pointee.errtxt) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension Path {
    /// Appends a closed rectangle as a subpath.
    mutating func addRectangle(_ rect: Rect) {
        move(to: rect.origin)
        line(to: Point(x: rect.maxX, y: rect.minY))
        line(to: Point(x: rect.maxX, y: rect.maxY))
        line(to: Point(x: rect.minX, y: rect.maxY))
        close()
    }
}
