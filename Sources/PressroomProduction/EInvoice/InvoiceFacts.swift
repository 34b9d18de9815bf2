// The invoice an e-invoice is written from: a record's fields, typed, with amounts exactly as the
// record (and so the printed layout) carries them. Built and checked by `InvoiceFacts.init(record:)`.
import Foundation
import PressroomGraphics

public struct InvoiceFacts: Sendable, Equatable {
    /// UNTDID 1001 document type (EN 16931 BT-3).
    public enum DocumentType: String, Sendable, Equatable {
        /// 380, commercial invoice.
        case invoice = "380"
        /// 381, credit note.
        case creditNote = "381"

        public var code: String { rawValue }
    }

    /// A calendar day as records write it ("2026-08-17"); CII writes it as format 102, `20260817`.
    /// Seller (BG-4) or buyer (BG-7).
    public struct Party: Sendable, Equatable {
        public var name: String
        /// Street lines: the record's address lines without the postcode/city line when that can be found.
        public var addressLines: [String]
        public var postcode: String?
        /// Taken from the address line that carries the postcode ("200 20 České Budějovice"), or the
        /// line before a postcode on its own line (British order); nil when no line carries it.
        public var city: String?
        /// ISO 3166-1 alpha-2.
        public var country: String
        public var vatID: String?
    }

    public struct Line: Sendable, Equatable {
        /// 1-based position in `items` (BT-126).
        public var id: String
        public var name: String
        public var quantity: Decimal
        public var unit: UnitCode
        /// Net price per unit (BT-146), signed as in the record.
        public var unitPrice: Decimal
        /// Line net amount (BT-131), signed as in the record.
        public var net: Decimal
        public var vatRate: Decimal
        public var vatCategory: VATCategory
    }

    /// One row of the VAT breakdown (BG-23), signed as in the record.
    public struct VATSubtotal: Sendable, Equatable {
        public var rate: Decimal
        public var category: VATCategory
        public var net: Decimal
        public var vat: Decimal
        public var gross: Decimal
    }

    // `let`: the facts are checked once, in init(record:), and stay as checked.
    public let number: String
    public let documentType: DocumentType
    /// -1 when the record carries the credit note's amounts negative (as the layout prints them),
    /// else 1. CII wants credit notes with positive amounts and TypeCode 381, so the XML writes
    /// every amount times this sign.
    public let recordSign: Decimal
    public let issueDate: CalendarDay
    public let dueDate: CalendarDay?
    /// ISO 4217.
    public let currency: String
    public let seller: Party
    public let buyer: Party
    /// The seller's account for the transfer, spaces removed.
    public let iban: String?
    public let lines: [Line]
    public let vatBreakdown: [VATSubtotal]
    public let totalNet: Decimal
    public let totalVAT: Decimal
    public let totalGross: Decimal
}

/// EN 16931 BT-151 / BT-118 VAT category (UNTDID 5305 subset).
public enum VATCategory: String, Sendable, Equatable {
    /// Standard rate.
    case standard = "S"
    /// Zero-rated goods: a 0 % rate in the record. Chosen over E (exempt) because E needs an
    /// exemption reason (BR-E-10) that records do not carry, and a record's 0 % is a rate, not an
    /// exemption.
    case zeroRated = "Z"

    public var code: String { rawValue }

    static func forRate(_ rate: Decimal) -> VATCategory { rate == 0 ? .zeroRated : .standard }
}
