// `pressroom webhooks resend`: the status webhooks that failed every try, from the dead-letter
// file, sent again (same webhook-id, fresh signature). The file is set aside first, so the ones
// that fail again land in a new one; a set-aside file a crash left behind is sent too.
import ArgumentParser
import Foundation
import PressroomDelivery

struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Status webhooks: send the dead letters again.",
        subcommands: [Resend.self])

    struct Resend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the webhook requests in the dead-letter file again (to --webhook, else to the URL each was meant for).")

        @OptionGroup var webhooks: WebhookOptions

        func run() async throws {
            let file = webhooks.webhookDeadLetters
            let folder = (file as NSString).deletingLastPathComponent
            let name = (file as NSString).lastPathComponent
            let directory = folder.isEmpty ? "." : folder
            // Earlier set-aside files (a resend that did not finish), then the file itself.
            var batches = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasPrefix(name + ".resending-") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
            if FileManager.default.fileExists(atPath: file) {
                let aside = "\(file).resending-\(Int(Date().timeIntervalSince1970 * 1000))"
                do { try FileManager.default.moveItem(atPath: file, toPath: aside) } catch {
                    Console.error("error: cannot set \(file) aside: \(error.localizedDescription)")
                    throw ExitCode(2)
                }
                batches.append(aside)
            }
            let letters = batches.flatMap { WebhookSender.deadLetters(in: $0) }
            guard !letters.isEmpty else {
                print("No dead letters in \(file).")
                for batch in batches { try? FileManager.default.removeItem(atPath: batch) }
                return
            }
            var failed = false
            for (url, group) in Dictionary(grouping: letters, by: { webhooks.webhook ?? $0.url }).sorted(by: { $0.key < $1.key }) {
                let sender: WebhookSender
                do { sender = try webhooks.sender(to: url) } catch let error as ValidationError { throw error } catch {
                    Console.error("error: \(error)")
                    throw ExitCode(2)
                }
                for letter in group { await sender.post(again: letter) }
                let tally = await sender.finish()
                print("\(url): \(tally.delivered) delivered, \(tally.retried) retries\(tally.dead > 0 ? ", \(tally.dead) failed again (kept in \(file))" : "").")
                failed = failed || tally.dead > 0
            }
            for batch in batches { try? FileManager.default.removeItem(atPath: batch) }
            if failed { throw ExitCode(1) }
        }
    }
}
