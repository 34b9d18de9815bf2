// DKIM signatures (RFC 6376) with relaxed/relaxed canonicalization: RSA-SHA256 always, and
// Ed25519-SHA256 (RFC 8463) as a second signature when a key for it is given. Each signs the
// body hash and the headers that identify the message (From, To, Subject, Date, Message-ID,
// MIME-Version, Content-Type, and Reply-To or the List-Unsubscribe pair when present).
import Crypto
import CryptoExtras
import Foundation

public struct DKIMSigner: Sendable {
    public enum Key: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        var algorithm: String {
            switch self {
            case .rsa: "rsa-sha256"
            case .ed25519: "ed25519-sha256"
            }
        }

        /// A key from a PEM file: RSA (PKCS#1 or PKCS#8) or Ed25519 (PKCS#8).
        public static func load(pem path: String) throws(DeliveryError) -> Key {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw DeliveryError.configuration("cannot read the DKIM key \(path): \(error.localizedDescription)")
            }
            if let key = try? _RSA.Signing.PrivateKey(pemRepresentation: text) {
                guard key.keySizeInBits >= 1024 else { throw DeliveryError.configuration("the RSA key \(path) has \(key.keySizeInBits) bits; DKIM verifiers need at least 1024 (2048 is usual)") }
                return .rsa(key)
            }
            if let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: text) { return .ed25519(key) }
            throw DeliveryError.configuration("\(path) is not an RSA or Ed25519 private key in PEM (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)")
        }

        /// The DNS TXT record's value: `v=DKIM1; k=rsa; p=…`.
        public var dnsRecord: String {
            switch self {
            case .rsa(let key): "v=DKIM1; k=rsa; p=" + key.publicKey.derRepresentation.base64EncodedString()
            case .ed25519(let key): "v=DKIM1; k=ed25519; p=" + key.publicKey.rawRepresentation.base64EncodedString()
            }
        }
    }

    public var domain: String
    public var selector: String
    public var key: Key
    /// An Ed25519 key signing a second time, under its own selector.
    public var secondKey: (selector: String, key: Key)?

    public init(domain: String, selector: String, key: Key, secondKey: (selector: String, key: Key)? = nil) {
        self.domain = domain
        self.selector = selector
        self.key = key
        self.secondKey = secondKey
    }

    static let signedHeaders = ["from", "to", "subject", "date", "message-id", "mime-version", "content-type", "reply-to",
                                "list-unsubscribe", "list-unsubscribe-post"]

    /// The message with its DKIM-Signature headers in front. `time`: the t= tag (seconds since 1970).
    public func sign(_ message: [UInt8], time: Int) throws(DeliveryError) -> [UInt8] {
        guard let split = Self.blankLine(in: message) else { throw DeliveryError.message("a message has headers, a blank line and a body") }
        let headerBlock = String(decoding: message[..<split], as: UTF8.self) + "\r\n"
        let headers = Self.headers(headerBlock)
        let bodyHash = Data(SHA256.hash(data: Self.relaxedBody(message[(split + 4)...]))).base64EncodedString()
        let present = Self.signedHeaders.filter { name in headers.contains { $0.name.lowercased() == name } }

        var signatures: [String] = []
        for (selector, key) in [(selector, key)] + (secondKey.map { [$0] } ?? []) {
            let tags = "v=1; a=\(key.algorithm); c=relaxed/relaxed; d=\(domain); s=\(selector); t=\(time); h=\(present.joined(separator: ":")); bh=\(bodyHash); b="
            var signed = ""
            // The last instance of each signed header (RFC 6376 §5.4.2).
            for name in present {
                if let header = headers.last(where: { $0.name.lowercased() == name }) { signed += Self.relaxedHeader(header.name, header.value) + "\r\n" }
            }
            signed += Self.relaxedHeader("DKIM-Signature", tags)
            let signature: Data
            do {
                switch key {
                case .rsa(let rsa):
                    signature = try rsa.signature(for: SHA256.hash(data: Data(signed.utf8)), padding: .insecurePKCS1v1_5).rawRepresentation
                case .ed25519(let ed):
                    signature = try ed.signature(for: Data(SHA256.hash(data: Data(signed.utf8))))
                }
            } catch {
                throw DeliveryError.configuration("DKIM signing failed: \(error)")
            }
            signatures.append(Self.fold("DKIM-Signature: " + tags + signature.base64EncodedString()))
        }
        return Array(signatures.joined().utf8) + message
    }

    /// Header fields with their (unfolded) values, in order.
    static func headers(_ block: String) -> [(name: String, value: String)] {
        var fields: [(String, String)] = []
        for line in block.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += "\r\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return fields
    }

    /// RFC 6376 §3.4.2: lower-case name, unfolded value, runs of whitespace as one space, none
    /// at either end of the value, none around the colon.
    static func relaxedHeader(_ name: String, _ value: String) -> String {
        let unfolded = value.replacingOccurrences(of: "\r\n", with: "")
        var collapsed = ""
        var inSpace = false
        for character in unfolded {
            if character == " " || character == "\t" {
                inSpace = true
            } else {
                if inSpace && !collapsed.isEmpty { collapsed.append(" ") }
                inSpace = false
                collapsed.append(character)
            }
        }
        return name.lowercased().trimmingCharacters(in: .whitespaces) + ":" + collapsed
    }

    /// RFC 6376 §3.4.4: whitespace runs as one space, none at line ends, no empty lines at the
    /// end, and a CRLF after the last line of a non-empty body.
    static func relaxedBody(_ body: String) -> String {
        String(decoding: relaxedBody(Array(body.utf8)[...]), as: UTF8.self)
    }

    /// The same on bytes, in one pass: runs of spaces and tabs become one space, none is left at
    /// a line's end, and empty lines at the end are dropped (held back until a line with text
    /// follows them).
    static func relaxedBody(_ body: ArraySlice<UInt8>) -> [UInt8] {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var line: [UInt8] = []
        var heldEmptyLines = 0
        var inSpace = false
        func endLine() {
            if line.isEmpty {
                heldEmptyLines += 1
            } else {
                for _ in 0..<heldEmptyLines { out.append(cr); out.append(lf) }
                heldEmptyLines = 0
                out.append(contentsOf: line)
                out.append(cr)
                out.append(lf)
                line.removeAll(keepingCapacity: true)
            }
            inSpace = false
        }
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == cr, body.index(after: index) < body.endIndex, body[body.index(after: index)] == lf {
                endLine()
                index = body.index(index, offsetBy: 2)
                continue
            }
            if byte == space || byte == tab {
                inSpace = true
            } else {
                if inSpace { line.append(space) }
                inSpace = false
                line.append(byte)
            }
            index = body.index(after: index)
        }
        if !line.isEmpty { endLine() }
        return out
    }

    /// Where the header block ends: the index of the CRLF CRLF.
    static func blankLine(in message: [UInt8]) -> Int? {
        guard message.count >= 4 else { return nil }
        for index in 0...(message.count - 4)
        where message[index] == 13 && message[index + 1] == 10 && message[index + 2] == 13 && message[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// A long header folded at `; ` and inside the signature so no line passes 78 characters.
    static func fold(_ header: String) -> String {
        var lines: [String] = []
        var line = ""
        for part in header.components(separatedBy: "; ") {
            let piece = line.isEmpty ? part : "; " + part
            if !line.isEmpty && line.count + piece.count > 76 {
                lines.append(line + ";")
                line = " " + part
            } else {
                line += piece
            }
        }
        // The b= value is one long base64 run: break it into 70-character pieces.
        while line.count > 76 {
            let cut = line.index(line.startIndex, offsetBy: 76)
            lines.append(String(line[..<cut]))
            line = " " + line[cut...]
        }
        lines.append(line)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
