// API keys: made from 32 random bytes as `pr_` and 43 base64url characters, shown once, and
// stored only as their SHA-256. A request's key is hashed and looked up; nothing compares
// secrets byte by byte.
import Crypto
import Foundation

public enum APIKeys {
    /// A new key and what the store keeps of it.
    public static func make(tenant: String, role: Role, shop: String?, label: String?, now: Date = Date()) -> (key: String, stored: StoredKey) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let key = "pr_" + bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return (key, StoredKey(hash: hash(key), prefix: prefix(key), tenant: tenant, role: role, shop: shop, label: label, created: now))
    }

    public static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The first characters, which tell keys apart in listings without revealing them.
    public static func prefix(_ key: String) -> String { String(key.prefix(10)) }

    /// Tenant and shop names: lower-case letters, digits, `-` and `_`, as folder names.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.first != "-" && name.first != "_"
            && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

extension APIKeys {
    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}
