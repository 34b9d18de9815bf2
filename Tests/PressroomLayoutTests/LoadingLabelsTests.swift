// The bundled labels (Layouts/labels/*.yaml): each loads, names its language, and has every key
// that invoices, statements and letters print, the same keys in every language.
import Foundation
import Testing
@testable import PressroomLayout

private let labelsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Layouts/labels").standardizedFileURL.path

private func bundledLabels(_ language: String) throws -> LabelLoader.Labels {
    try LabelLoader.labels(try YAMLDocument.read(path: "\(labelsFolder)/\(language).yaml", file: "labels/\(language).yaml"))
}

/// The words the layouts print, by the lead's list.
private let requiredKeys = """
    invoice credit_note statement letter invoice_number statement_number issue_date due_date period_end customer_id
    currency account supplier bill_to account_holder attention vat_id iban description quantity unit unit_price
    vat_rate net_amount amount balance date reference base vat total_net total_vat total_due opening_balance credits
    debits closing_balance carried_forward brought_forward page of payment payment_reference pay_by bank_transfer_to
    thank_you no_items credit_note_note regards page_continued subject dear net
    """.split(whereSeparator: \.isWhitespace).map(String.init)

@Test(arguments: ["en", "cs", "de", "pl", "uk", "sr"])
func bundledLabelsHaveEveryKey(language: String) throws {
    let labels = try bundledLabels(language)
    #expect(labels.language == language)
    let english = try bundledLabels("en")
    #expect(Set(labels.texts.keys) == Set(english.texts.keys))
    #expect(Set(requiredKeys).subtracting(labels.texts.keys).isEmpty)
    #expect(labels.texts.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
}

@Test func serbianIsWrittenInCyrillic() throws {
    let serbian = try bundledLabels("sr")
    let latinLetters = serbian.texts.filter { key, text in
        !["iban", "bic"].contains(key) && text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }
    #expect(latinLetters.isEmpty, "\(latinLetters)")
}

@Test func theBundledLabelsLoadIntoTheLibrary() throws {
    let folder = URL(fileURLWithPath: labelsFolder).deletingLastPathComponent().path
    let scratch = try LayoutsFolder([:])
    try FileManager.default.copyItem(atPath: "\(folder)/labels", toPath: "\(scratch.path)/labels")
    _ = try scratch.library()
}
