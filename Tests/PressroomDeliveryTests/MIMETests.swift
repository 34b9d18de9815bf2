// Messages by the RFCs: encoded words for non-ASCII headers that decode back, quoted-printable
// lines under 76 characters that never start a line with a dot, base64 in 76-character lines,
// RFC 2231 file names, no line over 998 octets, and the same message for the same values.
import Foundation
import Testing
@testable import PressroomDelivery

private func sample(subject: String = "Faktura FV-2026-000001 – Strojírny Křižík a.s.") -> EmailMessage {
    EmailMessage(from: EmailAddress("billing@strojirny.example", name: "Strojírny Křižík a.s."),
                 to: [EmailAddress("eliska@pekarna.example", name: "Eliška Novotná")],
                 subject: subject, text: "Dobrý den,\n.leading dot\n" + String(repeating: "dlouhý řádek ", count: 20),
                 html: "<p>Dobrý den</p>", attachments: [EmailAttachment(fileName: "Faktura č. 1.pdf", contentType: "application/pdf",
                                                                       bytes: Array("%PDF-1.7\n%%EOF\n".utf8) + [UInt8](repeating: 0xE2, count: 300))],
                 date: Date(timeIntervalSince1970: 1_796_420_000), identity: "FV-2026-000001")
}

@Test func messagesKeepToSevenBitHeadersAndShortLines() {
    let text = sample().rendered
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 998 })
    let head = text.components(separatedBy: "\r\n\r\n")[0]
    #expect(head.utf8.allSatisfy { $0 < 0x80 }, "headers are 7-bit")
    #expect(head.contains("Subject: =?UTF-8?B?"))
    #expect(head.contains("Date: Fri, 04 Dec 2026 21:33:20 +0000"), "\(head)")
    #expect(text.contains("filename*=utf-8''Faktura%20%C4%8D.%201.pdf"))
    #expect(!lines.contains { $0.hasPrefix(".") }, "no line starts with a dot")
    #expect(sample().rendered == text, "the same values give the same message")
}

@Test func encodedWordsDecodeToTheText() {
    let subject = "Faktura FV-2026-000001 – Strojírny Křižík a.s., Václavské náměstí 125, Praha"
    let words = MIMEEncoding.headerText(subject)
    #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 })
    let decoded = words.map { word -> String in
        let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
        return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
    }.joined()
    #expect(decoded == subject)
}

@Test func quotedPrintableRoundTrips() {
    let text = "Zaplaťte prosím = 1 234,50 Kč  \nDruhý řádek s mezerou na konci \n" + String(repeating: "x", count: 200)
    let encoded = MIMEEncoding.quotedPrintable(text)
    #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
    // Decode: soft breaks, then =XX.
    let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
    var bytes: [UInt8] = []
    var index = joined.utf8.startIndex
    let utf8 = joined.utf8
    while index < utf8.endIndex {
        if utf8[index] == UInt8(ascii: "=") {
            let hex = String(decoding: utf8[utf8.index(after: index)..<utf8.index(index, offsetBy: 3)], as: UTF8.self)
            bytes.append(UInt8(hex, radix: 16) ?? 0)
            index = utf8.index(index, offsetBy: 3)
        } else {
            bytes.append(utf8[index])
            index = utf8.index(after: index)
        }
    }
    #expect(String(decoding: bytes, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
}

@Test func relaxedCanonicalizationFollowsRFC6376() {
    // RFC 6376 §3.4.5's example.
    #expect(DKIMSigner.relaxedHeader("A", " X\r\n") == "a:X")
    #expect(DKIMSigner.relaxedHeader("B ", " Y\t\r\n\tZ  ") == "b:Y Z")
    #expect(DKIMSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n") == " C\r\nD E\r\n")
    #expect(DKIMSigner.relaxedBody("\r\n\r\n") == "")
}
