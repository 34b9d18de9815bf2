// What a caller may ask of an SVG export: ids that stay unique when several pages share one HTML
// document, and the layout's source marks for a preview's box outlines.

import PressroomGraphics

public struct SVGOptions: Sendable {
    /// Put in front of every id (glyph definitions, and the references to them), so pages inlined
    /// in one HTML document never clash: "p3-" gives "p3-g0-36". Use letters, digits, "-" and "_".
    public var idPrefix: String = ""
    /// Append the page's source marks, after everything drawn, as `<g class="pr-sources">` with one
    /// unfilled `<rect class="pr-source" data-…>` per mark.
    public var includeSources: Bool = false
    /// Which value of each swatch is drawn: screen (RGB) or print (CMYK and spot inks, shown
    /// converted naively, as a PDF viewer without colour management shows them).
    public var colours: ColourChoice = .screen

    public init(idPrefix: String = "", includeSources: Bool = false, colours: ColourChoice = .screen) {
        self.idPrefix = idPrefix
        self.includeSources = includeSources
        self.colours = colours
    }
}
