// `pressroom send LAYOUT DATA --from ADDRESS`: each record's document rendered (the digital
// variant: PDF/A-3b with its e-invoice), put in the email its layout's `email/` definition
// describes, DKIM-signed, and sent through an SMTP server (STARTTLS required unless told
// otherwise) or, with no server, written into an outbox folder as .eml files. Records that
// cannot be sent are listed with why; the others go.
import ArgumentParser
import Foundation
import NIOCore
import PressroomDelivery
import PressroomLayout
import PressroomProduction

struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Email each record's document: rendered, attached to the layout's email, DKIM-signed, sent by SMTP or written to an outbox folder.",
        discussion: """
            Each record's `delivery.preference` (email, post or both) chooses its channels; a record whose email cannot go \
            (no address, an invalid or suppressed one, a hard bounce) falls back to post: into a postal batch under --post. \
            Every event goes into the delivery ledger, keyed by the record's meta.idempotency_key, so a rerun after a crash \
            sends and batches nothing twice (a message the crash caught between handing it over and the server's reply goes \
            again under the same Message-ID, and is named). Exit status: 0 when every record was delivered, 1 when some were not (each is \
            listed), 2 when nothing could be.
            """)

    @Argument(help: "The layout: a name from the layouts folder (invoice, statement, letter) or a path to a .yaml file.")
    var layout: String

    @Argument(help: "The data: JSON Lines with one record per line (or one JSON record, or a JSON list).")
    var data: String

    @Option(help: "The sender: an address, or \"Name <address>\".")
    var from: String

    @Option(help: "Write each message as an .eml file into this folder instead of sending it (the default when --smtp is not given: ./outbox).")
    var outbox: String?

    @Option(help: "The SMTP server, HOST:PORT (587 when the port is left out).")
    var smtp: String?

    @Option(name: .customLong("smtp-security"), help: "starttls (the default: refuse to send unencrypted), tls (SMTPS from the first byte) or none (a trusted network only).")
    var smtpSecurity: String = "starttls"

    @Option(name: .customLong("smtp-user"), help: "The SMTP login; its password is read from the environment variable PRESSROOM_SMTP_PASSWORD.")
    var smtpUser: String?

    @Option(name: .customLong("smtp-ca"), help: "A PEM file of certificates to trust for the SMTP server (a private server's own).")
    var smtpCA: String?

    @Option(name: .customLong("smtp-attempts"), help: "Tries of a deferred message, the first included (default 5); the waits between them double from --smtp-retry-delay.")
    var attempts: Int = 5

    @Option(name: .customLong("smtp-retry-delay"), help: "Seconds before the second try (default 2).")
    var retryDelay: Double = 2

    @Option(name: .customLong("smtp-connections"), help: "Messages in flight at once, each on a connection of its own (default 4); records render while they go.")
    var connections: Int = 4

    @Option(name: .customLong("smtp-per-domain"), help: "Messages in flight at once to one recipient domain (default 2).")
    var connectionsPerDomain: Int = 2

    @Option(name: .customLong("dkim-key"), help: "The RSA private key (PEM) signing every message (DKIM, RSA-SHA256).")
    var dkimKey: String?

    @Option(name: .customLong("dkim-selector"), help: "The selector the RSA key's public half is published under (default: pressroom).")
    var dkimSelector: String = "pressroom"

    @Option(name: .customLong("dkim-ed25519-key"), help: "An Ed25519 private key (PEM) signing a second time (RFC 8463).")
    var ed25519Key: String?

    @Option(name: .customLong("dkim-ed25519-selector"), help: "The Ed25519 key's selector (default: pressroom-ed).")
    var ed25519Selector: String = "pressroom-ed"

    @Option(help: "The post profile (deutsche-post, ceska-posta, royal-mail or a .yaml path) for the records that go by post: their preference, or a fallback when their email cannot go.")
    var post: String?

    @Option(name: .customLong("post-dir"), help: "The folder the postal batches are written into (default: post).")
    var postDirectory: String = "post"

    @Option(help: "The delivery ledger: what was sent, bounced and batched, so a rerun sends nothing twice (default: delivery-ledger.jsonl).")
    var ledger: String = "delivery-ledger.jsonl"

    @Flag(help: "Flush the ledger to the disk after every event (survives a power cut, not only a crash).")
    var durable = false

    @Option(help: "Keep each rendered PDF in this folder; webhooks then link to it instead of carrying it.")
    var documents: String?

    @OptionGroup var webhooks: WebhookOptions

    @Option(name: .customLong("print-shop"), help: "The print shop the postal batch is handed to (it lists, downloads and acknowledges it with `pressroom handoff`; default: in-house).")
    var printShop: String = "in-house"

    @OptionGroup var options: LayoutOptions

    func run() async throws {
        let sender = try Self.address(from)
        let producer: DocumentProducer
        let composer: EmailComposer
        let signer: DKIMSigner?
        let mailer: Mailer?
        let box: Outbox?
        let recorder: DeliveryRecorder
        do {
            producer = try options.producer(for: layout)
            let renderer = producer.renderer
            composer = try EmailComposer(library: renderer.library, layout: renderer.layout.name, theme: renderer.theme)
            if let dkimKey {
                signer = DKIMSigner(domain: sender.domain, selector: dkimSelector, key: try .load(pem: dkimKey),
                                    secondKey: try ed25519Key.map { (ed25519Selector, try DKIMSigner.Key.load(pem: $0)) })
            } else {
                signer = nil
                Console.error("warning: no --dkim-key: the messages are not signed, and receivers that check DKIM (Gmail, Yahoo) will refuse or file them as spam")
            }
            if let smtp {
                mailer = Mailer(try smtpConfiguration(smtp))
                box = nil
            } else {
                mailer = nil
                box = try Outbox(folder: outbox ?? "outbox")
            }
            recorder = DeliveryRecorder(ledger: try DeliveryLedger(path: self.ledger, durable: durable), webhooks: try webhooks.sender())
            try PostalHandoff.checkShopName(printShop)
            if let documents { try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true) }
        } catch let exit as ExitCode { throw exit } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let ledger = recorder.ledger
        let date = try messageDate()
        var tally = Tally()
        var forPost: [Int: (key: String, record: DataValue)] = [:]
        let started = Date()
        let window = (mailer?.configuration.connections ?? 1) * 2
        try await withThrowingTaskGroup(of: SendOutcome.self) { group in
            var sending = 0
            for (number, result) in try RecordReader(path: data, warn: Console.dataWarning) {
                var key = "\(data)#\(number)"
                do {
                    let record = try result.get()
                    key = DeliveryRoute.key(of: record, fallback: key)
                    let route = try DeliveryRoute(record: record)
                    if route.wantsPost, await !ledger.isDone(key, on: .post) { forPost[number] = (key, record) }
                    guard route.wantsEmail else { continue }
                    if let done = await ledger.last(key, on: .email), done.isFinal {
                        tally.skipped += 1
                        if done.kind == .bounced, done.bounce == .hard, await !ledger.isDone(key, on: .post) { forPost[number] = (key, record) }
                        continue
                    }
                    let address: String
                    do {
                        address = try composer.recipient(of: record)
                        if let bounce = await ledger.suppression(of: address) {
                            throw LayoutError(.invalidValue, "`\(address)` is on the suppression list: it bounced on \(bounce.at.prefix(10)) (\(bounce.detail ?? "hard bounce"))",
                                              dataPath: "$.delivery.email")
                        }
                    } catch let error as LayoutError {
                        // No address, or one that cannot take mail: the document goes by post.
                        if await ledger.isDone(key, on: .post) {
                            tally.skipped += 1
                            continue
                        }
                        try await recorder.note(DeliveryEvent(key: key, record: number, channel: .email, kind: .fellBackToPost,
                                                              detail: "\(error.inRecord(number))"), record: record)
                        if await !ledger.isDone(key, on: .post) { forPost[number] = (key, record) }
                        tally.fellBack.append((number, "\(error.inRecord(number)); it goes by post"))
                        continue
                    }
                    // Read before this run's own events come after it.
                    let doubt = await ledger.inDoubt(key)
                    let preamble = try producer.renderer.preamble(for: record)
                    let document = try producer.document(for: record, preamble: preamble)
                    let fileName = (document.fileName ?? String(format: "%05d", number)) + ".pdf"
                    let kept = try keep(document.bytes, as: fileName)
                    // What webhooks carry of the PDF (its digest, and its bytes without --documents): made only for them.
                    let pdf = recorder.webhooks == nil ? nil : WebhookPayload.Document(fileName: fileName, bytes: document.bytes, url: kept)
                    try await recorder.note(DeliveryEvent(key: key, record: number, channel: .email, kind: .rendered), record: record, document: pdf)
                    let message = try composer.compose(record: record, preamble: preamble, from: sender,
                                                       attachment: EmailAttachment(fileName: fileName, contentType: "application/pdf", bytes: document.bytes),
                                                       date: date, identity: key)
                    let bytes = try signer?.sign(message.bytes, time: Int(date.timeIntervalSince1970)) ?? message.bytes
                    let identity = key
                    let messageID = message.messageID
                    if let doubt { tally.inDoubt.append((number, doubt.messageID ?? messageID, messageID)) }
                    let event = { @Sendable (kind: DeliveryEvent.Kind, bounce: BounceKind?, detail: String?) in
                        DeliveryEvent(key: identity, record: number, channel: .email, kind: kind, address: address, bounce: bounce, detail: detail,
                                      messageID: messageID)
                    }
                    if let mailer {
                        // Sent while the next records render; at most `window` messages wait for their server.
                        if sending >= window, let outcome = try await group.next() {
                            sending -= 1
                            await outcome.apply(to: &tally, forPost: &forPost, ledger: ledger)
                        }
                        group.addTask {
                            await Self.deliver(bytes, from: sender.address, to: address, through: mailer, recorder: recorder,
                                               key: identity, number: number, record: record, document: pdf, event: event)
                        }
                        sending += 1
                    } else if let box {
                        let path = try box.put(bytes, number: number, messageID: message.messageID)
                        try await recorder.note(event(.sent, nil, "written to \(path)"), record: record, document: pdf)
                        tally.sent += 1
                    }
                } catch let error as LayoutError {
                    tally.failures.append((number, "\(error.inRecord(number))"))
                } catch let error as DeliveryError {
                    if case .configuration = error { Console.error("error: \(error)"); throw ExitCode(2) }
                    tally.failures.append((number, "record \(number): \(error)"))
                } catch {
                    tally.failures.append((number, "record \(number): \(RecordFailure(error))"))
                }
            }
            for try await outcome in group { await outcome.apply(to: &tally, forPost: &forPost, ledger: ledger) }
        }
        await mailer?.close()
        Console.error(String(format: "Sent %d message%@ %@ in %.2f s%@.", tally.sent, tally.sent == 1 ? "" : "s",
                             smtp.map { "through \($0)" } ?? "into \(outbox ?? "outbox")/", Date().timeIntervalSince(started),
                             tally.skipped > 0 ? " (\(tally.skipped) delivered or bounced in an earlier run, not again)" : ""))
        for (number, earlier, now) in tally.inDoubt {
            Console.error("  record \(number): an earlier run stopped after handing its message to the server and before the server's reply; "
                          + (earlier == now ? "it went again under the same Message-ID \(now), so it may arrive twice (a receiver can drop the copy)"
                                            : "it went again under a new Message-ID \(now) (the sender changed; the earlier was \(earlier)), so it may arrive twice"))
        }
        for (number, reason) in tally.fellBack { Console.error("  record \(number): \(reason.hasPrefix("record") ? String(reason.drop(while: { $0 != ":" }).dropFirst(2)) : reason)") }
        try await hand(forPost, to: recorder, tally: &tally)
        if await webhooks.finish(recorder.webhooks), tally.failures.isEmpty { throw ExitCode(1) }
        if !tally.failures.isEmpty {
            Console.error("\(tally.failures.count) record\(tally.failures.count == 1 ? " was" : "s were") not delivered:")
            for (number, reason) in tally.failures { Console.error("  \(reason.hasPrefix("record") ? reason : "record \(number): \(reason)")") }
            throw ExitCode(tally.sent + tally.batched == 0 ? 2 : 1)
        }
    }

    /// One message through the mailer, its outcome recorded in the ledger (and as a webhook).
    private static func deliver(_ bytes: [UInt8], from sender: String, to address: String, through mailer: Mailer, recorder: DeliveryRecorder,
                                key: String, number: Int, record: DataValue, document: WebhookPayload.Document?,
                                event: @escaping @Sendable (DeliveryEvent.Kind, BounceKind?, String?) -> DeliveryEvent) async -> SendOutcome {
        do {
            // Marked before the content goes, so a crash from here to the reply leaves the message in doubt, never unmarked.
            let sending = { @Sendable in try await recorder.note(event(.sending, nil, nil)) }
            switch await mailer.send(bytes, from: sender, to: address, beforeContent: sending) {
            case .sent(let reply, _):
                try await recorder.note(event(.sent, nil, "\(reply)"), record: record, document: document)
                return .sent
            case .bounced(let reply, let kind):
                try await recorder.note(event(.bounced, kind, "\(reply)"), record: record, document: document)
                if kind == .hard { return .hardBounce(number: number, key: key, record: record, reason: "\(address) bounced (\(reply)); it goes by post") }
                return .failed(number: number, reason: "\(address) bounced (\(kind.rawValue)): \(reply)")
            case .gaveUp(let reason, let attempts):
                try await recorder.note(event(.deferred, nil, reason), record: record, document: document)
                return .failed(number: number, reason: "\(address) not sent after \(attempts) tries: \(reason); a rerun tries again")
            }
        } catch {
            return .failed(number: number, reason: "record \(number): \(error)")
        }
    }

    /// How one message went, applied to the run's tally once its task ends.
    private enum SendOutcome: Sendable {
        case sent
        case hardBounce(number: Int, key: String, record: DataValue, reason: String)
        case failed(number: Int, reason: String)

        func apply(to tally: inout Tally, forPost: inout [Int: (key: String, record: DataValue)], ledger: DeliveryLedger) async {
            switch self {
            case .sent:
                tally.sent += 1
            case .hardBounce(let number, let key, let record, let reason):
                if await !ledger.isDone(key, on: .post) { forPost[number] = (key, record) }
                tally.fellBack.append((number, reason))
            case .failed(let number, let reason):
                tally.failures.append((number, reason))
            }
        }
    }

    private struct Tally {
        var sent = 0, skipped = 0, batched = 0
        var fellBack: [(Int, String)] = []
        /// Records sent again whose earlier message was in doubt: the earlier Message-ID and this one's.
        var inDoubt: [(Int, String, String)] = []
        var failures: [(Int, String)] = []
    }

    /// The records for post, into one postal batch (named by the records it holds, so a rerun
    /// after a crash remakes the same batch), each recorded in the ledger as batched.
    private func hand(_ records: [Int: (key: String, record: DataValue)], to recorder: DeliveryRecorder, tally: inout Tally) async throws {
        guard !records.isEmpty else { return }
        guard let post else {
            for number in records.keys.sorted() {
                tally.failures.append((number, "record \(number): it goes by post, and no --post profile was given"))
            }
            return
        }
        let digest = DeliveryLedger.identity(of: records.values.map(\.key))
        let batch: PostalBatch
        let folder: String
        do {
            batch = try BatchCommand.postalBatch(layout: layout, post: post, options: options) { name, date in
                "\(name)-\(CalendarDayText.iso(date))-post-\(digest)"
            }
            batch.durable = durable
            folder = "\(postDirectory)/\(batch.job)"
            try PDFFolderOutput.makeFolder(folder)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        for (number, entry) in records.sorted(by: { $0.key < $1.key }) {
            try await recorder.note(DeliveryEvent(key: entry.key, record: number, channel: .post, kind: .queued, batch: batch.job), record: entry.record)
        }
        let summary: PostalBatchSummary
        do {
            summary = try batch.run(try RecordReader(path: data), only: Set(records.keys), into: folder)
        } catch {
            Console.error("error: the postal batch: \((error as? BatchFailure)?.failure.description ?? "\(error)")")
            throw ExitCode(2)
        }
        let printPath = URL(fileURLWithPath: "\(folder)/\(batch.printFileName)").standardizedFileURL
        let printSize = (try? FileManager.default.attributesOfItem(atPath: printPath.path)[.size] as? Int) ?? 0
        let printFile = WebhookPayload.Document(fileName: batch.printFileName, size: printSize,
                                                sha256: summary.files[batch.printFileName] ?? "", url: printPath.absoluteString)
        let left = Dictionary(summary.failures.map { ($0.record, $0) }) { first, _ in first }
        for (number, (key, record)) in records.sorted(by: { $0.key < $1.key }) {
            if let failure = left[number] {
                try await recorder.note(DeliveryEvent(key: key, record: number, channel: .post, kind: .failed, detail: failure.description), record: record)
                tally.failures.append((number, failure.description))
            } else {
                try await recorder.note(DeliveryEvent(key: key, record: number, channel: .post, kind: .batched, batch: batch.job), record: record, document: printFile)
                tally.batched += 1
            }
        }
        do {
            try PostalHandoff(folder: postDirectory).handOver(job: batch.job, to: printShop, pieces: summary.pieces)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        Console.error("Postal batch \(batch.job): \(summary.pieces) piece\(summary.pieces == 1 ? "" : "s") in \(folder)/, handed to print shop \(printShop)")
    }

    /// Keeps the PDF in --documents; returns its file: URL.
    private func keep(_ bytes: [UInt8], as fileName: String) throws -> String? {
        guard let documents else { return nil }
        let url = URL(fileURLWithPath: "\(documents)/\(fileName)").standardizedFileURL
        try Data(bytes).write(to: url, options: .atomic)
        return url.absoluteString
    }

    /// `--date` (midnight UTC), else now: the messages' Date and the DKIM t= tag.
    private func messageDate() throws -> Date {
        guard options.date != nil else { return Date() }
        let day = try options.creationDate()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date()
    }

    private func smtpConfiguration(_ server: String) throws -> SMTPConfiguration {
        guard let (host, port) = SMTPConfiguration.server(server) else { throw ValidationError("--smtp is HOST or HOST:PORT, not \(server)") }
        guard let security = SMTPConfiguration.Security(rawValue: smtpSecurity) else {
            throw ValidationError("--smtp-security is starttls, tls or none, not \(smtpSecurity)")
        }
        return SMTPConfiguration(host: host, port: port, security: security, trustedCertificates: smtpCA, username: smtpUser,
                                 password: ProcessInfo.processInfo.environment["PRESSROOM_SMTP_PASSWORD"],
                                 attempts: max(1, attempts), retryDelay: .nanoseconds(Int64(retryDelay * 1e9)),
                                 connections: max(1, connections), connectionsPerDomain: max(1, connectionsPerDomain))
    }

    /// `Name <address>` or `address`.
    static func address(_ text: String) throws -> EmailAddress {
        guard let address = EmailAddress(parsing: text) else { throw ValidationError("--from is an address, or \"Name <address>\", not \(text)") }
        return address
    }
}
