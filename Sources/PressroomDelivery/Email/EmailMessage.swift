// One email as it goes over the wire (RFC 5322 and MIME, RFC 2045–2049): headers in 7-bit ASCII
// (non-ASCII as encoded words), a multipart/alternative of plain text and HTML (quoted-
// printable, UTF-8), and attachments in base64, all in a multipart/mixed. Built from values, the
// same values give the same bytes: the boundary and Message-ID come from the content.
import Crypto
import Foundation

public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String?
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The part after the @.
    public var domain: String { String(address.split(separator: "@").last ?? "") }

    /// `Name <address>` or `address`; nil when the text holds no address.
    public init?(parsing text: String) {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            self.init(String(text[text.index(after: open)..<text.index(before: text.endIndex)]), name: name.isEmpty ? nil : name)
        } else {
            self.init(text.trimmingCharacters(in: .whitespaces))
        }
        if EmailSyntax.problem(address) != nil { return nil }
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}

public struct EmailAttachment: Sendable {
    public var fileName: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(fileName: String, contentType: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// An image the HTML shows by `cid:` (the logo), carried in a multipart/related beside it.
public struct InlineImage: Sendable {
    public var contentID: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(contentID: String, contentType: String, bytes: [UInt8]) {
        self.contentID = contentID
        self.contentType = contentType
        self.bytes = bytes
    }
}

public struct EmailMessage: Sendable {
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var replyTo: EmailAddress?
    public var subject: String
    public var text: String
    public var html: String
    public var attachments: [EmailAttachment]
    public var inlineImages: [InlineImage] = []
    /// Seconds since 1970 (the caller's clock: output never reads it by itself).
    public var date: Date
    /// What makes the Message-ID unique when the same content goes twice (an idempotency key).
    public var identity: String
    /// Extra headers (List-Unsubscribe, …), in order.
    public var extraHeaders: [(name: String, value: String)]

    public init(from: EmailAddress, to: [EmailAddress], replyTo: EmailAddress? = nil, subject: String, text: String, html: String,
                attachments: [EmailAttachment] = [], date: Date, identity: String, extraHeaders: [(name: String, value: String)] = []) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.date = date
        self.identity = identity
        self.extraHeaders = extraHeaders
    }

    /// `<hash@sender-domain>`: stable for the same identity and sender.
    public var messageID: String {
        let digest = SHA256.hash(data: Data("\(identity)\n\(from.address)".utf8))
        return "<" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "@" + from.domain + ">"
    }

    /// The message's bytes, CRLF line ends, ready for DKIM signing and SMTP DATA.
    public var bytes: [UInt8] { Array(rendered.utf8) }

    public var rendered: String {
        let seed = SHA256.hash(data: Data((identity + subject + text).utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        let mixed = "=_mixed_\(seed)", alternative = "=_alt_\(seed)", related = "=_rel_\(seed)"
        var headers = ""
        headers += MIMEEncoding.header("From", MIMEEncoding.mailbox(name: from.name, address: from.address))
        headers += MIMEEncoding.header("To", to.enumerated().flatMap { index, address in
            let words = MIMEEncoding.mailbox(name: address.name, address: address.address)
            return index < to.count - 1 ? words.dropLast() + [words[words.count - 1] + ","] : words
        })
        if let replyTo { headers += MIMEEncoding.header("Reply-To", MIMEEncoding.mailbox(name: replyTo.name, address: replyTo.address)) }
        headers += MIMEEncoding.unstructured("Subject", subject)
        headers += "Date: \(Self.rfc5322Date(date))\r\n"
        headers += "Message-ID: \(messageID)\r\n"
        for (name, value) in extraHeaders { headers += MIMEEncoding.unstructured(name, value) }
        headers += "MIME-Version: 1.0\r\n"

        var alternativePart = "Content-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n\r\n"
        alternativePart += "--\(alternative)\r\n"
        alternativePart += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        alternativePart += MIMEEncoding.quotedPrintable(text)
        alternativePart += "--\(alternative)\r\n"
        var htmlPart = "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        htmlPart += MIMEEncoding.quotedPrintable(html)
        if !inlineImages.isEmpty {
            var relatedPart = "Content-Type: multipart/related; boundary=\"\(related)\"\r\n\r\n--\(related)\r\n" + htmlPart
            for image in inlineImages {
                relatedPart += "--\(related)\r\n"
                relatedPart += "Content-Type: \(image.contentType)\r\nContent-Transfer-Encoding: base64\r\n"
                relatedPart += "Content-ID: <\(image.contentID)>\r\nContent-Disposition: inline\r\n\r\n" + MIMEEncoding.base64(image.bytes)
            }
            htmlPart = relatedPart + "--\(related)--\r\n"
        }
        alternativePart += htmlPart
        alternativePart += "--\(alternative)--\r\n"

        guard !attachments.isEmpty else { return headers + alternativePart }
        var body = "Content-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n\r\nThis is a message in MIME format.\r\n"
        body += "--\(mixed)\r\n" + alternativePart
        for attachment in attachments {
            body += "--\(mixed)\r\n"
            body += MIMEEncoding.header("Content-Type", ["\(attachment.contentType);", MIMEEncoding.fileNameParameter("name", attachment.fileName)])
            body += "Content-Transfer-Encoding: base64\r\n"
            body += MIMEEncoding.header("Content-Disposition", ["attachment;", MIMEEncoding.fileNameParameter("filename", attachment.fileName)])
            body += "\r\n" + MIMEEncoding.base64(attachment.bytes)
        }
        body += "--\(mixed)--\r\n"
        return headers + body
    }

    /// `Fri, 04 Dec 2026 21:30:00 +0000` (RFC 5322 §3.3), in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return days[Int(parts.tm_wday)] + String(format: ", %02d ", Int(parts.tm_mday)) + months[Int(parts.tm_mon)]
            + String(format: " %04d %02d:%02d:%02d +0000", Int(parts.tm_year) + 1900, Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
