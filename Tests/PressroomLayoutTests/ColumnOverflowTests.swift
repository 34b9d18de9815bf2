// Columns never run past their space: fixed widths and gaps that need more than it are an error
// at the block's line naming both widths; `auto` columns that would not fit beside the fixed ones
// are narrowed together, so their text wraps inside the margin instead of running over it.
import Foundation
import PressroomGraphics
import Testing
@testable import PressroomLayout

private func layout(_ columns: String) -> String {
    """
    layout: overflowing
    theme: brand
    page:
      first:
        body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
    flow:
      - columns:
          gap: 5mm
          columns:
    \(columns)
    """
}

@Test func fixedColumnsWiderThanTheirSpaceAreAnErrorAtTheirLine() throws {
    let renderer = try makeRenderer(try library(with: layout("""
                - width: 100mm
                  content: [ { text: "A" } ]
                - width: 70mm
                  content: [ { text: "B" } ]
    """), named: "overflowing"), "overflowing")
    do {
        _ = try renderer.pages(for: .object([:]))
        Issue.record("170 mm of columns and a 5 mm gap fitted in 170 mm")
    } catch {
        #expect(error.kind == .overflow)
        #expect(error.location?.line == 7, "\(error)")
        #expect(error.message.contains("take 175.0 mm, but the columns block is 170.0 mm wide"), "\(error)")
    }
}

@Test func autoColumnsNarrowToFitBesideFixedOnes() throws {
    let long = String(repeating: "Verylongword ", count: 30)
    let renderer = try makeRenderer(try library(with: layout("""
                - width: auto
                  content: [ { text: "\(long)" } ]
                - width: 60mm
                  content: [ { text: "Fixed" } ]
    """), named: "overflowing"), "overflowing")
    let page = try #require(try renderer.pages(for: .object([:])).first)
    let right = Length.mm(190).points
    for item in page.items {
        guard case .text(let run, let origin, _) = item else { continue }
        #expect(origin.x + run.width <= right + 0.5, "text ends inside the right margin")
    }
    let fixedStart = page.items.compactMap { item -> Double? in
        guard case .text(let run, let origin, _) = item, run.text.string(0..<run.text.utf16.count) == "Fixed" else { return nil }
        return origin.x
    }.first
    #expect(abs((fixedStart ?? 0) - Length.mm(130).points) < 0.5, "the fixed column keeps its 60 mm at the right")
}
