// Who is calling: the stored key a request's bearer token matched, and what its role allows.
import Foundation

public struct Principal: Sendable {
    public var tenant: String
    public var role: Role
    public var shop: String?
    public var keyPrefix: String

    init(_ key: StoredKey) {
        tenant = key.tenant
        role = key.role
        shop = key.shop
        keyPrefix = key.prefix
    }

    /// The caller of the request being handled, for the generated operations (set by the key
    /// middleware around the request).
    @TaskLocal static var current: Principal?

    /// The current caller when `allowed`; 401 without a key, 403 with one that may not.
    static func caller(_ allowed: (Principal) -> Bool, _ refusal: String) throws -> Principal {
        try check(current, allowed, refusal)
    }

    static func check(_ principal: Principal?, _ allowed: (Principal) -> Bool, _ refusal: String) throws -> Principal {
        guard let principal else { throw Problem.unauthorized }
        guard allowed(principal) else { throw Problem.forbidden(refusal) }
        return principal
    }

    /// Submitting documents and jobs, reading the tenant's jobs and layouts.
    var submits: Bool { role == .submitter || role == .admin }
    var administers: Bool { role == .admin }
    /// A print shop's key, naming its shop.
    var printsForShop: Bool { role == .printshop && shop != nil }

    static let submitterRefusal = "this key is a print shop's; documents and jobs need a submitter or admin key"
    static let printShopRefusal = "the print-shop routes need a print shop's key"
}
