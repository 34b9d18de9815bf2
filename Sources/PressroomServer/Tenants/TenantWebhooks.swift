// A tenant's status webhook: the endpoint its job and print events are POSTed to and the secret
// they are signed with (Standard Webhooks), kept in `<data>/tenants/<tenant>/webhook.json`,
// readable by the service's user only. The secret is shown once, when the webhook is set.
import Foundation
import PressroomDelivery

public struct TenantWebhook: Codable, Sendable, Equatable {
    public var url: String
    public var secret: String
}

extension TenantStore {
    private func webhookFile(_ tenant: String) -> String { "\(root)/\(tenant)/webhook.json" }

    public func webhook(_ tenant: String) -> TenantWebhook? {
        guard let data = FileManager.default.contents(atPath: webhookFile(tenant)) else { return nil }
        return try? JSONDecoder().decode(TenantWebhook.self, from: data)
    }

    /// Sets the endpoint with a new secret, and returns both.
    public func setWebhook(_ tenant: String, url: String) throws -> TenantWebhook {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parts.host, !host.isEmpty, parts.user == nil else {
            throw UploadRefusal.badWebhook("\(url) is not an http or https address (without a user name)")
        }
        let webhook = TenantWebhook(url: url, secret: WebhookSignature.newSecret())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let path = webhookFile(tenant), staging = path + ".new"
        guard FileManager.default.createFile(atPath: staging, contents: try encoder.encode(webhook), attributes: [.posixPermissions: 0o600]) else {
            throw UploadRefusal.badWebhook("cannot write \(staging)")
        }
        guard rename(staging, path) == 0 else { throw UploadRefusal.badWebhook("cannot write \(path): \(String(cString: strerror(errno)))") }
        return webhook
    }

    /// Whether there was one.
    public func removeWebhook(_ tenant: String) -> Bool {
        (try? FileManager.default.removeItem(atPath: webhookFile(tenant))) != nil
    }
}
