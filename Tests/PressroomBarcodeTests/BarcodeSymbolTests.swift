// BarcodeSymbol: module grids from libzint, the quiet zone kept inside the frame, uniform scaling
// and centring, and errors for data a symbology cannot carry.
@testable import PressroomBarcode
import PressroomGraphics
import Testing

private func bounds(_ path: Path) -> Rect {
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    for element in path.elements {
        if case .move(let p) = element { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
        if case .line(let p) = element { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
    }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
}

@Test func qrVersion1HasTwentyOneModulesAndAFourModuleQuietZone() throws {
    let symbol = try BarcodeSymbol(.qr, data: "HELLO")
    #expect(symbol.columns == 21 && symbol.rows == 21)
    #expect(symbol.moduleCount == (29, 29))
    let frame = Rect(x: 10, y: 20, width: 58, height: 58)
    let x = symbol.moduleSize(in: frame)
    #expect(abs(x - 2) < 1e-9)
    let drawn = bounds(symbol.path(in: frame))
    // Finder patterns sit in three corners, so the dark modules reach the quiet zone's inner edge.
    #expect(abs(drawn.minX - (10 + 4 * x)) < 1e-9 && abs(drawn.minY - (20 + 4 * x)) < 1e-9)
    #expect(abs(drawn.maxX - (68 - 4 * x)) < 1e-9 && abs(drawn.maxY - (78 - 4 * x)) < 1e-9)
}

@Test func aWideFrameScalesUniformlyAndCentres() throws {
    let symbol = try BarcodeSymbol(.qr, data: "HELLO")
    let frame = Rect(x: 0, y: 0, width: 200, height: 58)
    let drawn = bounds(symbol.path(in: frame))
    #expect(abs(drawn.width - 42) < 1e-9 && abs(drawn.height - 42) < 1e-9)
    #expect(abs((drawn.minX + drawn.maxX) / 2 - 100) < 1e-9 && abs((drawn.minY + drawn.maxY) / 2 - 29) < 1e-9)
}

@Test func dataMatrixKeepsOneModuleQuietZone() throws {
    let symbol = try BarcodeSymbol(.dataMatrix, data: "ABC")
    #expect(symbol.columns == 10 && symbol.rows == 10)
    #expect(symbol.moduleCount == (12, 12))
    let drawn = bounds(symbol.path(in: Rect(x: 0, y: 0, width: 24, height: 24)))
    // The L-shaped finder: left column and bottom row are solid.
    #expect(drawn.minX == 2 && drawn.maxY == 22 && drawn.maxX == 22 && drawn.minY == 2)
}

@Test func code128SpansTheFrameWithTenModuleQuietZones() throws {
    let symbol = try BarcodeSymbol(.code128, data: "PR-2026-0001")
    #expect(symbol.rows == 1)
    let frame = Rect(x: 0, y: 5, width: Double(symbol.moduleCount.width), height: 30)
    let drawn = bounds(symbol.path(in: frame))
    #expect(drawn.minX == 10 && drawn.maxX == frame.width - 10)
    #expect(drawn.minY == 5 && drawn.maxY == 35)
}

@Test func adjacentModulesAreMergedIntoRuns() throws {
    let symbol = try BarcodeSymbol(.qr, data: "HELLO")
    // The top row starts with the 7-module finder pattern as one run.
    let topRow = symbol.darkModules.filter { $0.y == 0 }.sorted { $0.x < $1.x }
    #expect(topRow.first == BarcodeSymbol.ModuleRect(x: 0, y: 0, width: 7, height: 1))
    for (a, b) in zip(topRow, topRow.dropFirst()) { #expect(a.x + a.width < b.x) }
}

@Test func badDataIsAClearError() {
    #expect(throws: BarcodeError.emptyData(symbology: "QR Code")) { try BarcodeSymbol(.qr, data: "") }
    do {
        _ = try BarcodeSymbol(.code128, data: "Ωmega")
        Issue.record("Code 128 cannot carry Greek")
    } catch {
        #expect(error.description.hasPrefix("the data cannot be encoded as a Code 128: "))
    }
    do {
        _ = try BarcodeSymbol(.qr, data: String(repeating: "x", count: 8000))
        Issue.record("too long for any QR version")
    } catch {
        #expect(error.description.contains("QR Code"))
    }
}

@Test(arguments: [Symbology.qr(errorCorrection: .medium), .qr(errorCorrection: .low), .qr(errorCorrection: .high), .dataMatrix])
func matrixModulesReadFromTheGridAreTheVectorsModules(_ symbology: Symbology) throws {
    let payloads = [
        "A", "HELLO WORLD 123", "https://example.com/pay?id=42",
        "BCD\n002\n1\nSCT\nGENODEF1S04\nNorthwind Bäckerei GmbH\nDE02120300000000202051\nEUR1234.56\n\n\nRE-2026-000042\n",
        "SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*MSG:Faktura 2026-0042 Účetnictví Dvořák*X-VS:20260042",
        String(repeating: "0123456789ABCDEFGHIJ", count: 40),
    ]
    for payload in payloads {
        let grid = try BarcodeSymbol(symbology, data: payload, readingVector: false)
        let vector = try BarcodeSymbol(symbology, data: payload, readingVector: true)
        #expect(grid.columns == vector.columns && grid.rows == vector.rows)
        #expect(grid.darkModules == vector.darkModules, "\(symbology.name): \(payload.prefix(20))")
        #expect(!grid.darkModules.isEmpty)
    }
}

/// The rectangles of a path of closed rectangular subpaths, each as (x, y, width, height).
private func rectangles(_ path: Path, through transform: Transform = .identity) -> [[Double]] {
    var result: [[Double]] = []
    var corners: [Point] = []
    for element in path.elements {
        switch element {
        case .move(let p), .line(let p): corners.append(transform.apply(p))
        case .close:
            let xs = corners.map(\.x), ys = corners.map(\.y)
            result.append([xs.min()!, ys.min()!, xs.max()! - xs.min()!, ys.max()! - ys.min()!])
            corners = []
        case .curve: Issue.record("a curve in a barcode")
        }
    }
    return result
}

@Test(arguments: [Symbology.qr(errorCorrection: .medium), .dataMatrix])
func aPlacedMatrixSymbolIsItsPathInModuleUnits(_ symbology: Symbology) throws {
    let symbol = try BarcodeSymbol(symbology, data: "SPD*1.0*ACC:CZ6508000000192000145399*AM:2420.00*CC:CZK")
    let frame = Rect(x: 215.4, y: 365.5, width: 70, height: 62)
    guard case .form(let form, let transform) = symbol.item(in: frame),
          case .displayList(let page) = form.content, page.items.count == 1,
          case .path(let modules, let fill, nil) = page.items[0] else {
        Issue.record("not one form with one filled path"); return
    }
    #expect(fill == .black)
    #expect(page.size == Size(width: Double(symbol.moduleCount.width), height: Double(symbol.moduleCount.height)))
    // Whole module numbers inside the form: short in the content stream.
    for rectangle in rectangles(modules) { #expect(rectangle.allSatisfy { $0 == $0.rounded() }) }
    // Placed, the same squares in the same places as the path drawn straight into the frame.
    let placed = rectangles(modules, through: transform), drawn = rectangles(symbol.path(in: frame))
    #expect(placed.count == drawn.count)
    for (a, b) in zip(placed, drawn) { #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }) }
}

@Test func aLinearSymbolIsPlacedAsItsPath() throws {
    let symbol = try BarcodeSymbol(.code128, data: "PR-2026-0001")
    let frame = Rect(x: 0, y: 5, width: 200, height: 30)
    guard case .path(let path, _, _) = symbol.item(in: frame) else { Issue.record("not a path"); return }
    #expect(path == symbol.path(in: frame))
}
