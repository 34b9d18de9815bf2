// The tenant's status webhook over HTTP, for admins: set the endpoint (the answer carries the
// signing secret, shown this once), see it with its events by state and the last dead ones,
// remove it.
import Foundation
import Hummingbird

extension API {
    func addWebhooks(to router: Router<ServerContext>) {
        router.put("/v1/webhook") { request, context in
            let caller = try context.caller(\.administers, "the webhook is set with an admin key")
            struct Setting: Decodable { var url: String }
            let body = try await API.body(request, limit: 16 << 10)
            guard let setting = try? JSONDecoder().decode(Setting.self, from: Data(body)) else {
                throw Problem.badRequest("send {\"url\": \"https://…\"}: the endpoint job and print events are POSTed to")
            }
            if let refusal = limits.webhookAddresses.refusal(of: setting.url, resolving: false) { throw Problem.badRequest(refusal) }
            let replaced = tenants.webhook(caller.tenant) != nil
            do {
                let webhook = try tenants.setWebhook(caller.tenant, url: setting.url)
                return try API.json(["url": webhook.url, "secret": webhook.secret], status: replaced ? .ok : .created)
            } catch let refusal as UploadRefusal {
                throw Problem.badRequest(refusal.description)
            }
        }
        router.get("/v1/webhook") { _, context in
            let caller = try context.caller(\.administers, "the webhook is seen with an admin key")
            guard let webhook = tenants.webhook(caller.tenant) else { throw Problem.notFound("this tenant has no webhook set") }
            let summary = try await store.webhookSummary(tenant: caller.tenant)
            return try API.json(WebhookView(url: webhook.url, events: summary.counts,
                                            dead: summary.dead.map { .init(id: $0.id, type: $0.type, error: $0.error) }))
        }
        router.delete("/v1/webhook") { _, context in
            let caller = try context.caller(\.administers, "the webhook is removed with an admin key")
            guard tenants.removeWebhook(caller.tenant) else { throw Problem.notFound("this tenant has no webhook set") }
            return Response(status: .noContent)
        }
    }
}

struct WebhookView: Encodable {
    struct Dead: Encodable { var id, type, error: String }
    var url: String
    /// Events by state: pending, sending, delivered, dead.
    var events: [String: Int]
    var dead: [Dead]
}
