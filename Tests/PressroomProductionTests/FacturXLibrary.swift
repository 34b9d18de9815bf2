// Judges CII XML with the Python factur-x library (akretion/factur-x): its XSD check per profile,
// its profile detection from the guideline URN, and a few XPath reads through lxml, for many
// files in one python3 run. A missing library is a failure, never a skip.
import Foundation
import TestScratch

struct FacturXVerdict: Decodable {
    var valid: Bool
    /// The library's message when the XSD check fails.
    var error: String?
    /// `facturx.get_level`: "minimum", "basic", "en16931".
    var level: String?
    var values: [String: [String]]
}

enum FacturXLibrary {
    /// XPaths read from every file, by name.
    static let xpaths: [String: String] = [
        "number": "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID/text()",
        "type": "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode/text()",
        "issue": "//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString/text()",
        "currency": "//ram:InvoiceCurrencyCode/text()",
        "lines": "//ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument/ram:LineID/text()",
        "lineNets": "//ram:IncludedSupplyChainTradeLineItem//ram:LineTotalAmount/text()",
        "buyer": "//ram:BuyerTradeParty/ram:Name/text()",
        "seller": "//ram:SellerTradeParty/ram:Name/text()",
        "sellerVAT": "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']/text()",
        "iban": "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID/text()",
        "paymentMeans": "//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode/text()",
        "due": "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString/text()",
        "lineTotal": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount/text()",
        "taxBasis": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxBasisTotalAmount/text()",
        "taxTotal": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount/text()",
        "taxCurrency": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount/@currencyID",
        "grandTotal": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount/text()",
        "duePayable": "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount/text()",
        "breakdownVAT": "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CalculatedAmount/text()",
        "breakdownNet": "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:BasisAmount/text()",
        "breakdownCategory": "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()",
    ]

    static let script = """
    import json, sys
    import facturx
    from lxml import etree
    manifest, result_path = sys.argv[1], sys.argv[2]
    jobs = json.load(open(manifest, encoding="utf-8"))
    ns = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
          "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
          "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}
    results = []
    for job in jobs:
        data = open(job["path"], "rb").read()
        out = {"valid": False, "values": {}}
        try:
            facturx.xml_check_xsd(data, flavor="factur-x", level=job["level"])
            out["valid"] = True
        except Exception as error:
            out["error"] = str(error)
        try:
            root = etree.fromstring(data)
            out["level"] = facturx.get_level(root, "factur-x")
            for name, path in job["xpaths"].items():
                out["values"][name] = [str(v) for v in root.xpath(path, namespaces=ns)]
        except Exception as error:
            out["error"] = (out.get("error") or "") + " / lxml: " + str(error)
        results.append(out)
    json.dump(results, open(result_path, "w", encoding="utf-8"), ensure_ascii=False)
    """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks each (xml, profile level) with the library's XSD for that level; one verdict per input, in order.
    static func check(_ documents: [(xml: [UInt8], level: String)]) throws -> [FacturXVerdict] {
        let directory = Scratch.root
            .appendingPathComponent("pressroom-facturx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var jobs: [[String: Any]] = []
        for (index, document) in documents.enumerated() {
            let url = directory.appendingPathComponent("invoice-\(index)-\(document.level).xml")
            try Data(document.xml).write(to: url)
            jobs.append(["path": url.path, "level": document.level, "xpaths": xpaths])
        }
        let manifest = directory.appendingPathComponent("manifest.json")
        let result = directory.appendingPathComponent("result.json")
        let errors = directory.appendingPathComponent("stderr.txt")
        try JSONSerialization.data(withJSONObject: jobs).write(to: manifest)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, manifest.path, result.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "python3 with the factur-x library failed (status \(process.terminationStatus)); is `pip install factur-x` done? \(message.suffix(2000))")
        }
        return try JSONDecoder().decode([FacturXVerdict].self, from: Data(contentsOf: result))
    }
}
