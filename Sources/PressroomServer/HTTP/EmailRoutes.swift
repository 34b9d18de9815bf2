// The tenant's email sender over HTTP, for admins: set the From address and the DKIM key that
// signs the documents its jobs email (`deliver=true`), see them with the DNS record to publish,
// remove them.
import Foundation
import Hummingbird

extension API {
    func addEmail(to router: Router<ServerContext>) {
        router.put("/v1/email") { request, context in
            let caller = try context.caller(\.administers, "the email sender is set with an admin key")
            struct Setting: Decodable { var from: String; var dkimSelector: String?; var dkimKey: String? }
            let body = try await API.body(request, limit: 64 << 10)
            guard let setting = try? JSONDecoder().decode(Setting.self, from: Data(body)) else {
                throw Problem.badRequest("send {\"from\": \"Billing <billing@example.com>\", \"dkimSelector\": \"pressroom\", \"dkimKey\": \"-----BEGIN PRIVATE KEY-----…\"}")
            }
            let replaced = tenants.email(caller.tenant) != nil
            do {
                _ = try tenants.setEmail(caller.tenant, from: setting.from, dkimSelector: setting.dkimSelector, dkimKey: setting.dkimKey)
                return try API.json(emailView(caller.tenant), status: replaced ? .ok : .created)
            } catch let refusal as UploadRefusal {
                throw Problem.badRequest(refusal.description)
            }
        }
        router.get("/v1/email") { _, context in
            let caller = try context.caller(\.administers, "the email sender is seen with an admin key")
            return try API.json(emailView(caller.tenant))
        }
        router.delete("/v1/email") { _, context in
            let caller = try context.caller(\.administers, "the email sender is removed with an admin key")
            guard tenants.removeEmail(caller.tenant) else { throw Problem.notFound("this tenant has no email sender set") }
            return Response(status: .noContent)
        }
    }

    private func emailView(_ tenant: String) throws -> EmailView {
        guard let email = tenants.email(tenant), let sender = email.sender else { throw Problem.notFound("this tenant has no email sender set") }
        let record = email.dkimSelector == nil ? nil : tenants.dkimRecord(tenant)
        return EmailView(from: email.from, dkimSelector: record == nil ? nil : email.dkimSelector,
                         dns: record.map { "\(email.dkimSelector ?? "pressroom")._domainkey.\(sender.domain) TXT \"\($0)\"" },
                         warning: record == nil ? "no DKIM key: receivers that check DKIM (Gmail, Yahoo) refuse unsigned mail or file it as spam" : nil)
    }
}

struct EmailView: Encodable {
    var from: String
    var dkimSelector: String?
    /// The TXT record to publish for the key (long keys are split into 255-character strings
    /// by the DNS provider).
    var dns: String?
    var warning: String?
}
