// Payment QR codes and barcodes end to end: `pressroom render` draws the bundled invoice over the
// sample records and the barcodes read back from the PDF (zbar, libdmtx) carry exactly the
// expected EPC QR and SPAYD payloads, Code 128 and Data Matrix data.
//
// zbarimg 0.23.92's `--xml` output, which pdfcheck reads, base64-encodes data holding bytes
// 0x80–0x9F (UTF-8 continuation bytes of ß, ř, ě, Ú…) with a sign-extension bug that turns
// them into 0xFF pairs; those payloads are read here with `zbarimg --raw` from a 300 dpi render
// instead (the symbol itself decodes correctly).
import Foundation
import Testing
import TestScratch

private enum Rendered {
    static let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

    /// Tests run in parallel: one renders a file while the others wait for it.
    static let lock = NSLock()

    /// Renders every record of a fixture file with the bundled invoice layout, once per process.
    static func invoices(_ file: String) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        let folder = Scratch.url("pressroom-payment-\(getpid())-\(file)")
        if FileManager.default.fileExists(atPath: folder.path) { return folder }
        let result = try ExternalTool.run(binary, ["render", "invoice", Samples.root + "/Fixtures/records/" + file,
                                                   "-o", folder.path, "--layouts", Samples.root + "/Layouts"])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw ExternalToolError.failed(command: "pressroom render invoice \(file)", status: result.status, output: result.errors)
        }
        return folder
    }

    /// Every barcode payload zbar finds on the PDF's last page, read raw (one symbol per page).
    static func rawQRPayload(_ pdf: String) throws -> String {
        let info = try ExternalTool.run("pdfinfo", [pdf]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 1
        let prefix = Scratch.url("pressroom-zbar-\(UUID().uuidString)").path
        let render = try ExternalTool.run("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", "-f", "\(pages)", "-l", "\(pages)", pdf, prefix])
        guard render.status == 0 else { throw ExternalToolError.failed(command: "pdftoppm \(pdf)", status: render.status, output: render.errors) }
        defer { try? FileManager.default.removeItem(atPath: prefix + ".png") }
        let result = try ExternalTool.run("zbarimg", ["--quiet", "--raw", prefix + ".png"])
        var payload = result.output
        if payload.hasSuffix("\n") { payload.removeLast() }
        return payload
    }
}

/// The QR code on the invoice decodes, through pdfcheck, to exactly `payload`.
@Test(arguments: [
    // CZK, CZ seller with Š ť ý in the name, amount with decimals, invoice number in MSG.
    ("invoices.jsonl", "FV-2026-000002",
     "SPD*1.0*ACC:CZ1103864762948726986479*AM:82901.27*CC:CZK*DT:20260809*MSG:FV-2026-000002*RN:Pekárna U Šťastných s.r.o."),
    // EUR to a German account, umlaut in the name, amount with decimals.
    ("invoices.jsonl", "FV-2026-000006",
     "BCD\n002\n1\nSCT\n\nSchröder Logistik AG\nDE92348856638517258058\nEUR7002.61\n\n\nFV-2026-000006"),
    // EUR, a whole amount (1190.00 → EUR1190), & and umlauts in the name.
    ("payment-invoices.jsonl", "RE-2026-0042",
     "BCD\n002\n1\nSCT\n\nMüller & Söhne KG\nDE89370400440532013000\nEUR1190\n\n\nRE-2026-0042"),
])
func invoiceQRDecodesToThePaymentPayload(file: String, number: String, payload: String) throws {
    let pdf = try Rendered.invoices(file).appendingPathComponent(number + ".pdf").path
    let result = try PDFCheck.run(pdf, ["--barcodes", "--dmtx-timeout", "500", "--expect-barcode", payload], renderCompare: false)
    #expect(result.passed, "\(result.output)")
}

/// Payloads with UTF-8 bytes zbar's XML output mangles (see the header), read raw.
@Test(arguments: [
    // EUR, ß in the name.
    ("invoices.jsonl", "FV-2026-000009",
     "BCD\n002\n1\nSCT\n\nWeiß Druckerei GmbH\nDE22062979399651616642\nEUR491.30\n\n\nFV-2026-000009"),
    // CZK, ř and ž in the name, the QR on the last of several pages.
    ("invoices.jsonl", "FV-2026-000001",
     "SPD*1.0*ACC:CZ3053144564427104134570*AM:831771.89*CC:CZK*DT:20261016*MSG:FV-2026-000001*RN:Strojírny Křižík a.s."),
    // CZK, a whole amount, a numeric invoice number as the variable symbol, `*` in the name escaped.
    ("payment-invoices.jsonl", "2026000123",
     "SPD*1.0*ACC:CZ6508000000192000145399*AM:2420*CC:CZK*DT:20260930*RN:Tiskárna %2AHvězda%2A s.r.o.*X-VS:2026000123"),
    // EUR to an Austrian account, é ö ß in the name.
    ("payment-invoices.jsonl", "AT-2026-7",
     "BCD\n002\n1\nSCT\n\nCafé Größenwahn GmbH\nAT611904300234573201\nEUR119.40\n\n\nAT-2026-7"),
])
func invoiceQRDecodesToThePaymentPayloadRead(file: String, number: String, payload: String) throws {
    let pdf = try Rendered.invoices(file).appendingPathComponent(number + ".pdf").path
    #expect(try Rendered.rawQRPayload(pdf) == payload)
}

/// Invoices in currencies without a payment code standard render, without a QR code.
@Test func invoicesInOtherCurrenciesHaveNoQRCode() throws {
    let pdf = try Rendered.invoices("invoices.jsonl").appendingPathComponent("FV-2026-000004.pdf").path  // PLN
    #expect(try Rendered.rawQRPayload(pdf) == "")
}

/// A Code 128 and a Data Matrix from a small layout decode to their data.
@Test func code128AndDataMatrixDecode() throws {
    let folder = Scratch.url("pressroom-codes-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(atPath: Samples.root + "/Layouts", toPath: folder.path)
    try """
    layout: codes
    theme: brand
    title: "Codes {{ number }}"
    page:
      first:
        body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
    flow:
      - barcode: { type: code128, data: "{{ number }}", size: [70mm, 15mm] }
      - text: "{{ number }}"
      - barcode: { type: datamatrix, data: "{{ number }}/{{ customer.name }}", size: [20mm, 20mm] }
        space-before: 10mm
    """.write(to: folder.appendingPathComponent("codes.yaml"), atomically: true, encoding: .utf8)
    let records = folder.appendingPathComponent("codes.jsonl")
    try #"{"number": "PR-2026-0001", "customer": {"name": "Mailroom 7"}}"#.write(to: records, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out")
    let result = try ExternalTool.run(Rendered.binary, ["render", folder.appendingPathComponent("codes.yaml").path, records.path, "-o", out.path])
    #expect(result.status == 0, "\(result.errors)")
    let pdf = try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".pdf") }.map { out.appendingPathComponent($0).path }
    let check = try PDFCheck.run(try #require(pdf), ["--barcodes", "--expect-barcode", "PR-2026-0001",
                                                     "--expect-barcode", "PR-2026-0001/Mailroom 7"], renderCompare: false)
    #expect(check.passed, "\(check.output)")
}
