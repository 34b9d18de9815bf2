// An `auto` column is as wide as its content set on one line, whatever the content is made of:
// a `use:` of a component counts as the component's blocks bound to its arguments.
import Foundation
import PressroomGraphics
import Testing
@testable import PressroomLayout

private func columnsLayout(_ autoContent: String) -> String {
    """
    layout: auto-columns
    theme: brand
    page:
      first:
        body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
    flow:
      - columns:
          gap: 4mm
          columns:
            - width: auto
              content:
                - \(autoContent)
            - width: 1fr
              content:
                - text: "Right"
    """
}

/// Where each text run of the first page starts, by its text.
private func runStarts(_ layout: String) throws -> [String: Double] {
    let renderer = try makeRenderer(try library(with: layout, named: "auto-columns"), "auto-columns")
    let page = try #require(try renderer.pages(for: try DataValue.parseJSON(Array(#"{"name": "Strojírny Křižík a.s."}"#.utf8))).first)
    var starts: [String: Double] = [:]
    for item in page.items {
        guard case .text(let run, let origin, _) = item else { continue }
        let text = run.text.string(0..<run.text.utf16.count)
        starts[text] = min(starts[text] ?? .infinity, origin.x)
    }
    return starts
}

@Test func aComponentInAnAutoColumnIsMeasured() throws {
    let direct = try runStarts(columnsLayout(#"text: "{{ name }}""#))
    let used = try runStarts(columnsLayout(#"{ use: free-text, with: { text: "{{ name }}" } }"#))
    let right = try #require(direct["Right"])
    #expect(right > Length.mm(20 + 4 + 20).points, "the auto column holds the name: \(direct)")
    #expect(abs((used["Right"] ?? 0) - right) < 0.01, "a component counts as its content: \(used) against \(direct)")
}
