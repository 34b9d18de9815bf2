// The UN/CEFACT Cross Industry Invoice (D16B) XML of an invoice, as Factur-X 1.0 profiles
// MINIMUM, BASIC and EN 16931 restrict it. Elements follow the Factur-X 1.0.9 XSD sequences;
// every amount is one of the checked InvoiceFacts' amounts (times the credit-note sign),
// never recomputed here.
import Foundation
import PressroomLayout

public enum CrossIndustryInvoice {
    static let namespaces: KeyValuePairs<String, String> = [
        "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        "xmlns:qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
        "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    ]

    /// The invoice as factur-x.xml, UTF-8. BASIC and EN 16931 need at least one line (EN 16931
    /// BG-25, BR-16) and so refuse an invoice without lines (write MINIMUM for it).
    public static func xml(_ facts: InvoiceFacts, profile: FacturXProfile) throws(LayoutError) -> [UInt8] {
        if profile.hasLines && facts.lines.isEmpty {
            throw LayoutError(.data, "invoice \(facts.number) has no lines, and the Factur-X \(profile.conformanceLevel) profile needs at least one (EN 16931 BR-16); write it as MINIMUM",
                              dataPath: "$.items")
        }
        var xml = XMLText()
        let sign = facts.recordSign
        xml.element("rsm:CrossIndustryInvoice", namespaces) { xml in
            xml.element("rsm:ExchangedDocumentContext") { xml in
                xml.element("ram:GuidelineSpecifiedDocumentContextParameter") { xml in
                    xml.element("ram:ID", value: profile.guidelineURN)
                }
            }
            xml.element("rsm:ExchangedDocument") { xml in
                xml.element("ram:ID", value: facts.number)
                xml.element("ram:TypeCode", value: facts.documentType.code)
                xml.element("ram:IssueDateTime") { xml in
                    xml.element("udt:DateTimeString", ["format": "102"], value: facts.issueDate.format102)
                }
            }
            xml.element("rsm:SupplyChainTradeTransaction") { xml in
                if profile.hasLines {
                    for line in facts.lines { lineItem(line, sign: sign, to: &xml) }
                }
                xml.element("ram:ApplicableHeaderTradeAgreement") { xml in
                    xml.element("ram:SellerTradeParty") { xml in party(facts.seller, fullAddress: profile.hasLines, to: &xml) }
                    xml.element("ram:BuyerTradeParty") { xml in
                        if profile.hasLines {
                            party(facts.buyer, fullAddress: true, to: &xml)
                        } else {
                            xml.element("ram:Name", value: facts.buyer.name)  // MINIMUM: BT-44 only
                        }
                    }
                }
                xml.element("ram:ApplicableHeaderTradeDelivery") { _ in }
                xml.element("ram:ApplicableHeaderTradeSettlement") { xml in
                    settlement(facts, profile: profile, sign: sign, to: &xml)
                }
            }
        }
        return xml.utf8
    }

    private static func lineItem(_ line: InvoiceFacts.Line, sign: Decimal, to xml: inout XMLText) {
        // BR-27: the net price is never negative; a line that goes against the document (a
        // discount line) carries its sign on the quantity instead.
        var price = line.unitPrice * sign
        var quantity = line.quantity
        if price < 0 {
            price = -price
            quantity = -quantity
        }
        xml.element("ram:IncludedSupplyChainTradeLineItem") { xml in
            xml.element("ram:AssociatedDocumentLineDocument") { xml in xml.element("ram:LineID", value: line.id) }
            xml.element("ram:SpecifiedTradeProduct") { xml in xml.element("ram:Name", value: line.name) }
            xml.element("ram:SpecifiedLineTradeAgreement") { xml in
                xml.element("ram:NetPriceProductTradePrice") { xml in xml.element("ram:ChargeAmount", value: price.price) }
            }
            xml.element("ram:SpecifiedLineTradeDelivery") { xml in
                xml.element("ram:BilledQuantity", ["unitCode": line.unit.code], value: quantity.plain)
            }
            xml.element("ram:SpecifiedLineTradeSettlement") { xml in
                xml.element("ram:ApplicableTradeTax") { xml in
                    xml.element("ram:TypeCode", value: "VAT")
                    xml.element("ram:CategoryCode", value: line.vatCategory.code)
                    xml.element("ram:RateApplicablePercent", value: line.vatRate.plain)
                }
                xml.element("ram:SpecifiedTradeSettlementLineMonetarySummation") { xml in
                    xml.element("ram:LineTotalAmount", value: (line.net * sign).fixed())
                }
            }
        }
    }

    /// Name, address and VAT id in TradePartyType order. MINIMUM's seller address is the country alone.
    private static func party(_ party: InvoiceFacts.Party, fullAddress: Bool, to xml: inout XMLText) {
        xml.element("ram:Name", value: party.name)
        xml.element("ram:PostalTradeAddress") { xml in
            if fullAddress {
                if let postcode = party.postcode { xml.element("ram:PostcodeCode", value: postcode) }
                // Three street lines at most (BT-35, 36, 162): further lines join the third.
                var lines = Array(party.addressLines.prefix(2))
                if party.addressLines.count > 2 { lines.append(party.addressLines.dropFirst(2).joined(separator: ", ")) }
                for (name, line) in zip(["ram:LineOne", "ram:LineTwo", "ram:LineThree"], lines) {
                    xml.element(name, value: line)
                }
                if let city = party.city { xml.element("ram:CityName", value: city) }
            }
            xml.element("ram:CountryID", value: party.country)
        }
        if let vatID = party.vatID {
            xml.element("ram:SpecifiedTaxRegistration") { xml in xml.element("ram:ID", ["schemeID": "VA"], value: vatID) }
        }
    }

    private static func settlement(_ facts: InvoiceFacts, profile: FacturXProfile, sign: Decimal, to xml: inout XMLText) {
        xml.element("ram:InvoiceCurrencyCode", value: facts.currency)
        if profile.hasLines {
            if let iban = facts.iban {
                xml.element("ram:SpecifiedTradeSettlementPaymentMeans") { xml in
                    xml.element("ram:TypeCode", value: "58")  // UNTDID 4461: SEPA credit transfer
                    xml.element("ram:PayeePartyCreditorFinancialAccount") { xml in xml.element("ram:IBANID", value: iban) }
                }
            }
            for row in facts.vatBreakdown {
                xml.element("ram:ApplicableTradeTax") { xml in
                    xml.element("ram:CalculatedAmount", value: (row.vat * sign).fixed())
                    xml.element("ram:TypeCode", value: "VAT")
                    xml.element("ram:BasisAmount", value: (row.net * sign).fixed())
                    xml.element("ram:CategoryCode", value: row.category.code)
                    xml.element("ram:RateApplicablePercent", value: row.rate.plain)
                }
            }
            if let due = facts.dueDate {
                xml.element("ram:SpecifiedTradePaymentTerms") { xml in
                    xml.element("ram:DueDateDateTime") { xml in
                        xml.element("udt:DateTimeString", ["format": "102"], value: due.format102)
                    }
                }
            }
        }
        xml.element("ram:SpecifiedTradeSettlementHeaderMonetarySummation") { xml in
            // No allowances or charges: the sum of line nets is the tax basis (BR-CO-10, BR-CO-13),
            // and total_net is that sum (checked).
            if profile.hasLines { xml.element("ram:LineTotalAmount", value: (facts.totalNet * sign).fixed()) }
            xml.element("ram:TaxBasisTotalAmount", value: (facts.totalNet * sign).fixed())
            xml.element("ram:TaxTotalAmount", ["currencyID": facts.currency], value: (facts.totalVAT * sign).fixed())
            xml.element("ram:GrandTotalAmount", value: (facts.totalGross * sign).fixed())
            xml.element("ram:DuePayableAmount", value: (facts.totalGross * sign).fixed())
        }
    }
}

extension Decimal {
    /// A unit price: at least two decimals, more when the price has them ("0.125").
    fileprivate var price: String {
        let digits = plain
        guard let point = digits.firstIndex(of: ".") else { return fixed(2) }
        return digits.distance(from: point, to: digits.endIndex) - 1 >= 2 ? digits : fixed(2)
    }
}
