// One mail piece of a postal batch, as the manifest lists it: the record it came from, the
// recipient, its sheets, weight and thickness, envelope, postage class and price, tray, and the
// run's sheets it occupies.
import Foundation

public struct MailPiece: Sendable, Codable, Hashable {
    /// 1-based, in the batch's (sorted) order.
    public var piece: Int
    /// The record's number in the data file.
    public var record: Int
    public var recipient: String
    public var postcode: String
    public var country: String
    public var zone: String
    /// The document's own pages (a duplex piece's blank last back is not counted).
    public var pages: Int
    public var sheets: Int
    /// Grams, to a tenth.
    public var weight: Double
    /// Millimetres, to a tenth.
    public var thickness: Double
    public var envelope: String
    public var postageClass: String
    /// Decimal text in the tariff's currency.
    public var price: String
    public var tray: Int
    /// The run's sheets (1-based, feed order) that make the piece.
    public var firstSheet: Int
    public var lastSheet: Int

    enum CodingKeys: String, CodingKey {
        case piece, record, recipient, postcode, country, zone, pages, sheets, weight, thickness, envelope
        case postageClass = "postage_class", price, tray, firstSheet = "first_sheet", lastSheet = "last_sheet"
    }

    static let csvHeader = "piece,record,recipient,postcode,country,zone,pages,sheets,weight_g,thickness_mm,envelope,postage_class,price,tray,first_sheet,last_sheet"

    /// The piece as a CSV row (RFC 4180: fields with commas, quotes or line breaks quoted).
    var csvRow: String {
        [String(piece), String(record), recipient, postcode, country, zone, String(pages), String(sheets), Self.decimal(weight),
         Self.decimal(thickness), envelope, postageClass, price, String(tray), String(firstSheet), String(lastSheet)]
            .map(Self.csvField).joined(separator: ",")
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rounded to a tenth, as the manifest gives weights and thicknesses.
    static func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
