// Pagination invariants, property-based: whatever the vertical list, no fragment is lost or
// repeated, order is kept, nothing crosses the body frame, forbidden breaks are honoured, and a
// table crossing a page carries forward exactly the sum of the rows before the break.
import Foundation
import PressroomGraphics
import PropertyBased
import Testing
@testable import PressroomLayout

/// A small deterministic generator (SplitMix64), so each property case is one seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let paginationHere = SourceLocation(file: "test", line: 1)

private func testLayout(maxPages: Int = 1000) -> Layout {
    // First page body 200 pt tall, following pages 300 pt.
    Layout(name: "test", location: paginationHere, theme: "t", page: PageSetup(size: Size(width: 400, height: 400), maxPages: maxPages),
           first: PageTemplate(body: EdgeInsets(top: 150, right: 20, bottom: 50, left: 20)),
           following: PageTemplate(body: EdgeInsets(top: 50, right: 20, bottom: 50, left: 20)),
           flow: [])
}

private func marker(_ label: String, height: Double) -> [PageItem] {
    [.link(Rect(x: 0, y: 0, width: 1, height: height), uri: label)]
}

/// Placed markers per page: (label, top, bottom).
private func markers(_ pages: [Page]) -> [[(String, Double, Double)]] {
    pages.map { page in
        page.items.compactMap { item in
            if case .link(let rect, let uri) = item { return (uri, rect.minY, rect.maxY) }
            return nil
        }
    }
}

private struct Generated {
    var fragments: [Fragment] = []
    var tableValues: [Int: Decimal] = [:]
}

/// A random vertical list: paragraphs of lines with widow/orphan flags, keep-together chains
/// shorter than any page, and tables with carried subtotals.
private func generate(seed: UInt64) -> Generated {
    var rng = SplitMix(state: seed)
    var out = Generated()
    var id = 0
    let blocks = Int.random(in: 1...30, using: &rng)
    for _ in 0..<blocks {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:  // a paragraph
            let lines = Int.random(in: 1...12, using: &rng)
            for line in 0..<lines {
                var fragment = Fragment(height: 12, items: marker("f\(id)", height: 12), location: paginationHere)
                if line == 1 || (line > 0 && line == lines - 1) { fragment.breakBefore = .forbidden }
                if line == 0 { fragment.spaceBefore = Double(Int.random(in: 0...10, using: &rng)) }
                out.fragments.append(fragment)
                id += 1
            }
        case 1:  // a keep-together chain, at most 150 pt
            let count = Int.random(in: 1...5, using: &rng)
            for index in 0..<count {
                let height = Double(Int.random(in: 5...30, using: &rng))
                var fragment = Fragment(height: height, items: marker("f\(id)", height: height), location: paginationHere)
                if index > 0 { fragment.breakBefore = .forbidden }
                out.fragments.append(fragment)
                id += 1
            }
        default:  // a table with a header kept with its first row and carried subtotals
            let header = Fragment(height: 14, items: marker("header", height: 14), location: paginationHere)
            let continuation = TableContinuation(footerHeight: 10, footer: { subtotal in
                Fragment(height: 10, items: marker("carried:\(subtotal)", height: 10), location: paginationHere)
            }, header: { subtotal in
                [header, Fragment(height: 10, items: marker("brought:\(subtotal)", height: 10), location: paginationHere)]
            })
            out.fragments.append(header)
            let rows = Int.random(in: 1...60, using: &rng)
            var sum = Decimal(0)
            for row in 0..<rows {
                let height = Double(Int.random(in: 8...40, using: &rng))
                let value = Decimal(Int.random(in: -500...1000, using: &rng))
                sum += value
                var fragment = Fragment(height: height, items: marker("f\(id)", height: height), location: paginationHere)
                if row == 0 { fragment.breakBefore = .forbidden }
                fragment.tableRow = TableRowMark(table: continuation, subtotal: sum, isLast: row == rows - 1)
                out.tableValues[id] = value
                out.fragments.append(fragment)
                id += 1
            }
        }
    }
    return out
}

private func paginate(_ fragments: [Fragment], layout: Layout = testLayout()) throws -> [Page] {
    var pages: [Page] = []
    let paginator = Paginator(layout: layout) { _, page in pages.append(page) }
    for fragment in fragments { try paginator.append(fragment) }
    _ = try paginator.finish()
    return pages
}

