// Files carried inside the PDF and associated with the whole document (PDF/A-3 §6.8, ISO 32000-2
// §14.13): the embedded file stream with its MIME type and dates, the file specification with its
// relationship to the document, listed in the catalog's /AF and its EmbeddedFiles name tree. A
// Factur-X invoice carries its XML this way.
import PressroomGraphics

public struct EmbeddedFile: Sendable {
    /// How the file relates to the document (/AFRelationship).
    public enum Relationship: String, Sendable {
        /// The PDF was made from it.
        case source = "Source"
        /// Data the document presents, e.g. a MINIMUM or BASIC WL Factur-X XML.
        case data = "Data"
        /// Another representation of the same content, e.g. an EN 16931 e-invoice.
        case alternative = "Alternative"
        case supplement = "Supplement"
        case unspecified = "Unspecified"
    }

    public var name: String
    public var bytes: [UInt8]
    /// "text/xml".
    public var mimeType: String
    public var relationship: Relationship
    public var description: String?
    /// /Params /ModDate; validators of e-invoices expect it. Never the wall clock.
    public var modificationDate: DocumentDate?

    public init(name: String, bytes: [UInt8], mimeType: String, relationship: Relationship, description: String? = nil,
                modificationDate: DocumentDate? = nil) {
        self.name = name
        self.bytes = bytes
        self.mimeType = mimeType
        self.relationship = relationship
        self.description = description
        self.modificationDate = modificationDate
    }

    /// Writes the stream and the file specification; returns the specification's reference.
    func write(to file: PDFFileWriter) -> PDFReference {
        let stream = file.allocate()
        var parameters: PDFDictionary = ["Size": .integer(bytes.count)]
        if let date = modificationDate { parameters["ModDate"] = .string(Array(Metadata.pdfDate(date).utf8)) }
        file.writeStream(stream, [
            "Type": PDFName("EmbeddedFile").object,
            "Subtype": PDFName(mimeType).object,
            "Params": .dictionary(parameters),
        ], data: bytes, kind: .table)
        let specification = file.allocate()
        var dictionary: PDFDictionary = [
            "Type": PDFName("Filespec").object,
            "F": .text(name),
            "UF": .text(name),
            "EF": .dictionary(["F": stream.object, "UF": stream.object]),
            "AFRelationship": PDFName(relationship.rawValue).object,
        ]
        if let description { dictionary["Desc"] = .text(description) }
        file.write(specification, .dictionary(dictionary))
        return specification
    }

    /// The catalog's `/Names << /EmbeddedFiles << /Names [...] >> >>`, keys sorted as name trees need.
    static func nameTree(_ files: [(name: String, specification: PDFReference)]) -> PDFObject {
        let sorted = files.sorted { Array($0.name.utf16).lexicographicallyPrecedes(Array($1.name.utf16)) }
        var names: [PDFObject] = []
        for entry in sorted {
            names.append(.text(entry.name))
            names.append(entry.specification.object)
        }
        return .dictionary(["EmbeddedFiles": .dictionary(["Names": .array(names)])])
    }
}
