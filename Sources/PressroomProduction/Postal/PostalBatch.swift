// A postal batch: records in, mail pieces out, ready for a print shop to print, fold and insert.
// Two passes over the data file. The first reads each record's address alone and sorts (domestic
// pieces by postcode, then international ones grouped by country); the second reads the records
// again in that order, one at a time, lays each out, puts it in the smallest envelope that holds
// its sheets, weighs it, finds its postage class, checks its address against the envelope's
// window and the inserter's clear zones, draws the OMR marks and Data Matrix on every sheet, and
// appends it to one PDF/X-4 print file streamed to disk (fonts shared across the whole file).
// Beside it: a manifest (CSV and JSON, one row per piece, totals by class), an XJDF job ticket
// and SHA-256 checksums. A record that cannot be mailed is reported with its number and the
// reason (its JSON path, or the layout line that put ink in the wrong place) and left out; the
// batch goes on.
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomPDF

/// What a postal batch made.
public struct PostalBatchSummary: Sendable, Codable {
    public var job: String
    public var pieces: Int
    public var sheets: Int
    public var pages: Int
    public var trays: Int
    public var failures: [BatchFailure]
    /// The files written, by name, with their SHA-256.
    public var files: [String: String]
    public var seconds: Double
}

public final class PostalBatch {
    public let producer: DocumentProducer
    public let profile: PostProfile
    /// The job's name: the print file's and ticket's name, and what the Data Matrix carries.
    public let job: String
    /// Flush each file to the disk before the next is written.
    public var durable = false
    /// The ticket's creation time (output never reads the clock by itself).
    public var created: DocumentDate?
    public var agentVersion = "dev"

    public static let manifestCSV = "manifest.csv", manifestJSON = "manifest.json", checksums = "SHA256SUMS"

    public init(producer: DocumentProducer, profile: PostProfile, job: String) {
        self.producer = producer
        self.profile = profile
        self.job = job
    }

    public var printFileName: String { "\(job).pdf" }
    public var ticketName: String { "\(job).xjdf" }

    private struct Candidate {
        var span: RecordReader.Span
        var domestic: Bool
        var country: String
        var postcode: String
    }

    /// Runs the batch into `folder` (which must exist). Throws only when the batch's own files
    /// cannot be written; every record's trouble is in the summary's failures. With `only`, the
    /// batch takes just the records of those numbers (the ones routed to post), keeping their
    /// numbers in the data file.
    public func run(_ records: RecordReader, only numbers: Set<Int>? = nil, into folder: String,
                    progress: (BatchProgress) -> Void = { _ in }) throws(BatchFailure) -> PostalBatchSummary {
        let started = Date()
        var failures: [BatchFailure] = []
        var candidates: [Candidate] = []
        var iterator = records.makeIterator()
        while let (number, result) = iterator.next() {
            if let numbers, !numbers.contains(number) { continue }
            do {
                let address = try PostalAddress(record: try result.get(), field: profile.addressField)
                guard let span = iterator.lastSpan else { continue }
                candidates.append(Candidate(span: span, domestic: address.country == profile.homeCountry, country: address.country,
                                            postcode: address.sortablePostcode))
            } catch {
                failures.append(BatchFailure(record: number, failure: RecordFailure(error)))
            }
        }
        candidates.sort { a, b in
            if a.domestic != b.domestic { return a.domestic }
            if a.country != b.country { return a.country < b.country }
            if a.postcode != b.postcode { return a.postcode < b.postcode }
            return a.span.number < b.span.number
        }

        do {
            return try write(candidates, from: records, into: folder, failures: failures, started: started, progress: progress)
        } catch let failure as BatchFailure {
            throw failure
        } catch {
            throw BatchFailure(record: 0, failure: RecordFailure(error))
        }
    }

