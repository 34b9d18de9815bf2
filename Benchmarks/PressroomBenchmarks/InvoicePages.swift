// Invoice-like pages for the writer benchmark: a logo, address blocks, a line-item table and
// totals, about 150 short glyph runs in regular and bold Noto Sans, with different names, items
// and amounts on every page (a seeded generator), so font subsets differ from document to document.
import Foundation
import PressroomGraphics
import PressroomText

struct InvoicePages {
    let typesetter: Typesetter
    let logo: ImageSource?

    /// A small deterministic generator (SplitMix64), so every run sets the same pages.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    private static let companies = ["Strojírny Křižík a.s.", "Účetní služby Novák s.r.o.", "Kowalski i Wspólnicy sp. z o.o.",
                                    "Bäckerei Müller GmbH", "Northwind Traders Ltd", "Dřevozpracující družstvo Žďár",
                                    "Zakład Poligraficzny Łódź", "Atelier Sørensen", "Vinařství Pálava", "Tiskárna Horák"]
    private static let streets = ["Vodičkova", "Husova", "ul. Piotrkowska", "Hauptstraße", "High Street", "Nádražní",
                                  "Žižkova", "Dlouhá", "ul. Świętokrzyska", "Květinová"]
    private static let cities = ["110 00 Praha 1", "602 00 Brno", "90-001 Łódź", "80331 München", "EC1A 1BB London",
                                 "370 01 České Budějovice", "591 01 Žďár nad Sázavou", "00-950 Warszawa"]
    private static let items = ["Účetní služby – měsíční paušál", "Tisk letáků A5, 4/4", "Grafický návrh loga",
                                "Konzultace (hodina)", "Papier offsetowy 90 g/m²", "Bindung, Klebebindung", "Delivery and handling",
                                "Laminace lesklá", "Výsek dle tvaru", "Hosting – roční licence", "Skład i łamanie tekstu",
                                "Proofs, colour-managed", "Kroužková vazba", "Software licence, 12 months"]

    /// `count` different pages.
    func make(count: Int, seed: UInt64 = 1) throws -> [Page] {
        var generator = Generator(state: seed)
        return try (0..<count).map { _ in try page(&generator) }
    }

    private func page(_ random: inout Generator) throws -> Page {
        var page = Page(size: .a4)
        let regular = TextStyle(size: 9, language: "cs"), bold = TextStyle(weight: 700, size: 9, language: "cs")
        func text(_ string: String, _ style: TextStyle, _ x: Double, _ y: Double) throws {
            page.add(try typesetter.typeset([TextSpan(string, style: style)], width: .greatestFiniteMagnitude), at: Point(x: x, y: y))
        }
        func amount(_ cents: Int) -> String {
            let whole = String(cents / 100)
            var grouped = ""
            for (index, character) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(" ") }
                grouped.append(character)
            }
            return grouped + "," + String(format: "%02d", cents % 100)
        }

        if let logo { page.add(.image(logo, frame: Rect(x: 40, y: 30, width: 120, height: 60))) }
        try text("Faktura \(2026_000_000 + random.number(1...99_999))", TextStyle(weight: 700, size: 16, language: "cs"), 380, 40)
        for (column, label) in [(40.0, "Dodavatel"), (300.0, "Odběratel")] {
            try text(label, bold, column, 110)
            try text(random.pick(Self.companies), regular, column, 124)
            try text("\(random.pick(Self.streets)) \(random.number(1...240))", regular, column, 136)
            try text(random.pick(Self.cities), regular, column, 148)
            try text("IČO: \(random.number(10_000_000...99_999_999))", regular, column, 160)
            try text("IBAN: CZ\(random.number(10...99)) 0800 0000 \(random.number(1000...9999)) \(random.number(1000...9999))", regular, column, 172)
        }
        for (row, label) in ["Datum vystavení", "Datum splatnosti", "Variabilní symbol", "Měna"].enumerated() {
            let y = 195 + Double(row) * 12
            try text(label, bold, 300, y)
            try text(row == 3 ? "CZK" : "\(random.number(1...28)). \(random.number(1...12)). 2026", regular, 420, y)
        }

        let columns: [(String, Double)] = [("Položka", 40), ("Množství", 270), ("Jednotka", 320), ("Cena/j.", 370),
                                           ("DPH", 440), ("Celkem", 490)]
        page.add(.path(.rectangle(Rect(x: 36, y: 252, width: 523, height: 16)), fill: .gray(0.9), stroke: nil))
        for (label, x) in columns { try text(label, bold, x, 264) }
        var total = 0
        for row in 0..<18 {
            let y = 282 + Double(row) * 14
            let quantity = random.number(1...40), price = random.number(150...250_000)
            let vat = random.pick([0, 12, 21])
            total += quantity * price
            try text(random.pick(Self.items), regular, 40, y)
            try text("\(quantity)", regular, 270, y)
            try text(random.pick(["ks", "hod", "m²", "bal."]), regular, 320, y)
            try text(amount(price), regular, 370, y)
            try text("\(vat) %", regular, 440, y)
            try text(amount(quantity * price), regular, 490, y)
            page.add(.path(.line(from: Point(x: 36, y: y + 4), to: Point(x: 559, y: y + 4)), fill: nil,
                           stroke: Stroke(colour: .gray(0.7), width: 0.5)))
        }
        for (row, label) in ["Základ daně", "DPH", "Celkem k úhradě"].enumerated() {
            let y = 550 + Double(row) * 14
            try text(label, bold, 370, y)
            try text(amount(row == 1 ? total / 5 : total) + " CZK", row == 2 ? bold : regular, 470, y)
        }
        let small = TextStyle(size: 7, language: "cs")
        try text("Společnost je zapsána v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka \(random.number(1000...99_999)).", small, 40, 790)
        try text("Děkujeme za Vaši objednávku. Dotazy: fakturace@example.cz, +420 \(random.number(200...799)) \(random.number(100...999)) \(random.number(100...999))", small, 40, 800)
        try text("Strana 1 z 1", small, 510, 810)
        return page
    }
}
