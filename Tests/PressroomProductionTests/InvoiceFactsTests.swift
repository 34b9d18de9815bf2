// InvoiceFacts from records: every bundled invoice reads and passes the totals check, and a record
// whose arithmetic or fields are wrong is refused with the JSON path and the difference.
import Foundation
import PressroomLayout
@testable import PressroomProduction
import Testing

@Suite struct InvoiceFactsTests {
    @Test func everyBundledInvoicePassesTheTotalsCheck() throws {
        let records = try InvoiceFixtures.all()
        #expect(records.count == 17)
        for record in records {
            do {
                let facts = try InvoiceFacts(record: record.value)
                #expect(facts.lines.count == record.value["items"].map { if case .array(let a) = $0 { a.count } else { -1 } })
            } catch {
                Issue.record("\(record.name): \(error)")
            }
        }
    }

    @Test func readsTheFirstInvoice() throws {
        let facts = try InvoiceFacts(record: DataValue.parseJSON(Array(InvoiceFixtures.firstInvoiceJSON().utf8)))
        #expect(facts.number == "FV-2026-000001")
        #expect(facts.documentType == .invoice)
        #expect(facts.recordSign == 1)
        #expect(facts.issueDate.format102 == "20260817")
        #expect(facts.dueDate?.format102 == "20261016")
        #expect(facts.currency == "CZK")
        #expect(facts.seller.city == "České Budějovice")
        #expect(facts.seller.addressLines == ["Václavské náměstí 125"])
        #expect(facts.seller.vatID == "CZ56496960")
        #expect(facts.iban == "CZ3053144564427104134570")
        #expect(facts.buyer.name == "Pekárna U Šťastných s.r.o.")
        #expect(facts.buyer.city == "Ostrava")
        #expect(facts.lines[0].unit == .piece)
        #expect(facts.lines[3].vatCategory == .zeroRated)
        #expect(facts.totalGross == Decimal(string: "831771.89"))
    }

    @Test func aNegativeInvoiceIsACreditNote() throws {
        let record = try #require(InvoiceFixtures.all().first { $0.value["number"] == .string("DN-2026-000001") })
        let facts = try InvoiceFacts(record: record.value)
        #expect(facts.documentType == .creditNote)
        #expect(facts.recordSign == -1)
        #expect(facts.totalGross == Decimal(string: "-897675.32"))
    }

    @Test func aCreditNoteKindWithPositiveAmountsKeepsThem() throws {
        let facts = try InvoiceFacts(record: firstInvoice().replacing([.key("kind")][...], with: .string("credit_note")))
        #expect(facts.documentType == .creditNote)
        #expect(facts.recordSign == 1)
        let xml = String(decoding: try CrossIndustryInvoice.xml(facts, profile: .basic), as: UTF8.self)
        #expect(xml.contains("<ram:TypeCode>381</ram:TypeCode>"))
        #expect(xml.contains("<ram:GrandTotalAmount>831771.89</ram:GrandTotalAmount>"))
    }

    @Test func britishAddressesHaveTheCityBeforeThePostcode() {
        let split = AddressLines.split(["Mill Road 173", "London", "X7 4GP"], postcode: "X7 4GP")
        #expect(split.street == ["Mill Road 173"])
        #expect(split.city == "London")
        let unknown = AddressLines.split(["شارع الملك فهد 12", "الرياض 11564"], postcode: "29120")
        #expect(unknown.city == nil)
        #expect(unknown.street.count == 2)
    }

    @Test(arguments: [("ks", "H87"), ("pcs", "H87"), ("Stk.", "H87"), ("szt.", "H87"), ("шт.", "H87"), ("kom", "H87"),
                      ("h", "HUR"), ("hod.", "HUR"), ("Std.", "HUR"), ("den", "DAY"), ("kg", "KGM"), ("bale", "C62"), ("", "C62")])
    func unitWordsMapToRecommendation20(word: String, code: String) {
        #expect(UnitCode(unit: word).code == code)
    }

    @Test func amountsAreWrittenWithTwoDecimalsRoundedHalfAwayFromZero() {
        #expect(Decimal(string: "1234.5")!.fixed() == "1234.50")
        #expect(Decimal(string: "0.005")!.fixed() == "0.01")
        #expect(Decimal(string: "-0.005")!.fixed() == "-0.01")
        #expect(Decimal(string: "-0.07")!.fixed() == "-0.07")
        #expect(Decimal(0).fixed() == "0.00")
        #expect(Decimal(string: "7000")!.fixed() == "7000.00")
        #expect(Decimal(250).plain == "250")
        #expect(Decimal(string: "20.5")!.plain == "20.5")
    }

    // MARK: Refusals

    private func firstInvoice() throws -> DataValue {
        try DataValue.parseJSON(Array(InvoiceFixtures.firstInvoiceJSON().utf8))
    }

    /// The first invoice with one field replaced (or removed, for nil).
    private func spoiled(_ path: [DataPath.Component], _ value: DataValue?) throws -> DataValue {
        try firstInvoice().replacing(path[...], with: value)
    }

    private func refusal(_ record: DataValue) -> LayoutError? {
        do {
            _ = try InvoiceFacts(record: record)
            return nil
        } catch {
            return error
        }
    }

