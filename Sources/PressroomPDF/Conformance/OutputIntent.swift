// An output intent (ISO 32000-1 §14.11.5): the colour condition a document is made for, with its
// ICC profile embedded. Device colours are judged against the profile's colour space.

public struct OutputIntent: Sendable {
    /// `GTS_PDFA1` for PDF/A, `GTS_PDFX` for PDF/X.
    public let subtype: String
    public let profile: ICCProfile

    public init(subtype: String, profile: ICCProfile) {
        self.subtype = subtype
        self.profile = profile
    }

    /// Writes the profile and the intent dictionary; returns the dictionary.
    func write(to file: PDFFileWriter) -> PDFObject {
        let stream = file.allocate()
        file.writeStream(stream, ["N": .integer(profile.components), "Filter": PDFName("FlateDecode").object],
                         data: profile.compressed, alreadyEncoded: true)
        return .dictionary([
            "Type": PDFName("OutputIntent").object,
            "S": PDFName(subtype).object,
            "OutputConditionIdentifier": .text(profile.identifier),
            "Info": .text(profile.identifier),
            "RegistryName": .text("http://www.color.org"),
            "DestOutputProfile": stream.object,
        ])
    }
}
