// How a Factur-X / ZUGFeRD 2.x invoice rides inside its PDF/A-3: the XML as `factur-x.xml` with
// the relationship its profile calls for, and the `fx:` XMP properties (document type, file name,
// version, conformance level) declared as a PDF/A extension schema.
import PressroomGraphics
import PressroomLayout
import PressroomPDF

enum FacturXAttachment {
    static let fileName = "factur-x.xml"
    static let namespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

    static func profile(_ level: EInvoiceLevel) -> FacturXProfile {
        switch level {
        case .minimum: .minimum
        case .basic: .basic
        case .en16931: .en16931
        }
    }

    /// The checked invoice's XML as the file to embed; the invoice date is its modification date.
    static func file(_ facts: InvoiceFacts, profile: FacturXProfile) throws(LayoutError) -> EmbeddedFile {
        let xml = try CrossIndustryInvoice.xml(facts, profile: profile)
        let relationship = EmbeddedFile.Relationship(rawValue: profile.afRelationship) ?? .data
        let date = DocumentDate(facts.issueDate)
        return EmbeddedFile(name: fileName, bytes: xml, mimeType: "text/xml", relationship: relationship,
                            description: "Factur-X invoice (\(profile.conformanceLevel))", modificationDate: date)
    }

    static func metadata(_ profile: FacturXProfile) -> XMPExtension {
        XMPExtension(schemaName: "Factur-X PDFA Extension Schema", namespaceURI: namespace, prefix: "fx", properties: [
            .init(name: "DocumentFileName", value: fileName, description: "The name of the embedded XML document"),
            .init(name: "DocumentType", value: "INVOICE", description: "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
            .init(name: "Version", value: "1.0", description: "The actual version of the standard applying to the embedded XML document"),
            .init(name: "ConformanceLevel", value: profile.conformanceLevel, description: "The conformance level of the embedded XML document"),
        ])
    }
}