    private func write(_ candidates: [Candidate], from records: RecordReader, into folder: String, failures: [BatchFailure],
                       started: Date, progress: (BatchProgress) -> Void) throws -> PostalBatchSummary {
        var failures = failures
        let pdf = try AtomicFileStream(path: "\(folder)/\(printFileName)")
        let csv = try AtomicFileStream(path: "\(folder)/\(Self.manifestCSV)")
        let json = try AtomicFileStream(path: "\(folder)/\(Self.manifestJSON)")
        try csv.write(MailPiece.csvHeader + "\r\n")
        try json.write("{\n  \"job\": \(Self.jsonString(job)),\n  \"post_profile\": \(Self.jsonString(profile.name)),\n  \"pieces\": [")
        let combined = producer.combinedDocument(info: DocumentInfo(title: "Postal batch \(job)", subject: "\(profile.name) mail pieces"),
                                                 stream: pdf)
        let marks = InserterMarks(omr: profile.omr, dataMatrix: profile.dataMatrix)
        var keepOut: [Double: [(name: String, area: Rect)]] = [:]
        var totals = ManifestTotals(currency: profile.tariff.currency, tariffNote: profile.tariff.note)
        var runSheets = 0, runPages = 0, tray = 0, inTray = 0
        var trayDomestic: Bool?
        var piecesByEnvelope: [String: Int] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]

        for (index, candidate) in candidates.enumerated() {
            let number = candidate.span.number
            do {
                let record = try records.record(at: candidate.span).get()
                let address = try PostalAddress(record: record, field: profile.addressField)
                var laidOut = try combined.layOut(record, with: producer.renderer)
                let plan = try plan(laidOut, domestic: candidate.domestic)
                let width = laidOut.pages[0].size.width
                if keepOut[width] == nil { keepOut[width] = try marks.keepOut(sheetWidth: width, job: job) }
                let areas = keepOut[width] ?? []
                // Duplex: nothing behind the OMR track either, on the back (turned on its long edge).
                let behind = areas.filter { $0.name == InserterMarks.omrTrack }.map { area in
                    (name: "the back of \(area.name)", area: Rect(x: width - area.area.maxX, y: area.area.minY, width: area.area.width, height: area.area.height))
                }
                for (index, page) in laidOut.pages.enumerated() {
                    let isFront = !profile.duplex || index % 2 == 0
                    try MailPieceChecks.checkKeepOut(on: page, areas: isFront ? areas : behind, pageNumber: index + 1)
                }
                let documentPages = laidOut.pages.count
                if profile.duplex && laidOut.pages.count % 2 == 1 { laidOut.pages.append(Page(size: laidOut.pages[laidOut.pages.count - 1].size)) }

                let piece = totals.pieces + 1
                let newTray = trayDomestic != candidate.domestic || inTray == profile.trayCapacity
                for sheet in 0..<plan.sheets {
                    let front = profile.duplex ? 2 * sheet : sheet
                    let position = InserterMarks.SheetPosition(sheetInRun: runSheets + sheet + 1, sheetInPiece: sheet + 1,
                                                               sheetsInPiece: plan.sheets, piece: piece)
                    laidOut.pages[front].items += try marks.items(job: job, position: position, sheetWidth: laidOut.pages[front].size.width)
                }
                let printedPages = try combined.append(laidOut, outlineTitle: "Piece \(piece): \(address.name)")

                // The piece is in the file: count it.
                if newTray { tray += 1; inTray = 0; trayDomestic = candidate.domestic }
                inTray += 1
                let mailPiece = MailPiece(piece: piece, record: number, recipient: address.name, postcode: address.postcode, country: address.country,
                                          zone: plan.postageClass.zone.rawValue, pages: documentPages, sheets: plan.sheets, weight: MailPiece.tenths(plan.grams),
                                          thickness: MailPiece.tenths(Length(points: plan.thickness).millimetres), envelope: plan.envelope.name,
                                          postageClass: plan.postageClass.name, price: plan.postageClass.price, tray: tray,
                                          firstSheet: runSheets + 1, lastSheet: runSheets + plan.sheets)
                runSheets += plan.sheets
                runPages += printedPages
                piecesByEnvelope[plan.envelope.name, default: 0] += 1
                totals.add(mailPiece)
                try csv.write(mailPiece.csvRow + "\r\n")
                try json.write((piece == 1 ? "\n    " : ",\n    ") + String(decoding: try encoder.encode(mailPiece), as: UTF8.self))
            } catch let error as RecordFailure where Self.isOutputFailure(error) {
                throw error
            } catch {
                failures.append(BatchFailure(record: number, failure: RecordFailure(error)))
            }
            progress(BatchProgress(done: index + 1, failed: failures.count))
        }

