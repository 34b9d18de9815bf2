// The recipient of a mail piece as a record gives it (the post profile's `address:` field): name,
// address lines, postcode and country, and where the piece sorts. A record without a postal
// address cannot be mailed; the error names the missing field's JSON path.
import Foundation
import PressroomLayout

public struct PostalAddress: Sendable, Hashable {
    public var name: String
    public var lines: [String]
    public var postcode: String
    /// ISO 3166-1 alpha-2, upper case.
    public var country: String

    /// The recipient at `field` of `record` (keys from the record's top).
    public init(record: DataValue, field: [String]) throws(LayoutError) {
        var path = DataPath.root
        var value = record
        for key in field {
            path = path.appending(key: key)
            guard let next = value[key], case .object = next else {
                throw LayoutError(.missingField, "the record has no postal address: \(path) is missing or is not an object with name, address, postcode and country",
                                  dataPath: path.description)
            }
            value = next
        }
        func text(_ key: String) throws(LayoutError) -> String {
            guard case .string(let text)? = value[key], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LayoutError(.missingField, "the postal address has no \(key)", dataPath: path.appending(key: key).description)
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
        name = try text("name")
        postcode = try text("postcode")
        country = try text("country").uppercased()
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw LayoutError(.invalidValue, "the country is a two-letter ISO 3166 code such as DE or CZ, not `\(country)`",
                              dataPath: path.appending(key: "country").description)
        }
        guard case .array(let items)? = value["address"] else {
            throw LayoutError(.missingField, "the postal address has no address lines (a list of text)", dataPath: path.appending(key: "address").description)
        }
        lines = items.compactMap { item in
            if case .string(let line) = item, !line.trimmingCharacters(in: .whitespaces).isEmpty { return line }
            return nil
        }
        if lines.isEmpty {
            throw LayoutError(.missingField, "the postal address has no address lines", dataPath: path.appending(key: "address").description)
        }
    }

    /// The postcode as sorting compares it: letters and digits only, upper case ("635 84" → "63584").
    public var sortablePostcode: String {
        String(postcode.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
