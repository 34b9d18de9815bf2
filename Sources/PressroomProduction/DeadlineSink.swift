// A time limit on one document: the sink in front of the document's own sink, which ends the
// render at the first page that comes after the deadline, so a render whose answer nobody waits
// for any more (an on-line request past its limit) gives its lane back within a page.
import PressroomGraphics

/// The render was stopped at its deadline, after `pages` pages.
public struct RenderDeadlinePassed: Error, CustomStringConvertible {
    public var pages: Int
    public var description: String { "the render was stopped at its time limit after \(pages) page\(pages == 1 ? "" : "s")" }
}

final class DeadlineSink<Inner: PageSink>: PageSink {
    let inner: Inner
    let deadline: ContinuousClock.Instant
    private var pages = 0

    init(_ inner: Inner, deadline: ContinuousClock.Instant) {
        self.inner = inner
        self.deadline = deadline
    }

    func begin(_ info: DocumentInfo) throws { try inner.begin(info) }

    func add(_ page: Page) throws {
        guard ContinuousClock.now < deadline else { throw RenderDeadlinePassed(pages: pages) }
        try inner.add(page)
        pages += 1
    }

    func overlay(_ items: [PageItem], onPage index: Int) throws { try inner.overlay(items, onPage: index) }
    func bookmark(_ bookmark: Bookmark) throws { try inner.bookmark(bookmark) }
    func end() throws { try inner.end() }
}
