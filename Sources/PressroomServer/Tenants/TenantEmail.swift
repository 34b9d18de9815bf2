// A tenant's email sender: the From address its documents are emailed from and the DKIM key
// that signs them (RSA or Ed25519, PEM), kept in `<data>/tenants/<tenant>/email.json` and
// `dkim.pem`, readable by the service's user only. The key is never shown again; its DNS
// record is.
import Foundation
import PressroomDelivery

public struct TenantEmail: Codable, Sendable, Equatable {
    /// `Name <address>` or `address`.
    public var from: String
    public var dkimSelector: String?

    public init(from: String, dkimSelector: String?) {
        self.from = from
        self.dkimSelector = dkimSelector
    }

    public var sender: EmailAddress? { EmailAddress(parsing: from) }
}

extension TenantStore {
    private func emailFile(_ tenant: String) -> String { "\(root)/\(tenant)/email.json" }
    func dkimKeyFile(_ tenant: String) -> String { "\(root)/\(tenant)/dkim.pem" }

    public func email(_ tenant: String) -> TenantEmail? {
        guard let data = FileManager.default.contents(atPath: emailFile(tenant)) else { return nil }
        return try? JSONDecoder().decode(TenantEmail.self, from: data)
    }

    /// The tenant's sender and its DKIM signer (nil without a key), or why there is none.
    public func emailSender(_ tenant: String) throws(DeliveryError) -> (sender: EmailAddress, signer: DKIMSigner?) {
        guard let email = email(tenant), let sender = email.sender else {
            throw DeliveryError.configuration("this tenant has no email sender: an admin sets one with PUT /v1/email")
        }
        guard let selector = email.dkimSelector, FileManager.default.fileExists(atPath: dkimKeyFile(tenant)) else { return (sender, nil) }
        return (sender, DKIMSigner(domain: sender.domain, selector: selector, key: try .load(pem: dkimKeyFile(tenant))))
    }

    /// Sets the sender, and the DKIM key when one is given (a sender without a key keeps the
    /// key it had, under the selector given). Returns the key's DNS record, when there is a key.
    public func setEmail(_ tenant: String, from: String, dkimSelector: String?, dkimKey: String?) throws -> String? {
        guard EmailAddress(parsing: from) != nil else {
            throw UploadRefusal.badEmail("\"\(from.prefix(120))\" is not an address, or \"Name <address>\"")
        }
        if let dkimSelector, dkimSelector.isEmpty || dkimSelector.count > 63
            || !dkimSelector.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) {
            throw UploadRefusal.badEmail("\"\(dkimSelector.prefix(80))\" is not a DKIM selector (letters, digits, '-' and '.')")
        }
        var record: String?
        if let dkimKey {
            let staging = dkimKeyFile(tenant) + ".new"
            try write(Data(dkimKey.utf8), to: staging)
            do {
                record = try DKIMSigner.Key.load(pem: staging).dnsRecord
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw UploadRefusal.badEmail("dkimKey: \(error.description.replacingOccurrences(of: staging, with: "the key"))")
            }
            guard rename(staging, dkimKeyFile(tenant)) == 0 else { throw UploadRefusal.badEmail("cannot keep the DKIM key: \(String(cString: strerror(errno)))") }
        } else if FileManager.default.fileExists(atPath: dkimKeyFile(tenant)) {
            record = try? DKIMSigner.Key.load(pem: dkimKeyFile(tenant)).dnsRecord
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let setting = TenantEmail(from: from, dkimSelector: record == nil ? nil : dkimSelector ?? "pressroom")
        let staging = emailFile(tenant) + ".new"
        try write(try encoder.encode(setting), to: staging)
        guard rename(staging, emailFile(tenant)) == 0 else { throw UploadRefusal.badEmail("cannot keep the sender: \(String(cString: strerror(errno)))") }
        return record
    }

    /// The DKIM key's DNS record (`v=DKIM1; k=…; p=…`), when the tenant has a key.
    public func dkimRecord(_ tenant: String) -> String? {
        try? DKIMSigner.Key.load(pem: dkimKeyFile(tenant)).dnsRecord
    }

    /// Whether there was a sender; the key goes with it.
    public func removeEmail(_ tenant: String) -> Bool {
        try? FileManager.default.removeItem(atPath: dkimKeyFile(tenant))
        return (try? FileManager.default.removeItem(atPath: emailFile(tenant))) != nil
    }

    private func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw UploadRefusal.badEmail("cannot write \(path)")
        }
    }
}
