// The print variant: PDF/X-4 for a press. Each swatch's print value is painted (CMYK, or the
// spot ink the theme names, as a Separation); the output intent embeds a CMYK output profile
// (the bundled ISO Coated v2 300 %, FOGRA39, unless the caller names another); RGB images are
// tagged ICCBased sRGB; links are left out; every page is put on a press sheet with 3 mm bleed,
// trim and bleed boxes and printer's marks. PDF/X needs a creation date, which the caller gives
// (output never reads the clock by itself).
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF
import PressroomText

public struct PrintVariant: OutputVariant {
    public var outputIntent: OutputIntent
    /// What RGB images are tagged with.
    public var rgbImages: ICCProfile
    public var sheet: PrintSheet
    public var creationDate: DocumentDate?
    /// Tagged PDF that also claims PDF/UA-1 (`--tagged`).
    public var tagged: Bool

    public init(outputIntent: OutputIntent, rgbImages: ICCProfile, sheet: PrintSheet, creationDate: DocumentDate?, tagged: Bool = false) {
        self.outputIntent = outputIntent
        self.rgbImages = rgbImages
        self.sheet = sheet
        self.creationDate = creationDate
        self.tagged = tagged
    }

    /// The bundled FOGRA39 profile, or the CMYK output profile at `outputProfile` (its own name
    /// as the condition), sRGB for RGB images, the default sheet with its slug line set in the
    /// bundled fonts.
    public static func standard(outputProfile: String? = nil, creationDate: DocumentDate?, batch: String? = nil,
                                tagged: Bool = false, registry: FontRegistry? = nil) throws -> PrintVariant {
        let intent: OutputIntent
        if let outputProfile {
            let profile = try ICCProfile.cmykOutput(path: outputProfile)
            intent = OutputIntent(subtype: "GTS_PDFX", profile: profile)
        } else {
            intent = OutputIntent(subtype: "GTS_PDFX", profile: try ICCProfile.isoCoatedV2(), condition: "FOGRA39",
                                  info: "Coated FOGRA39 (ISO 12647-2:2004)")
        }
        let typesetter = Typesetter(registry: try registry ?? FontRegistry.bundled())
        return PrintVariant(outputIntent: intent, rgbImages: try ICCProfile.sRGB(),
                            sheet: PrintSheet(batch: batch, typesetter: typesetter), creationDate: creationDate, tagged: tagged)
    }

    public var name: String { "print" }

    public func settings(for layout: Layout) -> PDFSettings {
        PDFSettings(colours: .print, profiles: [.pdfX4(outputIntent: outputIntent)] + (tagged ? [.pdfUA1] : []), tagged: tagged,
                    links: false, rgbImages: rgbImages, sheet: sheet, creationDate: creationDate)
    }
}
