// The document information dictionary (§14.3.3) and its XMP twin (§14.3.2), kept equal, as
// PDF/A and PDF/X require: same title, author, producer and the same instants, and the same
// characters (those XML cannot carry are left out of both).
import PressroomGraphics
import PressroomMarkup

enum Metadata {
    /// `trapped`: PDF/X's /Trapped (§14.11.6), when the document claims PDF/X.
    static func infoDictionary(_ info: DocumentInfo, trapped: Bool? = nil) -> PDFDictionary {
        var dictionary = PDFDictionary()
        if let title = info.title { dictionary["Title"] = .text(XMLEscaping.cleaned(title)) }
        if let author = info.author { dictionary["Author"] = .text(XMLEscaping.cleaned(author)) }
        if let subject = info.subject { dictionary["Subject"] = .text(XMLEscaping.cleaned(subject)) }
        if let keywords = info.keywords { dictionary["Keywords"] = .text(XMLEscaping.cleaned(keywords)) }
        if let creator = info.creator { dictionary["Creator"] = .text(XMLEscaping.cleaned(creator)) }
        dictionary["Producer"] = .text(XMLEscaping.cleaned(info.producer))
        if let date = info.creationDate {
            dictionary["CreationDate"] = .string(Array(pdfDate(date).utf8))
            dictionary["ModDate"] = .string(Array(pdfDate(date).utf8))
        }
        if let trapped { dictionary["Trapped"] = PDFName(trapped ? "True" : "False").object }
        return dictionary
    }

    /// §7.9.4: D:YYYYMMDDHHmmSSOHH'mm
    static func pdfDate(_ date: DocumentDate) -> String {
        let offset = date.utcOffsetMinutes
        let zone = offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 60))'\(two(abs(offset) % 60))'"
        return "D:\(four(date.year))\(two(date.month))\(two(date.day))\(two(date.hour))\(two(date.minute))\(two(date.second))\(zone)"
    }

    static func xmpDate(_ date: DocumentDate) -> String { date.iso8601 }

    /// An XMP packet (ISO 16684-1) with the Dublin Core, XMP basic and PDF schemas.
    /// `identification` adds the PDF/A part and conformance; `extensions` their values and declarations.
    /// `pdfxVersion` adds `pdfxid:GTS_PDFXVersion` and `pdf:Trapped` False, as Info has it.
    static func xmpPacket(_ info: DocumentInfo, identification: (part: Int, conformance: String)? = nil,
                          pdfxVersion: String? = nil, extensions: [XMPExtension] = []) -> [UInt8] {
        var body = ""
        if let title = info.title {
            body += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(title))</rdf:li></rdf:Alt></dc:title>\n"
        }
        if let author = info.author {
            body += "<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if let subject = info.subject {
            body += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if let language = info.language {
            body += "<dc:language><rdf:Bag><rdf:li>\(escape(language))</rdf:li></rdf:Bag></dc:language>\n"
        }
        if let keywords = info.keywords { body += "<pdf:Keywords>\(escape(keywords))</pdf:Keywords>\n" }
        body += "<pdf:Producer>\(escape(info.producer))</pdf:Producer>\n"
        if pdfxVersion != nil { body += "<pdf:Trapped>False</pdf:Trapped>\n" }
        if let creator = info.creator { body += "<xmp:CreatorTool>\(escape(creator))</xmp:CreatorTool>\n" }
        if let date = info.creationDate {
            let value = xmpDate(date)
            body += "<xmp:CreateDate>\(value)</xmp:CreateDate>\n<xmp:ModifyDate>\(value)</xmp:ModifyDate>\n"
            body += "<xmp:MetadataDate>\(value)</xmp:MetadataDate>\n"
        }
        let packet = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
        \(body)</rdf:Description>
        \(identificationDescription(identification))\(pdfxDescription(pdfxVersion))\(extensions.map { $0.valuesDescription() }.joined())\(XMPExtension.declarations(extensions))</rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
        return Array(packet.utf8)
    }

    /// ISO 15930-7 §6.7.5: the PDF/X version in its own namespace.
    private static func pdfxDescription(_ version: String?) -> String {
        guard let version else { return "" }
        return "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
            + "<pdfxid:GTS_PDFXVersion>\(escape(version))</pdfxid:GTS_PDFXVersion>\n</rdf:Description>\n"
    }

    private static func identificationDescription(_ identification: (part: Int, conformance: String)?) -> String {
        guard let id = identification else { return "" }
        return "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
            + "<pdfaid:part>\(id.part)</pdfaid:part>\n<pdfaid:conformance>\(id.conformance)</pdfaid:conformance>\n</rdf:Description>\n"
    }

    /// Element content in the XMP packet: the Info dictionary holds the same text (`cleaned`).
    static func escape(_ text: String) -> String { XMLEscaping.text(text) }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func four(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - "\(value)".count)) + "\(value)" }
}
