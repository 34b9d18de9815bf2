// Reading an invoice record (Fixtures/records/invoices.jsonl shape) into InvoiceFacts, then
// checking its totals: the only way to get facts, so no unchecked invoice reaches the XML.
import Foundation
import PressroomLayout

extension InvoiceFacts {
    /// The record's invoice, typed and checked. Throws a LayoutError with the JSON path for a
    /// missing or wrong-typed field, and for totals that do not add up (see `InvoiceTotalsCheck`).
    ///
    /// Credit notes: a record with `kind` "credit_note" or a negative `total_gross` is TypeCode 381.
    /// The facts keep the record's signs (what the layout prints); `recordSign` says how the XML
    /// turns them into the positive amounts EN 16931 credit notes carry.
    public init(record: DataValue) throws(LayoutError) {
        let root = RecordField(record, at: .root)
        _ = try root.object("an invoice record")
        let kind = try root["kind"].optionalText("the document kind")
        let isCreditNoteKind: Bool
        switch kind?.lowercased() {
        case nil, "invoice": isCreditNoteKind = false
        case "credit_note", "credit-note", "creditnote": isCreditNoteKind = true
        case let other?:
            throw LayoutError(.data, "a \"\(other)\" record is not an invoice or credit note; only kind \"invoice\" or \"credit_note\" has an e-invoice",
                              dataPath: root["kind"].path.description)
        }

        let items = try root["items"].list("the invoice lines (an empty list for none)")
        var lines: [Line] = []
        for (index, item) in items.enumerated() {
            _ = try item.object("an invoice line")
            let rate = try item["vat_rate"].decimal("the line's VAT rate in percent")
            lines.append(Line(
                id: String(index + 1),
                name: try item["description"].text("the line's description"),
                quantity: try item["quantity"].decimal("the quantity"),
                unit: UnitCode(unit: try item["unit"].optionalText("the unit")),
                unitPrice: try item["unit_price"].decimal("the unit price"),
                net: try item["net"].decimal("the line's net amount"),
                vatRate: rate,
                vatCategory: .forRate(rate)))
        }
        var breakdown: [VATSubtotal] = []
        for row in try root["totals"].list("the VAT breakdown (one entry per rate)") {
            _ = try row.object("a VAT breakdown row")
            let rate = try row["vat_rate"].decimal("the VAT rate in percent")
            breakdown.append(VATSubtotal(rate: rate, category: .forRate(rate),
                                         net: try row["net"].decimal("the rate's net amount"),
                                         vat: try row["vat"].decimal("the rate's VAT amount"),
                                         gross: try row["gross"].decimal("the rate's gross amount")))
        }
        let totalGross = try root["total_gross"].decimal("the invoice's gross total")

        self.init(
            number: try root["number"].text("the invoice number"),
            documentType: isCreditNoteKind || totalGross < 0 ? .creditNote : .invoice,
            recordSign: totalGross < 0 ? -1 : 1,
            issueDate: try root["issue_date"].day("the issue date"),
            dueDate: root["due_date"].isAbsent ? nil : try root["due_date"].day("the due date"),
            currency: try Self.code(root["currency"], "the currency as an ISO 4217 code like \"EUR\"", letters: 3),
            seller: try Self.party(root["seller"], "the seller"),
            buyer: try Self.party(root["customer"], "the customer"),
            iban: try root["seller"]["iban"].optionalText("the seller's IBAN").map { $0.filter { !$0.isWhitespace } },
            lines: lines,
            vatBreakdown: breakdown,
            totalNet: try root["total_net"].decimal("the invoice's net total"),
            totalVAT: try root["total_vat"].decimal("the invoice's VAT total"),
            totalGross: totalGross)
        try InvoiceTotalsCheck(facts: self).run()
    }

    private static func code(_ field: RecordField, _ what: String, letters: Int) throws(LayoutError) -> String {
        let text = try field.text(what)
        guard text.count == letters, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw field.wrongType(what, "\"\(text)\"")
        }
        return text.uppercased()
    }

    private static func party(_ field: RecordField, _ what: String) throws(LayoutError) -> Party {
        _ = try field.object(what)
        let postcode = try field["postcode"].optionalText("\(what)'s postcode")
        let split = AddressLines.split(try field["address"].optionalTextList("\(what)'s address lines"), postcode: postcode)
        return Party(name: try field["name"].text("\(what)'s name"),
                     addressLines: split.street, postcode: postcode, city: split.city,
                     country: try code(field["country"], "\(what)'s country as an ISO 3166 code like \"CZ\"", letters: 2),
                     vatID: try field["vat_id"].optionalText("\(what)'s VAT id"))
    }
}

/// Finds the city in a record's address lines: the line carrying the postcode, either "200 20
/// České Budějovice" / "Wrocław 26-251" or, in British order, "London" followed by "X7 4GP".
enum AddressLines {
    static func split(_ lines: [String], postcode: String?) -> (street: [String], city: String?) {
        guard let postcode, !postcode.isEmpty else { return (lines, nil) }
        for (index, line) in lines.enumerated().reversed() {
            if line == postcode, index > 0 {
                return (Array(lines[..<(index - 1)]) + lines[(index + 1)...], lines[index - 1])
            }
            var rest: Substring?
            if line.hasPrefix(postcode + " ") { rest = line.dropFirst(postcode.count) }
            else if line.hasSuffix(" " + postcode) { rest = line.dropLast(postcode.count) }
            if let rest, case let city = String(rest).trimmingWhitespace, !city.isEmpty {
                var street = lines
                street.remove(at: index)
                return (street, city)
            }
        }
        return (lines, nil)
    }
}
