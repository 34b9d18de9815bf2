// The bundled invoice records (Fixtures/records/invoices.jsonl and invoice-edge-cases.jsonl),
// parsed with the layout's exact-decimal JSON reader, and single records to spoil for refusals.
import Foundation
import PressroomLayout

enum InvoiceFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let files = ["invoices.jsonl", "invoice-edge-cases.jsonl"]

    struct Record {
        var name: String
        var value: DataValue
    }

    /// Every record in the two files whose kind is an invoice or credit note.
    static func all() throws -> [Record] {
        var records: [Record] = []
        for file in files {
            let url = repository.appendingPathComponent("Fixtures/records").appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            for (index, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
                let value = try DataValue.parseJSON(Array(line.utf8))
                guard case .string(let kind)? = value["kind"], ["invoice", "credit_note"].contains(kind) else { continue }
                records.append(Record(name: "\(file):\(index + 1)", value: value))
            }
        }
        return records
    }

    /// The first invoice of invoices.jsonl as JSON text, to edit before parsing.
    static func firstInvoiceJSON() throws -> String {
        let url = repository.appendingPathComponent("Fixtures/records/invoices.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return String(text.split(separator: "\n")[0])
    }
}
