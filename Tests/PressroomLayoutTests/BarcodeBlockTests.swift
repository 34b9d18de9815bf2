// The `barcode` block: its keys (a typo gets the near key, payment fields only with
// `type: payment-qr`), and payment errors at the field's line with the record's JSON path.
import Foundation
import PressroomText
import Testing
@testable import PressroomLayout

private func barcodeError(_ barcode: String) throws -> LayoutError {
    let folder = try LayoutsFolder(["test.yaml": """
        layout: a
        theme: t
        flow:
          - barcode: \(barcode)
        """])
    return try #require(try folder.layoutError("test"))
}

@Test func aTypoInAPaymentFieldGetsTheNearKey() throws {
    let error = try barcodeError(#"{ type: payment-qr, ibna: "x", amount: "1", currency: EUR, name: N, size: [26mm, 26mm] }"#)
    #expect(error.kind == .unknownKey && error.message.contains("did you mean `iban`?"), "\(error)")
    let type = try barcodeError(#"{ type: qrr, data: "x", size: [26mm, 26mm] }"#)
    #expect(type.message.contains("did you mean `qr`?"), "\(type)")
}

@Test func paymentFieldsBelongToPaymentQROnly() throws {
    let stray = try barcodeError(#"{ type: qr, data: "x", iban: "x", size: [26mm, 26mm] }"#)
    #expect(stray.kind == .unknownKey && stray.message.contains("`iban` is a field of `type: payment-qr`"), "\(stray)")
    let data = try barcodeError(#"{ type: payment-qr, data: "x", iban: "x", amount: "1", currency: EUR, name: N, size: [26mm, 26mm] }"#)
    #expect(data.message.contains("remove `data:`"), "\(data)")
    let missing = try barcodeError(#"{ type: payment-qr, iban: "x", amount: "1", currency: EUR, size: [26mm, 26mm] }"#)
    #expect(missing.message.contains("needs `name:`"), "\(missing)")
}

private let layoutsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Layouts").path
private let invoices = URL(fileURLWithPath: layoutsFolder).deletingLastPathComponent().appendingPathComponent("Fixtures/records/invoices.jsonl").path

/// The bundled invoice for the second sample record (CZK, CZ seller) with `edit` applied to its JSON.
private func renderInvoice(_ edit: (String) -> String) throws {
    let library = try LayoutLibrary(directory: layoutsFolder)
    let layout = try library.layout(named: "invoice")
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                        registry: try FontRegistry.bundled())
    let line = try String(contentsOfFile: invoices, encoding: .utf8).split(separator: "\n")[1]
    _ = try renderer.pages(for: try DataValue.parseJSON(Array(edit(String(line)).utf8)))
}

@Test func aBadIBANNamesTheComponentLineAndTheRecordPath() throws {
    do {
        try renderInvoice { $0.replacingOccurrences(of: "CZ11 0386 4762", with: "CZ12 0386 4762") }
        Issue.record("a wrong IBAN rendered")
    } catch let error as LayoutError {
        #expect(error.kind == .invalidValue)
        #expect(error.dataPath == "$.seller.iban", "\(error)")
        #expect(error.location?.file.hasSuffix("payment-block.yaml") == true, "\(error)")
        #expect(error.message.contains("wrong check digits"), "\(error)")
    }
}

@Test func anAmountWithThreeDecimalsIsAnError() throws {
    do {
        try renderInvoice { $0.replacingOccurrences(of: #""total_gross":"82901.27""#, with: #""total_gross":"82901.275""#) }
        Issue.record("three decimals rendered")
    } catch let error as LayoutError {
        #expect(error.dataPath == "$.total_gross", "\(error)")
        #expect(error.message.contains("more than two decimals"), "\(error)")
    }
}

@Test func aPayeeNameTooLongForSPAYDIsAnError() throws {
    do {
        try renderInvoice { $0.replacingOccurrences(of: #""name":"Pekárna U Šťastných s.r.o.","address""#,
                                                     with: #""name":"Pekárna U Šťastných a synů, výrobní družstvo s.r.o.","address""#) }
        Issue.record("a long name rendered")
    } catch let error as LayoutError {
        #expect(error.dataPath == "$.seller.name", "\(error)")
        #expect(error.message.contains("over the limit of 35"), "\(error)")
    }
}

@Test func dataACode128CannotCarryIsAnErrorAtTheDataWithItsPath() throws {
    let folder = try LayoutsFolder([
        "themes/brand.yaml": LayoutsFolder.brandTheme,
        "codes.yaml": """
            layout: codes
            theme: brand
            page:
              first:
                body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
            flow:
              - barcode: { type: code128, data: "{{ customer.name }}", size: [60mm, 15mm] }
            """,
    ])
    let library = try folder.library()
    let layout = try library.layout(named: "codes")
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                        registry: try FontRegistry.bundled())
    _ = try renderer.pages(for: try DataValue.parseJSON(Array(#"{"customer": {"name": "Mailroom 7"}}"#.utf8)))
    do {
        _ = try renderer.pages(for: try DataValue.parseJSON(Array(#"{"customer": {"name": "Пошта"}}"#.utf8)))
        Issue.record("Cyrillic in a Code 128 rendered")
    } catch {  // typed: pages(for:) throws LayoutError
        let summary = error.description
        #expect(error.kind == .invalidValue)
        #expect(error.dataPath == "$.customer.name", "\(summary)")
        #expect(error.location?.line == 7, "\(summary)")
        #expect(error.message.hasPrefix("the data cannot be encoded as a Code 128: "), "\(summary)")
    }
}
