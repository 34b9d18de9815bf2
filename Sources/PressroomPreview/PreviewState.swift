// What the preview shows at a moment: the last good pages (as SVG), the problems of the latest
// render (shown over those pages), the records to choose from, and how long rendering took.
// Sent to the browser as JSON on every change; the page SVGs are fetched by URL.

public struct PreviewState: Codable, Sendable {
    public struct PageInfo: Codable, Sendable {
        /// Size in points.
        public var width: Double
        public var height: Double
        /// Where the browser fetches this page's SVG.
        public var url: String
    }

    public struct RecordInfo: Codable, Sendable {
        /// 1-based record number in the data file.
        public var number: Int
        public var label: String
    }

    /// Increases with every update pushed to the browser.
    public var version = 0
    /// The update that produced `pages`; pages are fetched again only when it changes.
    public var pagesVersion = 0
    public var layout = ""
    public var dataFile = ""
    public var records: [RecordInfo] = []
    /// True when the data file has more records than the picker lists.
    public var recordsTruncated = false
    /// The record shown, 1-based.
    public var record = 1
    public var pages: [PageInfo] = []
    public var problems: [PreviewProblem] = []
    /// Time of the latest render, from reading the changed files to the last SVG, in milliseconds.
    public var renderMilliseconds = 0.0
    public var watchedFiles = 0
    /// The print variant (CMYK and spot colours, shown converted to RGB).
    public var print = false

    public init() {}
}
