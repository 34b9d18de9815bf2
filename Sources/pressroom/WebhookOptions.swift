// The status-webhook options `send` and `handoff ack` share: the endpoint, its tries and the
// dead-letter file; the signing secret comes from PRESSROOM_WEBHOOK_SECRET, never the command line.
import ArgumentParser
import Foundation
import PressroomDelivery

struct WebhookOptions: ParsableArguments {
    @Option(help: "Send each event to this URL as a Standard Webhooks request signed with the secret in PRESSROOM_WEBHOOK_SECRET (whsec_…).")
    var webhook: String?

    @Option(name: .customLong("webhook-attempts"), help: "Tries of a webhook request, the first included (default 5); waits double from --webhook-retry-delay.")
    var webhookAttempts: Int = 5

    @Option(name: .customLong("webhook-retry-delay"), help: "Seconds before a webhook request's second try (default 1).")
    var webhookRetryDelay: Double = 1

    @Option(name: .customLong("webhook-dead-letters"), help: "Where webhook requests that failed every try are kept (default: webhooks-dead.jsonl).")
    var webhookDeadLetters: String = "webhooks-dead.jsonl"

    /// The webhook sender, when --webhook is given.
    func sender() throws -> WebhookSender? {
        guard let webhook else { return nil }
        return try sender(to: webhook)
    }

    /// A sender to `url` with these tries and this dead-letter file, signing with the secret in
    /// PRESSROOM_WEBHOOK_SECRET.
    func sender(to url: String) throws -> WebhookSender {
        guard let secret = ProcessInfo.processInfo.environment["PRESSROOM_WEBHOOK_SECRET"], !secret.isEmpty else {
            throw ValidationError("webhooks need their signing secret in PRESSROOM_WEBHOOK_SECRET (whsec_ and base64)")
        }
        var configuration = WebhookSender.Configuration(url: url, secret: secret, deadLetters: webhookDeadLetters)
        configuration.attempts = max(1, webhookAttempts)
        configuration.retryDelay = .nanoseconds(Int64(webhookRetryDelay * 1e9))
        return try WebhookSender(configuration)
    }

    /// Waits for the requests still going out and says how they went; true when some failed every try.
    func finish(_ sender: WebhookSender?) async -> Bool {
        guard let sender else { return false }
        let sent = await sender.finish()
        Console.error("Webhooks: \(sent.delivered) delivered, \(sent.retried) retries\(sent.dead > 0 ? ", \(sent.dead) failed every try (kept in \(webhookDeadLetters))" : "").")
        return sent.dead > 0
    }
}
