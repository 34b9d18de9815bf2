// A finished page that is not a display list: a page of a PDF file read from disk (imposition
// places other producers' pages). Only a writer that can carry it (the PDF writer) draws it;
// others show where it goes.

public protocol ExternalPage: AnyObject, Sendable {
    /// The page's size as it is seen (its crop box, turned by its rotation).
    var size: Size { get }
    /// For messages and placeholders: "input.pdf page 3".
    var name: String { get }
}
