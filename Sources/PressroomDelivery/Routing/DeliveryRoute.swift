// Which channels a record asks for: `delivery.preference` in the record, `email` (the default
// when the record gives an email address), `post` (the default when it gives none) or `both`.
// Email goes first; a record whose email cannot go (no address, an address that is not one, an
// address on the suppression list, a hard bounce) falls back to post.
import PressroomLayout

public struct DeliveryRoute: Sendable, Equatable {
    public enum Preference: String, Sendable, CaseIterable {
        case email, post, both
    }

    public var preference: Preference

    public var wantsEmail: Bool { preference != .post }
    public var wantsPost: Bool { preference != .email }

    public init(preference: Preference) {
        self.preference = preference
    }

    /// The record's route; an unknown preference is an error at `$.delivery.preference`.
    public init(record: DataValue) throws(LayoutError) {
        switch record["delivery"]?["preference"] {
        case nil, .null?:
            if case .string(let address)? = record["delivery"]?["email"], !address.isEmpty {
                self.init(preference: .email)
            } else {
                self.init(preference: .post)
            }
        case .string(let text)?:
            guard let preference = Preference(rawValue: text.lowercased()) else {
                throw LayoutError(.invalidValue, "the delivery preference is email, post or both, not `\(text)`",
                                  dataPath: "$.delivery.preference")
            }
            self.init(preference: preference)
        default:
            throw LayoutError(.invalidValue, "the delivery preference is a text: email, post or both", dataPath: "$.delivery.preference")
        }
    }

    /// The record's idempotency key (`meta.idempotency_key`), else `fallback`: a message's
    /// identity (its Message-ID) and its key in a delivery ledger.
    public static func key(of record: DataValue, fallback: String) -> String {
        key(of: record) ?? fallback
    }

    /// The record's own idempotency key, when it gives one.
    public static func key(of record: DataValue) -> String? {
        if case .string(let key)? = record["meta"]?["idempotency_key"] { return key }
        return nil
    }
}
