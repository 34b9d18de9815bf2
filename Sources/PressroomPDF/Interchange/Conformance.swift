// The archival standard a document is written to: what the writer adds for it (identification in
// XMP, the output intent with its embedded ICC profile) and what it promises to leave out.
// PDF/A-3b (ISO 19005-3, level B: the look is preserved) is the digital variant's; the writer's
// other output already keeps its rules (fonts embedded, trailer ID, no encryption or scripts,
// links printable), so PDF/A adds identification and colour, not a different file.

public enum PDFConformance: Sendable {
    /// PDF/A-3b with an output intent for this profile (sRGB for RGB and gray content).
    case pdfA3b(outputIntent: ICCProfile)

    /// `pdfaid:part` and `pdfaid:conformance`.
    var pdfaIdentification: (part: Int, conformance: String) {
        switch self {
        case .pdfA3b: (3, "B")
        }
    }

    var outputIntentProfile: ICCProfile {
        switch self {
        case .pdfA3b(let profile): profile
        }
    }

    /// Writes the profile and the `GTS_PDFA1` output intent (§14.11.5); returns the intent.
    func writeOutputIntent(to file: PDFFileWriter) -> PDFObject {
        let profile = outputIntentProfile
        let stream = file.allocate()
        file.writeStream(stream, ["N": .integer(profile.components), "Filter": PDFName("FlateDecode").object],
                         data: profile.compressed, alreadyEncoded: true)
        return .dictionary([
            "Type": PDFName("OutputIntent").object,
            "S": PDFName("GTS_PDFA1").object,
            "OutputConditionIdentifier": .text(profile.identifier),
            "Info": .text(profile.identifier),
            "RegistryName": .text("http://www.color.org"),
            "DestOutputProfile": stream.object,
        ])
    }
}
