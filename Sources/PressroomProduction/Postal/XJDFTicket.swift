// The job ticket a print shop's workflow reads (CIP4 XJDF 2.1): the job, the print file with its
// page count and checksum, the paper, one- or two-sided printing, letter folding by envelope, and
// the pieces to insert, each envelope's count in a part of its own; the manifest is named for the
// per-piece detail. Written from the batch's totals, after the print file is complete.
import PressroomGraphics
import PressroomLayout
import PressroomMarkup

struct XJDFTicket {
    var job: String
    var printFile: String
    var printFileSHA256: String
    var manifest: String
    var pages: Int
    var sheets: Int
    var profile: PostProfile
    /// Pieces by envelope name, in the profile's envelope order.
    var piecesByEnvelope: [(envelope: PostProfile.Envelope, pieces: Int)]
    var created: DocumentDate?
    var agentVersion: String

    var xml: String {
        let a = XMLEscaping.attribute
        let sheet = Size.a4
        let totalPieces = piecesByEnvelope.reduce(0) { $0 + $1.pieces }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<XJDF xmlns="http://www.CIP4.org/JDFSchema_2_0" JobID="\#(a(job))" JobPartID="postal" Types="DigitalPrinting Folding Inserting" Version="2.1" DescriptiveName="\#(a("Postal batch \(job) (\(profile.name))"))">"#,
            "  <AuditPool>",
            "    <AuditCreated>",
            #"      <Header AgentName="Pressroom" AgentVersion="\#(a(agentVersion))" DeviceID="pressroom"\#(created.map { " Time=\"\($0.iso8601)\"" } ?? "")/>"#,
            "    </AuditCreated>",
            "  </AuditPool>",
            #"  <Comment>\#(XMLEscaping.text("\(totalPieces) pieces, \(sheets) sheets, \(pages) pages; OMR and Data Matrix marks on each sheet's front; sort order and trays in \(manifest)"))</Comment>"#,
            #"  <GeneralID IDUsage="Manifest" IDValue="\#(a(manifest))"/>"#,
            #"  <GeneralID IDUsage="PostProfile" IDValue="\#(a(profile.name))"/>"#,
            #"  <ResourceSet Name="RunList" Usage="Input">"#,
            "    <Resource>",
            #"      <RunList NPage="\#(pages)">"#,
            #"        <FileSpec MimeType="application/pdf" URL="\#(a(printFile))" CheckSum="\#(printFileSHA256)"/>"#,
            "      </RunList>",
            "    </Resource>",
            "  </ResourceSet>",
            #"  <ResourceSet Name="Media" Usage="Input">"#,
            "    <Resource ID=\"paper\">",
            #"      <Media MediaType="Paper" Dimension="\#(points(sheet.width)) \#(points(sheet.height))" Weight="\#(number(profile.paper.grams))" Thickness="\#(number((profile.paper.thickness / 72 * 25.4 * 1000).rounded()))"/>"#,
            "    </Resource>",
        ]
        for (envelope, _) in piecesByEnvelope {
            lines.append(#"    <Resource ID="envelope-\#(a(envelope.name))">"#)
            lines.append(#"      <Media MediaType="Other" MediaTypeDetails="Envelope" DescriptiveName="\#(a(envelope.name))" Dimension="\#(points(envelope.size.width)) \#(points(envelope.size.height))" Weight="\#(number(envelope.grams))"/>"#)
            lines.append("    </Resource>")
        }
        lines += [
            "  </ResourceSet>",
            #"  <ResourceSet Name="LayoutPreparationParams" Usage="Input">"#,
            "    <Resource>",
            #"      <LayoutPreparationParams Sides="\#(profile.duplex ? "TwoSidedHeadToHead" : "OneSided")"/>"#,
            "    </Resource>",
            "  </ResourceSet>",
            #"  <ResourceSet Name="FoldingParams" Usage="Input">"#,
        ]
        for (envelope, _) in piecesByEnvelope {
            // Letter fold (F6-1, two parallel folds), a single fold (F4-1), or none.
            let catalog = envelope.layers >= 3 ? "F6-1" : envelope.layers == 2 ? "F4-1" : "F2-1"
            lines.append("    <Resource>")
            lines.append(#"      <Part ProductPart="\#(a(envelope.name))"/>"#)
            lines.append(#"      <FoldingParams FoldCatalog="\#(catalog)"/>"#)
            lines.append("    </Resource>")
        }
        lines += [
            "  </ResourceSet>",
            #"  <ResourceSet Name="Component" Usage="Output">"#,
        ]
        for (envelope, pieces) in piecesByEnvelope {
            lines.append("    <Resource>")
            lines.append(#"      <Part ProductPart="\#(a(envelope.name))"/>"#)
            lines.append(#"      <AmountPool><PartAmount Amount="\#(pieces)"/></AmountPool>"#)
            lines.append(#"      <Component DescriptiveName="\#(a("mail pieces in \(envelope.name) envelopes"))"/>"#)
            lines.append("    </Resource>")
        }
        lines += [
            "  </ResourceSet>",
            "</XJDF>",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func points(_ value: Double) -> String { number((value * 100).rounded() / 100) }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
