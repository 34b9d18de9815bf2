// The totals a postal batch's manifest ends with: pieces, sheets, pages, weight and postage,
// overall and by postage class and by envelope, the trays, and the records left out with why.
// A print shop checks its count against these; the tests check them against the PDF.
import Foundation

struct ManifestTotals: Codable {
    struct ClassTotal: Codable {
        var postageClass: String
        var zone: String
        var pieces = 0
        var sheets = 0
        var weight = 0.0
        var postage = Decimal(0)

        enum CodingKeys: String, CodingKey {
            case postageClass = "postage_class", zone, pieces, sheets, weight = "weight_g", postage
        }
    }

    struct LeftOut: Codable {
        var record: Int
        var reason: String
    }

    var currency: String
    var tariffNote: String?
    var pieces = 0
    var sheets = 0
    var pages = 0
    var trays = 0
    var weight = 0.0
    var postage = Decimal(0)
    var byClass: [ClassTotal] = []
    var byEnvelope: [String: Int] = [:]
    var leftOut: [LeftOut] = []

    enum CodingKeys: String, CodingKey {
        case currency, tariffNote = "tariff_note", pieces, sheets, pages, trays, weight = "weight_g", postage
        case byClass = "by_class", byEnvelope = "by_envelope", leftOut = "left_out"
    }

    init(currency: String, tariffNote: String?) {
        self.currency = currency
        self.tariffNote = tariffNote
    }

    mutating func add(_ piece: MailPiece) {
        let price = Decimal(string: piece.price, locale: Locale(identifier: "en_US_POSIX")) ?? 0
        pieces += 1
        weight = ((weight + piece.weight) * 10).rounded() / 10
        postage += price
        byEnvelope[piece.envelope, default: 0] += 1
        let index = byClass.firstIndex { $0.postageClass == piece.postageClass && $0.zone == piece.zone } ?? {
            byClass.append(ClassTotal(postageClass: piece.postageClass, zone: piece.zone))
            return byClass.count - 1
        }()
        byClass[index].pieces += 1
        byClass[index].sheets += piece.sheets
        byClass[index].weight = ((byClass[index].weight + piece.weight) * 10).rounded() / 10
        byClass[index].postage += price
    }
}
