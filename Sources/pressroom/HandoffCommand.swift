// `pressroom handoff list|download|ack --shop NAME`: the print shop's side of the postal
// hand-off. A shop lists the batches handed to it, downloads one (its files checked against
// SHA256SUMS) and acknowledges it received, printed and handed to the post; each stage goes
// into the delivery ledger (and out as a webhook) for every record in the batch. A shop never
// sees another shop's batches.
import ArgumentParser
import Foundation
import PressroomDelivery

struct HandoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "The print shop's side of postal batches: list, download, acknowledge (received, printed, posted).",
        subcommands: [List.self, Download.self, Acknowledge.self])

    struct Shop: ParsableArguments {
        @Option(help: "The print shop: it sees only the batches handed to it (send --print-shop).")
        var shop: String

        @Option(name: .customLong("post-dir"), help: "The folder the postal batches are in (default: post).")
        var postDirectory: String = "post"

        var handoff: PostalHandoff { PostalHandoff(folder: postDirectory) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shop's batches still to be posted (all of them with --all).")

        @OptionGroup var shop: Shop

        @Flag(help: "Also the batches handed to the post already.")
        var all = false

        func run() throws {
            let batches = try fail { try shop.handoff.batches(for: shop.shop) }.filter { all || $0.stage < .posted }
            guard !batches.isEmpty else {
                print("No batches for \(shop.shop)\(all ? "" : " waiting to be posted") in \(shop.postDirectory)/.")
                return
            }
            for status in batches {
                let last = status.acknowledgements.last.map { " since \($0.at.prefix(16).replacingOccurrences(of: "T", with: " "))" } ?? ""
                print("\(status.batch.job)  \(status.stage.rawValue)\(last)  \(status.batch.pieces) piece\(status.batch.pieces == 1 ? "" : "s")  handed over \(status.batch.handedOver.prefix(10))")
            }
        }
    }

    struct Download: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy a batch's files (print PDF, job ticket, manifests, SHA256SUMS), each checked against its SHA-256.")

        @OptionGroup var shop: Shop

        @Argument(help: "The batch (its job name, as list prints it).")
        var batch: String

        @Option(help: "The folder to copy into (default: a folder named after the batch).")
        var to: String?

        func run() throws {
            let files = try fail { try shop.handoff.download(batch, for: shop.shop, into: to ?? batch) }
            for file in files { print(file) }
        }
    }

    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Confirm a stage of a batch: received, printed or posted (handed to the post); stages go forward only.")

        @OptionGroup var shop: Shop

        @Argument(help: "The batch (its job name).")
        var batch: String

        @Argument(help: "received, printed or posted.")
        var stage: String

        @Option(help: "A remark kept with the acknowledgement (a post receipt number, a reprint).")
        var note: String?

        @Option(help: "The delivery ledger the batch's records are in (default: delivery-ledger.jsonl).")
        var ledger: String = "delivery-ledger.jsonl"

        @OptionGroup var webhooks: WebhookOptions

        func run() async throws {
            guard let stage = PostalHandoff.Stage(rawValue: stage), stage != .ready else {
                throw ValidationError("the stage is received, printed or posted, not \(stage)")
            }
            let recorder: DeliveryRecorder
            let done: PostalHandoff.Acknowledgement?
            do {
                recorder = DeliveryRecorder(ledger: try DeliveryLedger(path: ledger), webhooks: try webhooks.sender())
                done = try shop.handoff.acknowledge(batch, for: shop.shop, stage: stage, note: note)
            } catch let error as ValidationError { throw error } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
            guard done != nil else {
                print("Batch \(batch) was \(stage.words) already; nothing changed.")
                return
            }
            let members = await recorder.ledger.members(of: batch)
            for member in members {
                let detail = "\(stage.words) (\(shop.shop))" + (note.map { ": \($0)" } ?? "")
                try await recorder.note(DeliveryEvent(key: member.key, record: member.record, channel: .post, kind: .acknowledged,
                                                      batch: batch, stage: stage, detail: detail))
            }
            print("Batch \(batch): \(stage.words); \(members.count) record\(members.count == 1 ? "" : "s") in \(ledger) acknowledged.")
            if await webhooks.finish(recorder.webhooks) { throw ExitCode(1) }
        }
    }
}

/// Runs `body`; a delivery error is printed and ends the command with status 1.
private func fail<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch {
        Console.error("error: \(error)")
        throw ExitCode(1)
    }
}
