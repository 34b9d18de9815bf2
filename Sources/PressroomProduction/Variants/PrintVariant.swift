// The print variant as far as the pipeline goes today: each swatch's print value (CMYK, or the
// spot ink the theme names) painted instead of its screen value. PDF/X-4 (output intent, page
// boxes, bleed, marks) is the print issue's to add, as a profile and settings here.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public struct PrintVariant: OutputVariant {
    /// Tagged PDF that claims PDF/UA-1 (`--tagged`).
    public var tagged: Bool

    public init(tagged: Bool = false) { self.tagged = tagged }

    public var name: String { "print" }

    public func settings(for layout: Layout) -> PDFSettings {
        PDFSettings(colours: .print, profiles: tagged ? [.pdfUA1] : [], tagged: tagged)
    }
}
