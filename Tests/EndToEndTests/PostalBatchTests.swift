// Postal batches end to end, through the command line: the bundled profiles on the bundled
// layouts. The manifest agrees with the print file (pieces, sheets, pages, weight by class); the
// sort order holds (domestic by postcode, then international by country); every sheet's Data
// Matrix (decoded by libdmtx) and OMR marks (read back from a raster by Tests/Tools/
// inserter_read.py) give the piece, sheet k of n, the wrap-around sequence, parity and end of
// collation; the file passes pdfcheck as PDF/X-4 with bleed; checksums and ticket agree; records
// that cannot be mailed are listed with their number and reason while the batch completes.
import Foundation
import PressroomLayout
import Testing
import TestScratch

enum PostalSamples {
    static let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path

    static func folder(_ name: String) -> String {
        let url = Scratch.url("pressroom-post-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        return url.path
    }

    static func batch(_ arguments: [String]) throws -> ToolOutput {
        try ExternalTool.run(binary, ["batch"] + arguments + ["--date", "2026-12-04"], mergeErrors: true)
    }

    struct Row {
        var fields: [String: String]
        subscript(_ key: String) -> String { fields[key] ?? "" }
        func int(_ key: String) -> Int { Int(self[key]) ?? -1 }
    }

    /// The manifest's rows (RFC 4180, as written: quoted fields may hold commas).
    static func manifest(_ folder: String) throws -> [Row] {
        let text = try String(contentsOfFile: folder + "/manifest.csv", encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            var fields: [String] = [], field = "", quoted = false
            var characters = Array(line)[...]
            while let character = characters.popFirst() {
                if quoted {
                    if character == "\"" {
                        if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                    } else { field.append(character) }
                } else if character == "\"" { quoted = true } else if character == "," { fields.append(field); field = "" } else { field.append(character) }
            }
            fields.append(field)
            return Row(fields: Dictionary(uniqueKeysWithValues: zip(header, fields)))
        }
    }

    static func json(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func pageCount(_ pdf: String) throws -> Int {
        let info = try ExternalTool.run("pdfinfo", [pdf]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    /// Each page's OMR bits and Data Matrix, as the bundled profiles place them.
    static func inserterMarks(_ pdf: String) throws -> [(page: Int, bits: [Int], datamatrix: String)] {
        let tool = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/inserter_read.py").path
        let result = try ExternalTool.run("python3", [tool, pdf, "--top", "30", "--pitch", "4.23", "--positions", "8", "--inset", "5", "--length", "10",
                                                      "--dm-x", "4", "--dm-y", "240", "--dm-size", "16"])
        return result.output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["page"] as? Int ?? 0, object["bits"] as? [Int] ?? [], object["datamatrix"] as? String ?? (object["error"] as? String ?? ""))
        }
    }

    /// What the reader must see on the front of the run's sheet `sheet` (1-based), piece sheet k of n:
    /// benchmark, begin, end, sequence 1–3, parity, safety.
    static func expectedBits(sheet: Int, k: Int, n: Int) -> [Int] {
        let sequence = sheet % 8
        var bits = [1, k == 1 ? 1 : 0, k == n ? 1 : 0, sequence & 1, (sequence >> 1) & 1, (sequence >> 2) & 1, 0, 1]
        bits[6] = bits.reduce(0, +) % 2
        return bits
    }
}

/// Statements (several sheets each, one domestic) with Deutsche Post, simplex, and two records
/// that cannot go: one without a postcode, one broken line.
@Test func postalBatchAgreesWithItsPrintFile() throws {
    let folder = PostalSamples.folder("statements")
    let data = folder + ".jsonl"
    let statements = try String(contentsOfFile: Samples.root + "/Fixtures/records/statements.jsonl", encoding: .utf8)
    try (statements + #"{"kind":"statement","customer":{"name":"No Postcode GmbH","address":["Hauptstraße 1"],"country":"DE"}}"# + "\n{broken\n")
        .write(toFile: data, atomically: true, encoding: .utf8)
    let run = try PostalSamples.batch(["statement", data, "--post", "deutsche-post", "-o", folder, "--job", "stmt-test"])
    #expect(run.status == 1, "some records were left out: \(run.output)")
    #expect(run.output.contains("record 4: $.customer.postcode"), "\(run.output)")
    #expect(run.output.contains("record 5: \(data):5:"), "\(run.output)")

    let rows = try PostalSamples.manifest(folder)
    let pdf = folder + "/stmt-test.pdf"
    #expect(rows.count == 3)
    // Sorted: the domestic piece first, then international by country.
    #expect(rows.map { $0["country"] } == ["DE", "CZ", "UA"])
    #expect(rows.map { $0["zone"] } == ["domestic", "international", "international"])
    #expect(rows.map { $0.int("piece") } == [1, 2, 3])
    // Sheets run on from piece to piece; simplex, a sheet a page.
    var next = 1
    for row in rows {
        #expect(row.int("first_sheet") == next && row.int("last_sheet") == next + row.int("sheets") - 1)
        #expect(row.int("sheets") == row.int("pages"))
        next += row.int("sheets")
    }
    let sheets = rows.reduce(0) { $0 + $1.int("sheets") }
    #expect(try PostalSamples.pageCount(pdf) == sheets)
    // Envelopes and classes by sheet count and weight: up to 5 sheets DL, then C5.
    for row in rows {
        #expect(row["envelope"] == (row.int("sheets") <= 5 ? "DL" : "C5"), "\(row.fields)")
        let weight = Double(row["weight_g"]) ?? 0
        let expected = Double(row.int("sheets")) * 0.210 * 0.297 * 80 + (row["envelope"] == "DL" ? 4.5 : 8)
        #expect(abs(weight - expected) < 0.06, "\(row.fields)")
    }
    // The JSON manifest's totals are the rows' and the file's.
    let json = try PostalSamples.json(folder)
    let totals = json["totals"] as? [String: Any] ?? [:]
    #expect(totals["pieces"] as? Int == 3)
    #expect(totals["sheets"] as? Int == sheets)
    #expect(totals["pages"] as? Int == sheets)
    let byClass = totals["by_class"] as? [[String: Any]] ?? []
    #expect(byClass.reduce(0) { $0 + ($1["pieces"] as? Int ?? 0) } == 3)
    #expect(byClass.reduce(0) { $0 + ($1["sheets"] as? Int ?? 0) } == sheets)
    let classWeight = byClass.reduce(0.0) { $0 + ($1["weight_g"] as? Double ?? 0) }
    #expect(abs(classWeight - rows.reduce(0.0) { $0 + (Double($1["weight_g"]) ?? 0) }) < 0.01)
    #expect((totals["left_out"] as? [[String: Any]])?.map { $0["record"] as? Int ?? 0 } == [4, 5])

    // Every sheet's marks, read back from the print file.
    let marks = try PostalSamples.inserterMarks(pdf)
    #expect(marks.count == sheets)
    var sheet = 0
    for row in rows {
        for k in 1...row.int("sheets") {
            sheet += 1
            guard sheet <= marks.count else { break }
            #expect(marks[sheet - 1].datamatrix == "job=stmt-test;piece=\(row.int("piece"));sheet=\(k)/\(row.int("sheets"))")
            #expect(marks[sheet - 1].bits == PostalSamples.expectedBits(sheet: sheet, k: k, n: row.int("sheets")), "sheet \(sheet)")
        }
    }
    // Independent readers: PDF/X-4 with 3 mm bleed, the first pages' Data Matrix through pdfcheck.
    let check = try PDFCheck.run(pdf, ["--profile", "pdfx", "--profile", "print", "--min-bleed", "3", "--barcodes",
                                       "--expect-barcode", "job=stmt-test;piece=1;sheet=1/\(rows[0].int("sheets"))"], renderCompare: false)
    #expect(check.passed, "\(check.output)")
    // Checksums verify; the ticket names the file, its pages and checksum.
    let sums = try ExternalTool.run("sh", ["-c", "cd \"$1\" && sha256sum -c SHA256SUMS", "sh", folder], mergeErrors: true)
    #expect(sums.status == 0, "\(sums.output)")
    #expect(sums.output.contains("stmt-test.pdf: OK") && sums.output.contains("stmt-test.xjdf: OK") && sums.output.contains("manifest.json: OK"))
    let ticket = try String(contentsOfFile: folder + "/stmt-test.xjdf", encoding: .utf8)
    let parsed = try ExternalTool.run("python3", ["-c", "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.tag, r.get('JobID'))", folder + "/stmt-test.xjdf"])
    #expect(parsed.output.contains("{http://www.CIP4.org/JDFSchema_2_0}XJDF stmt-test"), "\(parsed.output) \(parsed.errors)")
    #expect(ticket.contains(#"NPage="\#(sheets)""#) && ticket.contains(#"URL="stmt-test.pdf""#))
}

/// Invoices with Česká pošta, duplex: a one-page invoice is one sheet with a blank back, the
/// marks are on fronts only, domestic pieces sort by postcode and international ones by country.
@Test func duplexBatchPutsMarksOnFrontsOnly() throws {
    let folder = PostalSamples.folder("duplex")
    let run = try PostalSamples.batch(["invoice", Samples.root + "/Fixtures/records/invoices.jsonl", "--post", "ceska-posta", "-o", folder, "--job", "dup"])
    #expect(run.status == 0, "\(run.output)")
    let rows = try PostalSamples.manifest(folder)
    #expect(rows.count == 12)
    let domestic = rows.filter { $0["zone"] == "domestic" }, international = rows.filter { $0["zone"] == "international" }
    #expect(!domestic.isEmpty && !international.isEmpty)
    #expect(rows.prefix(domestic.count).allSatisfy { $0["country"] == "CZ" })
    let codes = domestic.map { $0["postcode"].filter(\.isNumber) }
    #expect(codes == codes.sorted())
    let countries = international.map { $0["country"] }
    #expect(countries == countries.sorted())
    // A new tray where the international pieces begin.
    #expect(Set(domestic.map { $0["tray"] }).count == 1 && Set(international.map { $0["tray"] }) == ["2"])
    let sheets = rows.reduce(0) { $0 + $1.int("sheets") }
    #expect(rows.allSatisfy { $0.int("sheets") == ($0.int("pages") + 1) / 2 })
    let pdf = folder + "/dup.pdf"
    #expect(try PostalSamples.pageCount(pdf) == 2 * sheets)
    let marks = try PostalSamples.inserterMarks(pdf)
    for (index, page) in marks.enumerated() {
        if index % 2 == 0 {
            let sheet = index / 2 + 1
            #expect(page.bits == PostalSamples.expectedBits(sheet: sheet, k: 1, n: 1), "front of sheet \(sheet)")
            #expect(page.datamatrix == "job=dup;piece=\(sheet);sheet=1/1")
        } else {
            #expect(page.datamatrix.isEmpty || page.datamatrix.hasPrefix("no benchmark"), "the back of a sheet carries no marks: \(page)")
        }
    }
}

/// A profile whose largest envelope is too small, one whose window misses the address, one whose
/// OMR track lies under the letter's information block: each record is refused with the reason
/// and, for the window and the track, the layout line of the block that put ink there.
@Test func unmailableRecordsAreReportedAndLeftOut() throws {
    let scratch = try ScratchLayouts("post")
    var profile = try String(contentsOfFile: Samples.root + "/Layouts/post/deutsche-post.yaml", encoding: .utf8)
    profile = profile.replacingOccurrences(of: "max-sheets: 10", with: "max-sheets: 6").replacingOccurrences(of: "max-sheets: 50", with: "max-sheets: 7")
    try scratch.write(profile, to: "post/small.yaml")
    let window = profile.replacingOccurrences(of: "window: { at: [20mm, 45mm]", with: "window: { at: [120mm, 45mm]")
    try scratch.write(window, to: "post/window.yaml")

    let small = PostalSamples.folder("small")
    let run = try PostalSamples.batch(["statement", Samples.root + "/Fixtures/records/statements.jsonl", "--layouts", scratch.folder.path,
                                       "--post", "small", "-o", small])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("cannot be mailed: the document takes 8 sheets (8 pages); the largest envelope, C4, holds 7"), "\(run.output)")
    #expect(try PostalSamples.manifest(small).count == 1)

    let misplaced = PostalSamples.folder("window")
    let refused = try PostalSamples.batch(["letter", Samples.root + "/Fixtures/records/letters.jsonl", "--layouts", scratch.folder.path,
                                           "--post", "window", "-o", misplaced])
    #expect(refused.status == 2, "nothing could be mailed: \(refused.output)")
    #expect(refused.output.contains("components/address-block.yaml:"), "\(refused.output)")
    #expect(refused.output.contains("the address reaches outside the DL envelope's window"), "\(refused.output)")
    #expect(!FileManager.default.fileExists(atPath: misplaced + "/letter-2026-12-04.pdf"), "no print file without pieces")
    #expect(try PostalSamples.manifest(misplaced).isEmpty)

    // OMR bars on the right, where the letter's information block prints its values.
    try scratch.write(profile.replacingOccurrences(of: "  side: left", with: "  side: right").replacingOccurrences(of: "  inset: 5mm", with: "  inset: 20mm"),
                      to: "post/right.yaml")
    let crowded = PostalSamples.folder("crowded")
    let inked = try PostalSamples.batch(["letter", Samples.root + "/Fixtures/records/letters.jsonl", "--layouts", scratch.folder.path,
                                         "--post", "right", "-o", crowded])
    #expect(inked.status == 2, "\(inked.output)")
    #expect(inked.output.contains("letter.yaml:45:23: cannot be mailed: page 1 has ink at"), "\(inked.output)")
    #expect(inked.output.contains("inside the OMR track (177.0 mm–193.0 mm across"), "\(inked.output)")
    #expect(inked.output.contains("[$.reference]"), "\(inked.output)")
}
