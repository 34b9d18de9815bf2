// The lists address checks compare with: role mailboxes (RFC 2142 and the usual company ones),
// the domains people most often mean (for typo suggestions), and the disposable domains shipped
// in Resources/disposable-domains.txt (the disposable-email-domains project's list) or given as a file.
import Foundation

public enum AddressLists {
    /// Local parts that name a function, not a person.
    public static let roleMailboxes: Set<String> = [
        "abuse", "accounting", "accounts", "admin", "administrator", "billing", "buchhaltung", "careers", "contact",
        "enquiries", "finance", "hello", "help", "hostmaster", "hr", "info", "inquiries", "invoice", "invoices", "jobs",
        "kontakt", "mail", "marketing", "noc", "no-reply", "noreply", "do-not-reply", "donotreply", "office", "postmaster",
        "rechnung", "rechnungen", "sales", "security", "service", "support", "team", "webmaster", "www",
    ]

    /// Mail domains common enough that a near miss is probably a typo of one of them.
    public static let commonDomains: [String] = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "yahoo.fr", "hotmail.com", "hotmail.de",
        "hotmail.co.uk", "hotmail.fr", "outlook.com", "outlook.de", "live.com", "live.de", "msn.com", "icloud.com", "me.com",
        "mac.com", "aol.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "posteo.de",
        "mailbox.org", "protonmail.com", "proton.me", "mail.ru", "yandex.ru", "orange.fr", "free.fr", "laposte.net",
        "libero.it", "seznam.cz", "centrum.cz", "email.cz", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "ukr.net",
        "bluewin.ch", "btinternet.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
    ]

    /// The bundled list of disposable domains.
    public static func bundledDisposableDomains() throws -> Set<String> {
        guard let url = Bundle.module.url(forResource: "disposable-domains", withExtension: "txt") else {
            throw DeliveryError.configuration("the bundled list of disposable domains is missing from the installation")
        }
        return try disposableDomains(at: url.path)
    }

    /// A list of domains, one a line; `#` starts a comment.
    public static func disposableDomains(at path: String) throws -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DeliveryError.configuration("cannot read the list of disposable domains \(path)")
        }
        var domains = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            if !entry.isEmpty { domains.insert(entry) }
        }
        return domains
    }
}
