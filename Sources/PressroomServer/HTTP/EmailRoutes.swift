// The tenant's email sender, for admins (generated operations): set the From address and the
// DKIM key that signs the documents its jobs email (`deliver=true`), see them with the DNS
// record to publish, remove them.
import Foundation

extension API {
    func setEmailSender(_ input: Operations.SetEmailSender.Input) async throws -> Operations.SetEmailSender.Output {
        let caller = try Principal.caller(\.administers, "the email sender is set with an admin key")
        guard case .json(let setting) = input.body else { throw Problem.badRequest("send {\"from\": \"Billing <billing@example.com>\"}") }
        let replaced = tenants.email(caller.tenant) != nil
        do {
            _ = try tenants.setEmail(caller.tenant, from: setting.from, dkimSelector: setting.dkimSelector, dkimKey: setting.dkimKey)
        } catch let refusal as UploadRefusal {
            throw Problem.badRequest(refusal.description)
        }
        let body = try emailSender(caller.tenant)
        return replaced ? .ok(.init(body: .json(body))) : .created(.init(body: .json(body)))
    }

    func getEmailSender(_ input: Operations.GetEmailSender.Input) async throws -> Operations.GetEmailSender.Output {
        let caller = try Principal.caller(\.administers, "the email sender is seen with an admin key")
        return .ok(.init(body: .json(try emailSender(caller.tenant))))
    }

    func removeEmailSender(_ input: Operations.RemoveEmailSender.Input) async throws -> Operations.RemoveEmailSender.Output {
        let caller = try Principal.caller(\.administers, "the email sender is removed with an admin key")
        guard tenants.removeEmail(caller.tenant) else { throw Problem.notFound("this tenant has no email sender set") }
        return .noContent(.init())
    }

    /// The sender as the API shows it, with the TXT record its key needs.
    private func emailSender(_ tenant: String) throws -> Components.Schemas.EmailSender {
        guard let email = tenants.email(tenant), let sender = email.sender else { throw Problem.notFound("this tenant has no email sender set") }
        let record = email.dkimSelector == nil ? nil : tenants.dkimRecord(tenant)
        return Components.Schemas.EmailSender(
            from: email.from, dkimSelector: record == nil ? nil : email.dkimSelector,
            dns: record.map { "\(email.dkimSelector ?? "pressroom")._domainkey.\(sender.domain) TXT \"\($0)\"" },
            warning: record == nil ? "no DKIM key: receivers that check DKIM (Gmail, Yahoo) refuse unsigned mail or file it as spam" : nil)
    }
}
