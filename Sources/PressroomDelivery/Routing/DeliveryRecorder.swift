// Where a delivery event goes once it happens: into the ledger first (what the next run trusts),
// then, when an endpoint is configured and the kind is one clients hear of, out as a signed status
// webhook with the record's data and its document.
import PressroomLayout

public struct DeliveryRecorder: Sendable {
    public let ledger: DeliveryLedger
    public let webhooks: WebhookSender?

    public init(ledger: DeliveryLedger, webhooks: WebhookSender?) {
        self.ledger = ledger
        self.webhooks = webhooks
    }

    public func note(_ event: DeliveryEvent, record: DataValue? = nil, document: WebhookPayload.Document? = nil) async throws {
        try await ledger.append(event)
        guard event.isPublished else { return }
        try await webhooks?.post(WebhookPayload(event: event, record: record, document: document))
    }
}
