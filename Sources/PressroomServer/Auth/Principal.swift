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

    /// Submitting documents and jobs, reading the tenant's jobs and layouts.
    var submits: Bool { role == .submitter || role == .admin }
    var administers: Bool { role == .admin }
}
