// An imposition scheme from YAML, checked where it is written: the kind, the sheet (a paper name
// or [width, height], turned with `landscape: true`), the cell and grid, margins and gaps, and that
// the grid fits the sheet, with every problem at its file:line.
//
//     scheme: 2up-a5-on-a4
//     kind: n-up
//     sheet: A4
//     landscape: true
//     cell: A5
//     grid: [2, 1]
//     margins: 0mm
//     gap: 0mm
//     marks: true
import Foundation
import PressroomGraphics

enum ImpositionLoader {
    static let keys = ["scheme", "kind", "sheet", "landscape", "cell", "grid", "margins", "gap", "duplex", "creep", "marks"]
    static let sheetSizes: KeyValuePairs<String, Size> = [
        "A3": Size(.mm(297), .mm(420)), "A4": .a4, "A5": Size(.mm(148), .mm(210)), "A6": Size(.mm(105), .mm(148)),
        "SRA3": Size(.mm(320), .mm(450)), "SRA4": Size(.mm(225), .mm(320)), "letter": .letter, "business-card": Size(.mm(85), .mm(55)),
    ]

    static func scheme(_ document: YAMLValue) throws(LayoutError) -> ImpositionScheme {
        let map = try document.mapping("an imposition scheme", allowed: keys)
        let name = try map.required("scheme", in: "an imposition scheme", example: "scheme: 2up-a5-on-a4").text()
        let kindValue = try map.required("kind", in: "an imposition scheme", example: "kind: n-up")
        let kind = try kindValue.choice(KeyValuePairs(dictionaryLiteral: ("n-up", ImpositionScheme.Kind.nUp), ("step-and-repeat", .stepAndRepeat),
                                                      ("cut-and-stack", .cutAndStack), ("booklet", .booklet),
                                                      ("work-and-turn", .workAndTurn), ("work-and-tumble", .workAndTumble)))
        var sheet = try PageLoader.paperSize(try map.required("sheet", in: "an imposition scheme", example: "sheet: SRA3"), names: sheetSizes)
        if try map.optional("landscape", { v throws(LayoutError) in try v.bool() }) ?? false, sheet.height > sheet.width {
            sheet = Size(width: sheet.height, height: sheet.width)
        }
        let cellValue = try map.required("cell", in: "an imposition scheme", example: "cell: A5")
        let cell = try PageLoader.paperSize(cellValue, names: sheetSizes)
        let gridValue = try map.required("grid", in: "an imposition scheme", example: "grid: [2, 1]  # columns, rows")
        let grid = try gridValue.list()
        guard grid.count == 2 else { throw gridValue.wrongShape("[columns, rows]") }
        let columns = try grid[0].integer(in: 1...64), rows = try grid[1].integer(in: 1...64)
        let margins = try map.optional("margins") { v throws(LayoutError) -> (Double, Double, Double, Double) in
            if case .sequence = v.node {
                let sides = try v.list()
                guard sides.count == 4 else { throw v.wrongShape("four lengths: [top, right, bottom, left]") }
                return (try sides[0].length(), try sides[1].length(), try sides[2].length(), try sides[3].length())
            }
            let all = try v.length()
            return (all, all, all, all)
        } ?? (0, 0, 0, 0)
        let gap = try map.optional("gap") { v throws(LayoutError) -> (Double, Double) in
            if case .sequence = v.node {
                let (horizontal, vertical) = try v.lengthPair("[horizontal, vertical]")
                return (horizontal, vertical)
            }
            let both = try v.length()
            return (both, both)
        } ?? (0, 0)
        let scheme = ImpositionScheme(
            name: name, kind: kind, sheet: sheet, cell: cell, columns: columns, rows: rows,
            margins: (margins.0, margins.1, margins.2, margins.3), gap: (gap.0, gap.1),
            duplex: try map.optional("duplex") { v throws(LayoutError) in try v.bool() } ?? false,
            creep: try map.optional("creep") { v throws(LayoutError) in try v.length() } ?? 0,
            marks: try map.optional("marks") { v throws(LayoutError) in try v.bool() } ?? true,
            location: document.location)

        let gridWidth = Double(columns) * cell.width + Double(columns - 1) * gap.0
        let gridHeight = Double(rows) * cell.height + Double(rows - 1) * gap.1
        let roomWidth = sheet.width - margins.1 - margins.3, roomHeight = sheet.height - margins.0 - margins.2
        if gridWidth > roomWidth + 0.01 || gridHeight > roomHeight + 0.01 {
            throw gridValue.error(.invalidValue, "\(columns) × \(rows) cells of \(Paginator.mm(cell.width)) × \(Paginator.mm(cell.height)) with their gaps take \(Paginator.mm(gridWidth)) × \(Paginator.mm(gridHeight)), but the sheet has \(Paginator.mm(roomWidth)) × \(Paginator.mm(roomHeight)) inside its margins; use fewer cells, a larger sheet (or `landscape: true`) or smaller margins")
        }
        switch kind {
        case .booklet where columns != 2 || rows != 1:
            throw gridValue.error(.invalidValue, "a booklet sheet side carries two pages side by side: write `grid: [2, 1]`")
        case .workAndTurn where columns % 2 != 0:
            throw gridValue.error(.invalidValue, "work-and-turn puts fronts on the left half and backs on the right: the columns must be even")
        case .workAndTumble where rows % 2 != 0:
            throw gridValue.error(.invalidValue, "work-and-tumble puts fronts on the top half and backs on the bottom: the rows must be even")
        default: break
        }
        return scheme
    }
}

extension LayoutLibrary {
    /// The scheme `name` from the folder's `imposition/`, or the scheme file at a path.
    public func imposition(named nameOrPath: String) throws(LayoutError) -> ImpositionScheme {
        try ImpositionLoader.scheme(try namedFile(nameOrPath, folder: "imposition", what: "imposition scheme"))
    }

    /// The YAML file `name` in the library's `folder`, or the file at a path (a name with a `/`
    /// or ending in `.yaml`); when there is none, an error listing the folder's names.
    func namedFile(_ nameOrPath: String, folder: String, what: String) throws(LayoutError) -> YAMLValue {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml")
        let path = isPath ? nameOrPath : "\(directory)/\(folder)/\(nameOrPath).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            let names = Self.yamlFiles(in: "\(directory)/\(folder)").map { String($0.prefix { $0 != "." }) }
            throw LayoutError(.resource, "there is no \(what) \(nameOrPath) (looked for \(path)); the \(what)s are \(names.joined(separator: ", "))")
        }
        let file = isPath ? (nameOrPath as NSString).lastPathComponent : "\(folder)/\(nameOrPath).yaml"
        return try YAMLDocument.read(path: path, file: file)
    }
}
