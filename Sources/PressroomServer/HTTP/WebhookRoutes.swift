// The tenant's status webhook, for admins (generated operations): set the endpoint (the answer
// carries the signing secret, shown this once), see it with its events by state and the last
// dead ones, remove it.
import Foundation

extension API {
    func setWebhook(_ input: Operations.SetWebhook.Input) async throws -> Operations.SetWebhook.Output {
        let caller = try Principal.caller(\.administers, "the webhook is set with an admin key")
        guard case .json(let setting) = input.body else { throw Problem.badRequest("send {\"url\": \"https://…\"}") }
        if let refusal = limits.webhookAddresses.refusal(of: setting.url, resolving: false) { throw Problem.badRequest(refusal) }
        let replaced = tenants.webhook(caller.tenant) != nil
        let webhook: TenantWebhook
        do { webhook = try tenants.setWebhook(caller.tenant, url: setting.url) } catch let refusal as UploadRefusal {
            throw Problem.badRequest(refusal.description)
        }
        let body = Components.Schemas.WebhookSecret(url: webhook.url, secret: webhook.secret)
        return replaced ? .ok(.init(body: .json(body))) : .created(.init(body: .json(body)))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        let caller = try Principal.caller(\.administers, "the webhook is seen with an admin key")
        guard let webhook = tenants.webhook(caller.tenant) else { throw Problem.notFound("this tenant has no webhook set") }
        let summary = try await store.webhookSummary(tenant: caller.tenant)
        return .ok(.init(body: .json(Components.Schemas.Webhook(
            url: webhook.url, events: .init(additionalProperties: summary.counts),
            dead: summary.dead.map { .init(id: $0.id, _type: $0.type, error: $0.error) }))))
    }

    func removeWebhook(_ input: Operations.RemoveWebhook.Input) async throws -> Operations.RemoveWebhook.Output {
        let caller = try Principal.caller(\.administers, "the webhook is removed with an admin key")
        guard tenants.removeWebhook(caller.tenant) else { throw Problem.notFound("this tenant has no webhook set") }
        return .noContent(.init())
    }
}
