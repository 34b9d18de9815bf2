// The encodings a mail message needs to carry any text and any file over 7-bit SMTP within its
// line limits: base64 in 76-character lines (RFC 2045 §6.8), quoted-printable (§6.7) for text
// parts, RFC 2047 encoded words for non-ASCII header text, RFC 2231 parameters for non-ASCII
// file names, and header folding below 78 characters (RFC 5322 §2.2.3).
import Foundation

enum MIMEEncoding {
    /// Base64 in lines of 76 characters, each ended with CRLF.
    static func base64(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        var encoded = Data(bytes).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        encoded.append(contentsOf: [13, 10])
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Quoted-printable of UTF-8 text: printable ASCII as itself (but `=`), spaces and tabs as
    /// themselves except at a line's end, line breaks as CRLF, everything else as =XX; soft line
    /// breaks keep lines at 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        let crlf: [UInt8] = [13, 10], softBreak: [UInt8] = [UInt8(ascii: "="), 13, 10]
        var start = 0
        while true {
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            // CRLF and a lone LF both end a line; the CR is not part of it.
            let lineEnd = end < bytes.count && end > start && bytes[end - 1] == 13 ? end - 1 : end
            var length = 0
            for position in start..<lineEnd {
                let byte = bytes[position]
                var encoded: Bool
                switch byte {
                case 0x21...0x3C, 0x3E...0x7E: encoded = false
                case 0x20, 0x09: encoded = position == lineEnd - 1
                default: encoded = true
                }
                // A dot that starts a line is encoded, so no SMTP server ever sees a lone "." line.
                if length == 0 && byte == 0x2E { encoded = true }
                if length + (encoded ? 3 : 1) > 75 {
                    output += softBreak
                    length = 0
                    if byte == 0x2E { encoded = true }
                }
                if encoded {
                    output += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                    length += 3
                } else {
                    output.append(byte)
                    length += 1
                }
            }
            output += crlf
            guard end < bytes.count else { break }
            start = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Header text: as it is when it is printable ASCII, else RFC 2047 encoded words
    /// (`=?UTF-8?B?…?=`), each at most 75 characters and holding whole characters.
    static func headerText(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !text.contains("=?") { return [text] }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 characters of base64 = 45 bytes.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// `name: value` folded with CRLF + space between words so no line passes 78 characters.
    static func header(_ name: String, _ words: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for word in words {
            if line.count + 1 + word.count > 78 && line.count > name.count + 1 {
                lines.append(line)
                line = " " + word
            } else {
                line += " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A header of unstructured text (Subject), encoded where needed and folded.
    static func unstructured(_ name: String, _ text: String) -> String {
        let words = headerText(text)
        if words.count == 1 && words[0] == text {
            return header(name, text.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        return header(name, words)
    }

    /// A mailbox: `addr@example.com` or `Name <addr@example.com>`, the name quoted or encoded.
    static func mailbox(name: String?, address: String) -> [String] {
        guard let name, !name.isEmpty else { return [address] }
        let plain = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if plain {
            let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            return quoted.split(separator: " ").map(String.init) + ["<\(address)>"]
        }
        return headerText(name) + ["<\(address)>"]
    }

    /// A file name parameter: `filename="name"` when it is printable ASCII without quotes, else
    /// RFC 2231 `filename*=utf-8''percent-encoded`.
    static func fileNameParameter(_ key: String, _ name: String) -> String {
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) && name.count < 60 {
            return "\(key)=\"\(name)\""
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = name.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "\(key)*=utf-8''\(encoded)"
    }
}