    @Test func aLineNetThatIsNotQuantityTimesPriceIsRefused() throws {
        // items[1]: 250 × 326.66 = 81665.00
        let error = try #require(refusal(spoiled([.key("items"), .index(1), .key("net")], .string("81665.10"))))
        #expect(error.kind == .data)
        #expect(error.dataPath == "$.items[1].net")
        #expect(error.message.contains("250 × unit price 326.66 = 81665.00"))
        #expect(error.message.contains("off by +0.10"))
    }

    @Test func aBreakdownNetThatIsNotTheSumOfItsLinesIsRefused() throws {
        let record = try firstInvoice()
        guard case .string(let net)? = record["totals"].flatMap({ if case .array(let rows) = $0 { rows[0]["net"] } else { nil } }) else {
            Issue.record("no $.totals[0].net")
            return
        }
        let changed = (Decimal(string: net)! - 1).fixed()
        let error = try #require(refusal(record.replacing([.key("totals"), .index(0), .key("net")][...], with: .string(changed))))
        #expect(error.dataPath == "$.totals[0].net")
        #expect(error.message.contains("is not the sum of its lines' nets, \(net)"))
        #expect(error.message.contains("off by -1.00"))
    }

    @Test func aRateVATOffByMoreThanACentIsRefusedAndACentIsTolerated() throws {
        let record = try firstInvoice()
        func member(_ key: String) -> Decimal {
            guard case .array(let rows)? = record["totals"], case .string(let text)? = rows[0][key] else { return -1 }
            return Decimal(string: text)!
        }
        func total(_ key: String) -> Decimal {
            guard case .string(let text)? = record[key] else { return -1 }
            return Decimal(string: text)!
        }
        func shifted(by delta: Decimal) -> DataValue {
            record.replacing([.key("totals"), .index(0), .key("vat")][...], with: .string((member("vat") + delta).fixed()))
                .replacing([.key("totals"), .index(0), .key("gross")][...], with: .string((member("gross") + delta).fixed()))
                .replacing([.key("total_vat")][...], with: .string((total("total_vat") + delta).fixed()))
                .replacing([.key("total_gross")][...], with: .string((total("total_gross") + delta).fixed()))
        }
        #expect(refusal(shifted(by: Decimal(string: "0.01")!)) == nil)
        let error = try #require(refusal(shifted(by: Decimal(string: "-0.02")!)))
        #expect(error.dataPath == "$.totals[0].vat")
        #expect(error.message.contains("off by -0.02"))
    }

    @Test func aGrossTotalThatIsNotNetPlusVATIsRefused() throws {
        let error = try #require(refusal(spoiled([.key("total_gross")], .string("831771.99"))))
        #expect(error.dataPath == "$.total_gross")
        #expect(error.message.contains("is not total_net + total_vat = 831771.89"))
        #expect(error.message.contains("off by +0.10"))
    }

    @Test func aNetTotalThatIsNotTheBreakdownSumIsRefused() throws {
        // Net and gross both shifted, so net + VAT still equals gross: only the sum is off.
        let record = try spoiled([.key("total_net")], .string("723836.57"))
            .replacing([.key("total_gross")][...], with: .string("831772.89"))
        let error = try #require(refusal(record))
        #expect(error.dataPath == "$.total_net")
        #expect(error.message.contains("off by +1.00"))
    }

    @Test func aLineRateWithoutABreakdownRowIsRefused() throws {
        let error = try #require(refusal(spoiled([.key("items"), .index(0), .key("vat_rate")], .number(5))))
        #expect(error.dataPath == "$.items[0].vat_rate")
        #expect(error.message.contains("5 % has no row"))
    }

    @Test func missingAndWrongTypedFieldsNameTheirPath() throws {
        let missing = try #require(refusal(spoiled([.key("currency")], nil)))
        #expect(missing.kind == .missingField)
        #expect(missing.dataPath == "$.currency")
        let name = try #require(refusal(spoiled([.key("customer"), .key("name")], nil)))
        #expect(name.dataPath == "$.customer.name")
        let quantity = try #require(refusal(spoiled([.key("items"), .index(2), .key("quantity")], .string("two"))))
        #expect(quantity.kind == .wrongType)
        #expect(quantity.dataPath == "$.items[2].quantity")
        let items = try #require(refusal(spoiled([.key("items")], .string("none"))))
        #expect(items.dataPath == "$.items")
        #expect(items.message.contains("found text"))
        let date = try #require(refusal(spoiled([.key("issue_date")], .string("17.8.2026"))))
        #expect(date.dataPath == "$.issue_date")
        let february = try #require(refusal(spoiled([.key("due_date")], .string("2026-02-29"))))
        #expect(february.dataPath == "$.due_date")
        let statement = try #require(refusal(spoiled([.key("kind")], .string("statement"))))
        #expect(statement.dataPath == "$.kind")
    }
}

extension DataValue {
    /// This value with the member or element at `path` replaced by `value` (removed for nil).
    func replacing(_ path: ArraySlice<DataPath.Component>, with value: DataValue?) -> DataValue {
        guard let first = path.first else { return value ?? .null }
        switch (self, first) {
        case (.object(var members), .key(let key)):
            if path.count == 1, value == nil {
                members[key] = nil
            } else {
                members[key] = (members[key] ?? .null).replacing(path.dropFirst(), with: value)
            }
            return .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            elements[index] = elements[index].replacing(path.dropFirst(), with: value)
            return .array(elements)
        default:
            return self
        }
    }
}
