// Errors a user meets when a record does not fit the layout: each is one message naming the layout
// file and line and the record's JSON path, and nothing is drawn silently wrong.
import Foundation
import PressroomText
import Testing
@testable import PressroomLayout

private func errorRecord(_ json: String) throws -> DataValue { try DataValue.parseJSON(Array(json.utf8)) }

private let windowLayout = """
layout: window
theme: brand
page:
  first:
    body: { top: 100mm, right: 20mm, bottom: 20mm, left: 25mm }
    boxes:
      - name: address
        at: [20mm, 45mm]
        size: [85mm, 20mm]
        overflow: error
        content:
          - text: "{{ customer.name }}"
            style: address-name
flow:
  - text: "{{ number }}"
  - each: items
    as: item
    content:
      - text: "{{ item.description }} {{ item.net | amount }}"
"""

@Test func anAddressTooLongForItsWindowNamesTheBoxAndTheField() throws {
    let library = try library(with: windowLayout, named: "window")
    let renderer = try makeRenderer(library, "window")
    let long = String(repeating: "Společenství vlastníků jednotek ", count: 8)
    do {
        _ = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "\#(long)"}, "items": []}"#))
        Issue.record("an overflowing address rendered")
    } catch let error as LayoutError {
        #expect(error.kind == .overflow)
        #expect(error.location?.file.hasSuffix("window.yaml") == true && error.location?.line == 7, "\(error)")
        #expect(error.dataPath == "$.customer.name", "\(error)")
        #expect(error.description.contains("address"))
    }
    // The same name fits once the box may shrink its text… or not at all, and then it says so.
    _ = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "Pekárna U Šťastných s.r.o."}, "items": []}"#))
}

@Test func aMissingFieldNamesTheLayoutLineAndThePath() throws {
    let library = try library(with: windowLayout, named: "window")
    let renderer = try makeRenderer(library, "window")
    do {
        _ = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "A"}, "items": [{"description": "x"}]}"#))
        Issue.record("a missing field rendered")
    } catch let error as LayoutError {
        #expect(error.kind == .missingField)
        #expect(error.dataPath == "$.items[0].net", "\(error)")
        #expect(error.location?.line == 19, "\(error)")
    }
}

@Test func aWrongTypeNamesThePath() throws {
    let library = try library(with: windowLayout, named: "window")
    let renderer = try makeRenderer(library, "window")
    do {
        _ = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "A"}, "items": "none"}"#))
        Issue.record("a wrong type rendered")
    } catch let error as LayoutError {
        #expect(error.kind == .wrongType)
        #expect(error.dataPath == "$.items", "\(error)")
    }
    do {
        _ = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "A"}, "items": [{"description": "x", "net": "12,50"}]}"#))
        Issue.record("a malformed amount rendered")
    } catch let error as LayoutError {
        #expect(error.kind == .format || error.kind == .wrongType, "\(error)")
        #expect(error.dataPath == "$.items[0].net", "\(error)")
    }
}

@Test func aTypoAndAnUnknownComponentAreFoundBeforeAnyRecord() throws {
    let typo = windowLayout.replacingOccurrences(of: "  - text: \"{{ number }}\"", with: "  - text: \"{{ number }}\"\n    keep-togther: true")
    do {
        _ = try library(with: typo, named: "typo").layout(named: "typo")
        Issue.record("a typo loaded")
    } catch let error as LayoutError {
        #expect(error.kind == .unknownKey)
        #expect(error.location?.line == 16, "\(error)")
        #expect(error.description.contains("keep-together"), "\(error)")
    }
    let unknown = windowLayout.replacingOccurrences(of: "  - text: \"{{ number }}\"", with: "  - use: adress-block")
    let library = try library(with: unknown, named: "unknown")
    #expect(throws: LayoutError.self) { _ = try makeRenderer(library, "unknown") }
    do { _ = try makeRenderer(library, "unknown") } catch let error as LayoutError {
        #expect(error.kind == .unknownReference)
        #expect(error.description.contains("address-block"), "\(error)")
    }
}

@Test func aBoxThatMayShrinkFitsALongNameAndOneWithEllipsisShortensIt() throws {
    let shrink = windowLayout.replacingOccurrences(of: "overflow: error", with: "overflow: shrink(0.5)")
    let renderer = try makeRenderer(try library(with: shrink, named: "shrink"), "shrink")
    let name = "Společenství vlastníků jednotek Václavské náměstí 1234/56, Praha 1 – Nové Město, zastoupené správcem"
    let pages = try renderer.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "\#(name)"}, "items": []}"#))
    let sizes = pages[0].items.compactMap { item -> Double? in if case .text(let run, _, _) = item { return run.size } else { return nil } }
    #expect(sizes.contains { $0 < 10 }, "the name was not shrunk: \(sizes)")

    let ellipsis = windowLayout.replacingOccurrences(of: "overflow: error", with: "overflow: ellipsis")
    let cut = try makeRenderer(try library(with: ellipsis, named: "ellipsis"), "ellipsis")
    let long = String(repeating: name + " ", count: 3)
    let text = try cut.pages(for: try errorRecord(#"{"number": "1", "customer": {"name": "\#(long)"}, "items": []}"#))[0].items.compactMap { item -> String? in
        if case .text(let run, _, _) = item { return run.text.string(0..<run.text.utf16.count) } else { return nil }
    }
    #expect(text.contains { $0.hasSuffix("…") }, "\(text)")
}

@Test func followingPagesNarrowerThanTheFirstAreRefused() throws {
    let narrower = windowLayout.replacingOccurrences(
        of: "\nflow:", with: "\n  following:\n    body: { top: 30mm, right: 40mm, bottom: 20mm, left: 25mm }\nflow:")
    do {
        _ = try makeRenderer(try library(with: narrower, named: "narrow"), "narrow")
        Issue.record("a narrower following page was accepted")
    } catch let error as LayoutError {
        #expect(error.kind == .invalidValue, "\(error)")
        #expect(error.location?.file.hasSuffix("narrow.yaml") == true, "\(error)")
    }
}
