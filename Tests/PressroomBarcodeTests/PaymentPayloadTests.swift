// EPC QR and SPAYD payload strings, their limits, and which standard a payment gets.
import PressroomBarcode
import Testing

private let germanIBAN = "DE89 3704 0044 0532 0130 00"
private let czechIBAN = "CZ65 0800 0000 1920 0014 5399"

@Test func epcWithDecimalsAndUnstructuredText() throws {
    let epc = try EPCPayload(name: "Müller & Söhne", iban: IBAN(germanIBAN), amount: PaymentAmount("1234.5"),
                             remittance: .unstructured("Invoice 2026-001"))
    #expect(epc.text == "BCD\n002\n1\nSCT\n\nMüller & Söhne\nDE89370400440532013000\nEUR1234.50\n\n\nInvoice 2026-001")
}

@Test func epcWholeAmountStopsAfterTheLastElement() throws {
    let epc = try EPCPayload(name: "Max Mustermann", iban: IBAN(germanIBAN), amount: PaymentAmount("99"))
    #expect(epc.text == "BCD\n002\n1\nSCT\n\nMax Mustermann\nDE89370400440532013000\nEUR99")
    #expect(try PaymentAmount("99.00").text == "99")
    #expect(try PaymentAmount("0.07").text == "0.07")
    #expect(try PaymentAmount("12.340").text == "12.34")
}

@Test func epcStructuredReferenceAndBIC() throws {
    let epc = try EPCPayload(name: "Weiß Druckerei GmbH", iban: IBAN(germanIBAN), bic: "cobadeffxxx", amount: PaymentAmount("491.30"),
                             remittance: .structured("RF18 5390 0754 7034"), information: "Danke")
    #expect(epc.text == "BCD\n002\n1\nSCT\nCOBADEFFXXX\nWeiß Druckerei GmbH\nDE89370400440532013000\nEUR491.30\n\nRF18539007547034\n\nDanke")
}

@Test func epcLimits() throws {
    let iban = try IBAN(germanIBAN)
    #expect(throws: PaymentError.self) { try EPCPayload(name: String(repeating: "A", count: 71), iban: iban, amount: nil) }
    _ = try EPCPayload(name: String(repeating: "Ä", count: 70), iban: iban, amount: nil)
    #expect(throws: PaymentError.self) { try EPCPayload(name: "", iban: iban, amount: nil) }
    #expect(throws: PaymentError.self) { try EPCPayload(name: "X", iban: iban, amount: PaymentAmount("1000000000")) }
    #expect(throws: PaymentError.self) { try EPCPayload(name: "X", iban: iban, amount: nil, remittance: .unstructured(String(repeating: "r", count: 141))) }
    #expect(throws: PaymentError.self) { try EPCPayload(name: "X", iban: iban, amount: nil, remittance: .structured("RF19 5390 0754 7034")) }
    #expect(throws: PaymentError.self) { try EPCPayload(name: "X", iban: iban, bic: "NOTABIC", amount: nil) }
    // 70 three-byte characters in the name and 140 in the text pass the character limits but not 331 bytes.
    do {
        _ = try EPCPayload(name: String(repeating: "€", count: 70), iban: iban, amount: nil,
                           remittance: .unstructured(String(repeating: "€", count: 140)))
        Issue.record("over 331 bytes")
    } catch {
        #expect(error == .payloadTooLong(standard: "EPC QR", bytes: 672, limit: 331))
    }
}

@Test func amountsAreCheckedWithClearErrors() {
    for bad in ["12.345", "1,50", "", "-5", "0", "0.00", "1e3", "EUR 5", "12."] {
        #expect(throws: PaymentError.self, "\(bad)") { try PaymentAmount(bad) }
    }
    do { _ = try PaymentAmount("12.345") } catch {
        #expect(error.field == .amount && error.description.contains("more than two decimals"))
    }
}

@Test func ibanIsNormalisedAndChecked() throws {
    #expect(try IBAN("cz65 0800 0000 1920 0014 5399").text == "CZ6508000000192000145399")
    #expect(try IBAN(czechIBAN).country == "CZ")
    #expect(throws: PaymentError.invalid(.iban, "the IBAN `CZ66 0800 0000 1920 0014 5399` has wrong check digits (ISO 13616); look for a mistyped digit")) {
        try IBAN("CZ66 0800 0000 1920 0014 5399")
    }
    #expect(throws: PaymentError.self) { try IBAN("12345") }
}

@Test func spaydWithVariableSymbolAndCzechName() throws {
    let spayd = try SPAYDPayload(iban: IBAN(czechIBAN), amount: PaymentAmount("799.5"), due: "2022-10-01",
                                 recipientName: "Pekárna U Šťastných s.r.o.", variableSymbol: "9562231077")
    #expect(spayd.text == "SPD*1.0*ACC:CZ6508000000192000145399*AM:799.50*CC:CZK*DT:20221001*RN:Pekárna U Šťastných s.r.o.*X-VS:9562231077")
}

