// An output intent (ISO 32000-1 §14.11.5): the colour condition a document is made for, with its
// ICC profile embedded. Device colours are judged against the profile's colour space.

public struct OutputIntent: Sendable {
    /// `GTS_PDFA1` for PDF/A, `GTS_PDFX` for PDF/X.
    public let subtype: String
    public let profile: ICCProfile
    /// The registered characterization (ICC registry), "FOGRA39"; the profile's name if none.
    public let condition: String
    /// What a person reads: "Coated FOGRA39 (ISO 12647-2:2004)".
    public let info: String

    public init(subtype: String, profile: ICCProfile, condition: String? = nil, info: String? = nil) {
        self.subtype = subtype
        self.profile = profile
        self.condition = condition ?? profile.identifier
        self.info = info ?? profile.identifier
    }

    /// Writes the profile and the intent dictionary; returns the dictionary.
    func write(to file: PDFFileWriter) -> PDFObject {
        let stream = file.allocate()
        file.writeStream(stream, ["N": .integer(profile.components), "Filter": PDFName("FlateDecode").object],
                         data: profile.compressed, alreadyEncoded: true)
        return .dictionary([
            "Type": PDFName("OutputIntent").object,
            "S": PDFName(subtype).object,
            "OutputConditionIdentifier": .text(condition),
            "Info": .text(info),
            "RegistryName": .text("http://www.color.org"),
            "DestOutputProfile": stream.object,
        ])
    }
}
