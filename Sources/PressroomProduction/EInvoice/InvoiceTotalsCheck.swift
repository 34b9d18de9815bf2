// The arithmetic an invoice must satisfy before any e-invoice is written (EN 16931 BR-CO-10…17
// in the record's terms). Each failure is a LayoutError naming the record field that is off,
// what it should be and by how much.
import Foundation
import PressroomLayout

struct InvoiceTotalsCheck {
    /// A rate's VAT may differ from round(net × rate / 100) by this much: tax authorities accept a
    /// cent either way, and invoices that sum per-line VAT land there.
    static let vatTolerance = Decimal(string: "0.01")!

    let facts: InvoiceFacts

    /// Throws the first failure, in this order:
    /// 1. each line: net = round(quantity × unit price, 2 decimals, half away from zero), exactly
    ///    (tolerance 0: the record writes the rounded product);
    /// 2. each line's VAT rate has a row in the breakdown, and no rate has two rows;
    /// 3. each breakdown row: net = the sum of its lines' nets (exact), VAT = round(net × rate / 100)
    ///    within 0.01, gross = net + VAT (exact);
    /// 4. total_gross = total_net + total_vat (exact), then total_net, total_vat, total_gross =
    ///    the sums of the breakdown's nets, VATs and grosses (exact).
    func run() throws(LayoutError) {
        for (index, line) in facts.lines.enumerated() {
            let expected = (line.quantity * line.unitPrice).roundedHalfUp()
            if line.net != expected {
                throw mismatch("$.items[\(index)].net",
                               "the line's net \(line.net.fixed()) is not quantity \(line.quantity.plain) × unit price \(line.unitPrice.plain) = \(expected.fixed())",
                               line.net - expected)
            }
        }
        // Keyed by the rate's digits, so 21 and 21.00 are one rate whatever Decimal's hashing does.
        var rowOfRate: [String: Int] = [:]
        for (index, row) in facts.vatBreakdown.enumerated() {
            if let first = rowOfRate[row.rate.plain] {
                throw LayoutError(.data, "VAT rate \(row.rate.plain) % has two rows in the breakdown (also $.totals[\(first)]); merge them",
                                  dataPath: "$.totals[\(index)].vat_rate")
            }
            rowOfRate[row.rate.plain] = index
        }
        var linesNet: [String: Decimal] = [:]
        for (index, line) in facts.lines.enumerated() {
            guard rowOfRate[line.vatRate.plain] != nil else {
                let rates = facts.vatBreakdown.map { $0.rate.plain + " %" }.joined(separator: ", ")
                throw LayoutError(.data, "the line's VAT rate \(line.vatRate.plain) % has no row in the breakdown $.totals (which has \(rates.isEmpty ? "no rows" : rates))",
                                  dataPath: "$.items[\(index)].vat_rate")
            }
            linesNet[line.vatRate.plain, default: 0] += line.net
        }
        for (index, row) in facts.vatBreakdown.enumerated() {
            let path = "$.totals[\(index)]"
            let net = linesNet[row.rate.plain] ?? 0
            if row.net != net {
                throw mismatch(path + ".net", "the \(row.rate.plain) % net \(row.net.fixed()) is not the sum of its lines' nets, \(net.fixed())", row.net - net)
            }
            let vat = (row.net * row.rate / 100).roundedHalfUp()
            if (row.vat - vat).magnitude > Self.vatTolerance {
                throw mismatch(path + ".vat", "the \(row.rate.plain) % VAT \(row.vat.fixed()) is not \(row.net.fixed()) × \(row.rate.plain) % = \(vat.fixed()) (0.01 tolerated)", row.vat - vat)
            }
            if row.gross != row.net + row.vat {
                throw mismatch(path + ".gross", "the \(row.rate.plain) % gross \(row.gross.fixed()) is not net + VAT = \((row.net + row.vat).fixed())", row.gross - row.net - row.vat)
            }
        }
        if facts.totalGross != facts.totalNet + facts.totalVAT {
            throw mismatch("$.total_gross", "total_gross \(facts.totalGross.fixed()) is not total_net + total_vat = \((facts.totalNet + facts.totalVAT).fixed())",
                           facts.totalGross - facts.totalNet - facts.totalVAT)
        }
        for (field, value, sum) in [("total_net", facts.totalNet, facts.vatBreakdown.reduce(0) { $0 + $1.net }),
                                    ("total_vat", facts.totalVAT, facts.vatBreakdown.reduce(0) { $0 + $1.vat }),
                                    ("total_gross", facts.totalGross, facts.vatBreakdown.reduce(0) { $0 + $1.gross })] where value != sum {
            throw mismatch("$." + field, "\(field) \(value.fixed()) is not the sum of the VAT breakdown $.totals, \(sum.fixed())", value - sum)
        }
    }

    private func mismatch(_ path: String, _ what: String, _ difference: Decimal) -> LayoutError {
        let sign = difference > 0 ? "+" : ""
        return LayoutError(.data, "\(what): off by \(sign)\(difference.fixed()); correct the record before writing an e-invoice",
                           dataPath: path)
    }
}