@Test func spaydEscapesStarsAndAddsBIC() throws {
    let spayd = try SPAYDPayload(iban: IBAN(czechIBAN), bic: "GIBACZPX", amount: PaymentAmount("100"), message: "Faktura *7* 2026",
                                 recipientName: "Star*Print s.r.o.")
    #expect(spayd.text == "SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:100*CC:CZK*MSG:Faktura %2A7%2A 2026*RN:Star%2APrint s.r.o.")
}

@Test func spaydLimits() throws {
    let iban = try IBAN(czechIBAN)
    #expect(throws: PaymentError.self) { try SPAYDPayload(iban: iban, amount: nil, recipientName: String(repeating: "a", count: 36)) }
    #expect(throws: PaymentError.self) { try SPAYDPayload(iban: iban, amount: nil, message: String(repeating: "m", count: 61)) }
    #expect(throws: PaymentError.self) { try SPAYDPayload(iban: iban, amount: nil, variableSymbol: "12345678901") }
    #expect(throws: PaymentError.self) { try SPAYDPayload(iban: iban, amount: nil, due: "16.10.2026") }
    #expect(throws: PaymentError.self) { try SPAYDPayload(iban: iban, amount: PaymentAmount("12345678901")) }
}

@Test func paymentCodeChoosesEPCForEuroToSEPA() throws {
    let code = try PaymentCode(PaymentRequest(iban: "DE92 3488 5663 8517 2580 58", amount: "7002.61", currency: "eur",
                                              name: "Schröder Logistik AG", reference: "FV-2026-000006", message: "Danke"))
    guard case .epc = code else { Issue.record("EPC expected"); return }
    #expect(code.payload == "BCD\n002\n1\nSCT\n\nSchröder Logistik AG\nDE92348856638517258058\nEUR7002.61\n\n\nFV-2026-000006 Danke")
    // A Czech account paid in euros is still SEPA.
    guard case .epc = try PaymentCode(PaymentRequest(iban: czechIBAN, amount: "1", currency: "EUR", name: "X")) else {
        Issue.record("EPC expected for EUR to CZ"); return
    }
}

@Test func paymentCodeChoosesSPAYDForCrowns() throws {
    let numeric = try PaymentCode(PaymentRequest(iban: czechIBAN, amount: "82901.27", currency: "CZK", name: "Strojírny Křižík a.s.",
                                                 reference: "2026000002", due: "2026-08-09"))
    #expect(numeric.payload == "SPD*1.0*ACC:CZ6508000000192000145399*AM:82901.27*CC:CZK*DT:20260809*RN:Strojírny Křižík a.s.*X-VS:2026000002")
    let text = try PaymentCode(PaymentRequest(iban: czechIBAN, amount: "500", currency: "CZK", name: "Účetnictví Dvořák s.r.o.",
                                              reference: "FV-2026-000011", due: "2026-07-12"))
    #expect(text.payload == "SPD*1.0*ACC:CZ6508000000192000145399*AM:500*CC:CZK*DT:20260712*MSG:FV-2026-000011*RN:Účetnictví Dvořák s.r.o.")
}

@Test func otherPaymentsHaveNoStandard() {
    #expect(throws: PaymentError.noStandard(currency: "PLN", country: "PL")) {
        try PaymentCode(PaymentRequest(iban: "PL17 8885 2421 7555 9416 4664 5973", amount: "5", currency: "PLN", name: "X"))
    }
    #expect(throws: PaymentError.noStandard(currency: "EUR", country: "RS")) {
        try PaymentCode(PaymentRequest(iban: "RS76 6290 4725 8576 1948 35", amount: "5", currency: "EUR", name: "X"))
    }
}

@Test func paymentQRCodesEncode() throws {
    let code = try PaymentCode(PaymentRequest(iban: czechIBAN, amount: "1", currency: "CZK", name: "Pekárna U Šťastných s.r.o."))
    let symbol = try code.symbol()
    #expect(symbol.columns >= 21 && symbol.columns <= 69)
}

/// An amount too large for a payment code says so and names the limit, instead of calling a
/// number "not a decimal number"; a huge value is cut in the message.
@Test func anAmountTooLargeIsToldAsSuch() throws {
    do {
        _ = try PaymentAmount("1000000000000000")
        Issue.record("10^15 was accepted")
    } catch {
        #expect("\(error)".contains("too large") && "\(error)".contains("999,999,999.99") && !"\(error)".contains("not a decimal"), "\(error)")
    }
    #expect(try PaymentAmount("000123.40").text == "123.40", "leading zeros are not digits too many")
    do {
        _ = try PaymentAmount(String(repeating: "9", count: 2_000_000))
        Issue.record("two million digits were accepted")
    } catch {
        #expect("\(error)".count < 300, "the value is cut in the message")
    }
}
