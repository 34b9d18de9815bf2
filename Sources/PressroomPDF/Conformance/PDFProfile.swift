// A conformance profile a document declares: the identification it writes (XMP), the output
// intent it embeds, and the violation kinds it prohibits. A writer given profiles records every
// violation while it paints and refuses, at `finish()`, a document that breaks one.
import PressroomGraphics

public struct PDFProfile: Sendable {
    public enum Standard: Sendable, Hashable {
        /// ISO 19005-3 level B: archives.
        case pdfA3b
        /// ISO 14289-1: accessibility (tagged, titled, in a language, figures described).
        case pdfUA1
        /// ISO 15930-7: print exchange (filled in by the print variant).
        case pdfX4
        /// A house rule set (a print shop's "no transparency"): prohibitions only.
        case custom(String)
    }

    public let standard: Standard
    /// The violation kinds this profile refuses.
    public let prohibited: Set<ViolationKind>
    /// The colour condition the document is made for (PDF/A, PDF/X); nil for PDF/UA.
    public let outputIntent: OutputIntent?

    public init(standard: Standard, prohibited: Set<ViolationKind>, outputIntent: OutputIntent? = nil) {
        self.standard = standard
        self.prohibited = prohibited
        self.outputIntent = outputIntent
    }

    public var name: String {
        switch standard {
        case .pdfA3b: "PDF/A-3b"
        case .pdfUA1: "PDF/UA-1"
        case .pdfX4: "PDF/X-4"
        case .custom(let name): name
        }
    }

    /// PDF/A-3b with an output intent for `profile` (sRGB for the digital variant's RGB and gray).
    /// The writer keeps the rest of PDF/A by construction: fonts embedded, a trailer ID, no
    /// encryption or scripts, links printable.
    public static func pdfA3b(outputIntent profile: ICCProfile) -> PDFProfile {
        PDFProfile(standard: .pdfA3b, prohibited: [.colourOutsideOutputIntent],
                   outputIntent: OutputIntent(subtype: "GTS_PDFA1", profile: profile))
    }

    /// PDF/UA-1: the writer must also be tagged (the structure tree comes from the pages' marks).
    public static let pdfUA1 = PDFProfile(standard: .pdfUA1, prohibited: [
        .untagged, .missingTitle, .missingLanguage, .figureWithoutAlternateText, .glyphWithoutUnicode,
    ])

    /// PDF/X-4 (ISO 15930-7) for printing under `intent`, a CMYK output profile (`GTS_PDFX`):
    /// device RGB is refused, a title and the creation date are required, and the writer adds
    /// the identification, Trapped, and every page's trim and bleed boxes come from the pages.
    public static func pdfX4(outputIntent intent: OutputIntent) -> PDFProfile {
        PDFProfile(standard: .pdfX4, prohibited: [.colourOutsideOutputIntent, .missingTitle, .missingDate, .missingTrimBox],
                   outputIntent: OutputIntent(subtype: "GTS_PDFX", profile: intent.profile, condition: intent.condition, info: intent.info))
    }

    /// House rules: prohibit `kinds` under `name`.
    public static func custom(_ name: String, prohibiting kinds: Set<ViolationKind>) -> PDFProfile {
        PDFProfile(standard: .custom(name), prohibited: kinds)
    }

    /// `pdfaid:part` and `pdfaid:conformance` for PDF/A profiles.
    var pdfaIdentification: (part: Int, conformance: String)? {
        if case .pdfA3b = standard { return (3, "B") }
        return nil
    }

    /// `pdfxid:GTS_PDFXVersion` for PDF/X profiles.
    var pdfxVersion: String? {
        if case .pdfX4 = standard { return "PDF/X-4" }
        return nil
    }
}
