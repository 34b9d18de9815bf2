// Properties a document adds to its XMP metadata beyond the predefined schemas, with the PDF/A
// extension-schema declaration (ISO 19005 §6.6.2.3) that makes them valid in PDF/A: Factur-X's
// `fx:` properties are the main user.

public struct XMPExtension: Sendable {
    public struct Property: Sendable {
        public var name: String
        public var value: String
        public var description: String
        /// "Text", "Integer", …
        public var valueType: String
        /// "external" (set by the author) or "internal" (by a tool).
        public var category: String

        public init(name: String, value: String, description: String, valueType: String = "Text", category: String = "external") {
            self.name = name
            self.value = value
            self.description = description
            self.valueType = valueType
            self.category = category
        }
    }

    /// e.g. "Factur-X PDFA Extension Schema".
    public var schemaName: String
    public var namespaceURI: String
    public var prefix: String
    public var properties: [Property]

    public init(schemaName: String, namespaceURI: String, prefix: String, properties: [Property]) {
        self.schemaName = schemaName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.properties = properties
    }

    /// PDF/UA-1 identification (ISO 14289-1 §5), which tagged documents claim. `pdfuaid` is not
    /// one of PDF/A's predefined schemas, so it is declared like any extension.
    static let pdfUA = XMPExtension(schemaName: "PDF/UA Universal Accessibility Schema", namespaceURI: "http://www.aiim.org/pdfua/ns/id/",
                                    prefix: "pdfuaid", properties: [
                                        .init(name: "part", value: "1", description: "Indicates, which part of ISO 14289 standard is followed",
                                              valueType: "Integer", category: "internal"),
                                    ])

    /// `<rdf:Description>` with the property values.
    func valuesDescription() -> String {
        var text = "<rdf:Description rdf:about=\"\" xmlns:\(prefix)=\"\(Metadata.escape(namespaceURI))\">\n"
        for property in properties {
            text += "<\(prefix):\(property.name)>\(Metadata.escape(property.value))</\(prefix):\(property.name)>\n"
        }
        return text + "</rdf:Description>\n"
    }

    /// One `rdf:li` of `pdfaExtension:schemas`.
    func schemaDeclaration() -> String {
        var text = "<rdf:li rdf:parseType=\"Resource\">\n"
        text += "<pdfaSchema:schema>\(Metadata.escape(schemaName))</pdfaSchema:schema>\n"
        text += "<pdfaSchema:namespaceURI>\(Metadata.escape(namespaceURI))</pdfaSchema:namespaceURI>\n"
        text += "<pdfaSchema:prefix>\(prefix)</pdfaSchema:prefix>\n<pdfaSchema:property><rdf:Seq>\n"
        for property in properties {
            text += "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>\(property.name)</pdfaProperty:name>"
            text += "<pdfaProperty:valueType>\(property.valueType)</pdfaProperty:valueType>"
            text += "<pdfaProperty:category>\(property.category)</pdfaProperty:category>"
            text += "<pdfaProperty:description>\(Metadata.escape(property.description))</pdfaProperty:description></rdf:li>\n"
        }
        return text + "</rdf:Seq></pdfaSchema:property>\n</rdf:li>\n"
    }

    /// The `pdfaExtension:schemas` description declaring every extension.
    static func declarations(_ extensions: [XMPExtension]) -> String {
        guard !extensions.isEmpty else { return "" }
        var text = "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
        text += "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
        text += "<pdfaExtension:schemas><rdf:Bag>\n"
        for item in extensions { text += item.schemaDeclaration() }
        return text + "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n"
    }
}
