// Clickable areas: an `<a>` around an invisible rectangle, on top of everything drawn (as PDF link
// annotations sit above the page content, §12.5.6.5). The page may be inlined in a web page and
// the URI may come from a record, so only schemes that cannot run script are linked.
import PressroomGraphics

enum SVGLink {
    /// Appends the link, or nothing when its URI's scheme is not one a document link needs.
    static func append(_ rect: Rect, uri: String, to output: inout SVGOutput) {
        guard isSafe(uri), rect.width > 0, rect.height > 0 else { return }
        output.append("<a")
        output.attribute("href", uri)
        output.append("><rect")
        output.frame(rect)
        // Painted (so it takes the pointer) but invisible.
        output.append(" fill=\"#ffffff\" fill-opacity=\"0\"/></a>")
    }

    /// http(s), mailto and tel only: an allow-list, because browsers forgive a lot in a scheme
    /// ("java\tscript:" still runs), so no deny-list is complete.
    static func isSafe(_ uri: String) -> Bool {
        let lowered = uri.lowercased()
        return safePrefixes.contains { lowered.hasPrefix($0) }
    }

    private static let safePrefixes = ["http://", "https://", "mailto:", "tel:"]
}