@Test func paginationKeepsEveryFragmentOnceInOrderInsideTheFrame() async throws {
    await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
        let generated = generate(seed: UInt64(seed))
        let layout = testLayout()
        guard let pages = try? paginate(generated.fragments, layout: layout) else {
            Issue.record("pagination threw for seed \(seed)")
            return
        }
        let placed = markers(pages)
        let ids = placed.flatMap { $0 }.map(\.0).filter { $0.hasPrefix("f") }
        #expect(ids == (0..<ids.count).map { "f\($0)" }, "seed \(seed): fragments lost, repeated or reordered")
        #expect(ids.count == generated.fragments.filter { if case .link(_, let uri) = $0.items[0] { return uri.hasPrefix("f") } else { return false } }.count)
        for (index, page) in placed.enumerated() {
            let top = index == 0 ? 150.0 : 50.0
            for (label, minY, maxY) in page {
                #expect(minY >= top - 0.001 && maxY <= 350.001, "seed \(seed): \(label) at \(minY)…\(maxY) leaves the frame on page \(index + 1)")
            }
        }
    }
}

@Test func paginationHonoursForbiddenBreaks() async throws {
    await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
        let generated = generate(seed: UInt64(seed))
        guard let pages = try? paginate(generated.fragments) else { return }
        var pageOf: [String: Int] = [:]
        for (index, page) in markers(pages).enumerated() { for (label, _, _) in page { pageOf[label] = index } }
        for (index, fragment) in generated.fragments.enumerated() where index > 0 && fragment.breakBefore == .forbidden {
            guard case .link(_, let uri) = fragment.items[0], case .link(_, let previous) = generated.fragments[index - 1].items[0],
                  uri.hasPrefix("f"), previous.hasPrefix("f") else { continue }
            #expect(pageOf[uri] == pageOf[previous], "seed \(seed): a forbidden break was taken before \(uri)")
        }
    }
}

@Test func tablesCarryForwardTheSumOfTheRowsBeforeTheBreak() async throws {
    await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
        let generated = generate(seed: UInt64(seed))
        guard let pages = try? paginate(generated.fragments) else { return }
        let placed = markers(pages)
        for (index, page) in placed.enumerated() {
            // The carried amount at a page foot equals the sum of this table's rows so far, and the
            // next page opens with the header and the same amount brought forward.
            guard let carried = page.last, carried.0.hasPrefix("carried:") else { continue }
            let amount = String(carried.0.dropFirst("carried:".count))
            let next = placed[index + 1]
            #expect(next.count >= 2 && next[0].0 == "header" && next[1].0 == "brought:\(amount)", "seed \(seed): page \(index + 2) does not open with the header and brought-forward row")
            // Sum the values of the rows up to the last row on this page, since this table's header.
            var sum = Decimal(0)
            let labels = placed[...index].flatMap({ $0 }).map(\.0)
            for (position, label) in labels.enumerated() {
                // A table's own header starts its sum; a repeated one (followed by "brought:") does not.
                let repeated = position + 1 < labels.count && labels[position + 1].hasPrefix("brought:")
                if label == "header" && !repeated { sum = 0 }
                if label.hasPrefix("f"), let id = Int(label.dropFirst()), let value = generated.tableValues[id] { sum += value }
            }
            #expect("\(sum)" == amount, "seed \(seed): carried \(amount), rows sum to \(sum)")
        }
    }
}

@Test func aRunawayDocumentStopsAtThePageCap() throws {
    let fragments = (0..<1000).map { Fragment(height: 40, items: marker("f\($0)", height: 40), location: paginationHere) }
    #expect(throws: LayoutError.self) { try paginate(fragments, layout: testLayout(maxPages: 5)) }
    do { _ = try paginate(fragments, layout: testLayout(maxPages: 5)) } catch let error as LayoutError {
        #expect(error.kind == .pageLimit)
    }
}

@Test func explicitPageBreakStartsANewPage() throws {
    var pages: [Page] = []
    let paginator = Paginator(layout: testLayout()) { _, page in pages.append(page) }
    try paginator.append(Fragment(height: 10, items: marker("a", height: 10), location: paginationHere))
    try paginator.pageBreak()
    try paginator.pageBreak()  // nothing happens at the top of an empty page
    try paginator.append(Fragment(height: 10, items: marker("b", height: 10), location: paginationHere))
    #expect(try paginator.finish() == 2)
    #expect(markers(pages).map { $0.map(\.0) } == [["a"], ["b"]])
}
