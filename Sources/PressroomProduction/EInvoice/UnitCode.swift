// UN/ECE Recommendation 20 unit codes (EN 16931 BT-130) and the unit words records use for them.

public struct UnitCode: Sendable, Hashable, CustomStringConvertible {
    public let code: String

    public init(code: String) { self.code = code }

    public var description: String { code }

    /// "one": the fallback for units we do not recognise, as Rec 20 advises for counted items.
    public static let one = UnitCode(code: "C62")
    public static let piece = UnitCode(code: "H87")
    public static let hour = UnitCode(code: "HUR")
    public static let day = UnitCode(code: "DAY")
    public static let month = UnitCode(code: "MON")
    public static let kilogram = UnitCode(code: "KGM")
    public static let metre = UnitCode(code: "MTR")
    public static let litre = UnitCode(code: "LTR")

    /// The code for a record's unit word, case and a trailing full stop ignored: the piece words
    /// of our languages ("ks", "pcs", "Stk.", "szt.", "шт.", "kom") are H87, hour words HUR; an
    /// absent or unknown unit is C62.
    public init(unit: String?) {
        guard var word = unit?.trimmingWhitespace.lowercased(), !word.isEmpty else {
            self = .one
            return
        }
        if word.hasSuffix(".") { word.removeLast() }
        self = Self.words[word] ?? .one
    }

    private static let words: [String: UnitCode] = {
        var table: [String: UnitCode] = [:]
        for word in ["ks", "kus", "pc", "pcs", "piece", "pieces", "stk", "stück", "st", "szt", "sztuka",
                     "шт", "штука", "kom", "ком", "komad", "комад"] { table[word] = .piece }
        for word in ["h", "hr", "hrs", "hour", "hours", "hod", "hodina", "hodin", "std", "stunde", "stunden",
                     "godz", "godzina", "год", "година", "sat", "сат"] { table[word] = .hour }
        for word in ["d", "day", "days", "den", "dní", "dny", "tag", "tage", "dzień", "dni", "день", "дн", "dan"] {
            table[word] = .day
        }
        for word in ["month", "months", "měs", "měsíc", "monat", "mies", "miesiąc", "міс", "місяць", "mes", "mesec", "месец"] {
            table[word] = .month
        }
        for word in ["kg", "кг"] { table[word] = .kilogram }
        for word in ["m", "м"] { table[word] = .metre }
        for word in ["l", "л"] { table[word] = .litre }
        return table
    }()
}

extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
