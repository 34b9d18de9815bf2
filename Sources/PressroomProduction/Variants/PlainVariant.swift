// The bare PDF, as the benchmarks compare it with other engines: screen colours, no profile, no
// tagging unless asked (then it claims PDF/UA-1 and is checked for it).
import PressroomGraphics
import PressroomLayout
import PressroomPDF

public struct PlainVariant: OutputVariant {
    /// Tagged PDF that claims PDF/UA-1 (`--tagged`).
    public var tagged: Bool

    public init(tagged: Bool = false) { self.tagged = tagged }

    public var name: String { "plain" }

    public func settings(for layout: Layout) -> PDFSettings {
        PDFSettings(colours: .screen, profiles: tagged ? [.pdfUA1] : [], tagged: tagged)
    }
}