        var files: [String: String] = [:]
        if totals.pieces > 0 {
            _ = try combined.finish()
            files[printFileName] = try pdf.commit(durable: durable)
        } else {
            pdf.abandon()
        }
        totals.trays = tray
        totals.sheets = runSheets
        totals.pages = runPages
        totals.leftOut = failures.sorted { $0.record < $1.record }.map { ManifestTotals.LeftOut(record: $0.record, reason: "\($0)") }
        files[Self.manifestCSV] = try csv.commit(durable: durable)
        try json.write((totals.pieces > 0 ? "\n  ],\n" : "],\n") + "  \"totals\": " + String(decoding: try Self.prettyEncoder.encode(totals), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "\n  ") + "\n}\n")
        files[Self.manifestJSON] = try json.commit(durable: durable)
        if let sha = files[printFileName] {
            let ticket = XJDFTicket(job: job, printFile: printFileName, printFileSHA256: sha, manifest: Self.manifestCSV, pages: runPages,
                                    sheets: runSheets, profile: profile,
                                    piecesByEnvelope: profile.envelopes.compactMap { envelope in piecesByEnvelope[envelope.name].map { (envelope, $0) } },
                                    created: created, agentVersion: agentVersion)
            let stream = try AtomicFileStream(path: "\(folder)/\(ticketName)")
            try stream.write(ticket.xml)
            files[ticketName] = try stream.commit(durable: durable)
        }
        let sums = files.keys.sorted().map { "\(files[$0]!)  \($0)\n" }.joined()
        try AtomicFile.write(Array(sums.utf8), to: "\(folder)/\(Self.checksums)", durable: durable)
        if !durable { AtomicFile.sync(folder: folder) }
        return PostalBatchSummary(job: job, pieces: totals.pieces, sheets: runSheets, pages: runPages, trays: tray,
                                  failures: failures.sorted { $0.record < $1.record }, files: files,
                                  seconds: Date().timeIntervalSince(started))
    }

    /// How a laid-out document goes by post.
    struct Plan {
        var sheets: Int
        var envelope: PostProfile.Envelope
        var grams: Double
        var thickness: Double
        var postageClass: Tariff.PostageClass
    }

    /// The envelope, weight and class of a document, after checking its address against the
    /// envelope's window; `Unmailable` when no envelope, window or class takes it.
    private func plan(_ document: LaidOutRecord, domestic: Bool) throws(Unmailable) -> Plan {
        guard let first = document.pages.first else { throw Unmailable("the document has no pages") }
        let sheets = profile.duplex ? (document.pages.count + 1) / 2 : document.pages.count
        guard let envelope = profile.envelopes.first(where: { $0.maxSheets >= sheets }) else {
            let largest = profile.envelopes[profile.envelopes.count - 1]
            throw Unmailable("the document takes \(sheets) sheets (\(document.pages.count) pages\(profile.duplex ? ", duplex" : "")); the largest envelope, \(largest.name), holds \(largest.maxSheets)")
        }
        try MailPieceChecks.checkAddress(on: first, component: profile.addressComponent, window: envelope.window, envelope: envelope.name)
        let squareMetres = (Length(points: first.size.width).millimetres / 1000) * (Length(points: first.size.height).millimetres / 1000)
        let grams = (Double(sheets) * squareMetres * profile.paper.grams + envelope.grams)
        let thickness = Double(sheets * envelope.layers) * profile.paper.thickness + envelope.thickness
        let zone: Tariff.Zone = domestic ? .domestic : .international
        guard let postageClass = profile.tariff.postageClass(zone: zone, size: envelope.size, thickness: thickness, grams: grams) else {
            throw Unmailable("no \(zone.rawValue) postage class of \(profile.tariff.carrier) takes a \(envelope.name) piece of \(MailPiece.decimal(grams)) g and \(MailPieceChecks.mm(thickness))")
        }
        return Plan(sheets: sheets, envelope: envelope, grams: grams, thickness: thickness, postageClass: postageClass)
    }

    private static func isOutputFailure(_ failure: RecordFailure) -> Bool {
        if case .output = failure { return true }
        return false
    }

    private static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }()

    static func jsonString(_ text: String) -> String {
        guard let data = try? JSONEncoder().encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }
}
