// `pressroom specimen`: every bundled family and every script the engine promises, set on A4 —
// a justified, hyphenated Czech paragraph, Polish, Ukrainian, Serbian in both scripts, German,
// Greek, Arabic and Hebrew inside English, tabular figures, a transparent logo, CMYK and spot inks.
import PressroomGraphics
import PressroomPDF
import PressroomText

public enum Specimen {
    /// One sample per language: what the page shows, and what text extraction must give back.
    public struct Sample: Sendable {
        public let heading: String
        public let language: String
        public let text: String
        public let paragraph: ParagraphStyle
        public let width: Double?
    }

    public static let czech = Sample(
        heading: "Čeština — do bloku, s dělením slov", language: "cs",
        text: "Příliš žluťoučký kůň úpěl ďábelské ódy. Nejneobhospodařovávatelnějšími pozemky se ukázaly ty, "
            + "které ležely daleko od vesnice, a proto je správci rozdělili mezi nejvytrvalejší hospodáře. "
            + "Elektroinstalační společnosti zpracovávají objednávky s mimořádnou pečlivostí a spolehlivostí.",
        paragraph: ParagraphStyle(alignment: .justified, hyphenate: true), width: 230)

    public static let samples: [Sample] = [
        czech,
        Sample(heading: "Polski", language: "pl",
               text: "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Faktura została wystawiona zgodnie z umową.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Українська", language: "uk",
               text: "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів! Рахунок сплачується протягом чотирнадцяти днів.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Српски (ћирилица, локални облици б г д п т)", language: "sr",
               text: "Љубазни фењерџија чађавог лица хоће да ми покаже штос. бгдпт",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Srpski (latinica)", language: "sr-Latn",
               text: "Ljubazni fenjerdžija čađavog lica hoće da mi pokaže štos. Račun je plativ u roku od 15 dana.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Deutsch", language: "de",
               text: "Falsches Üben von Xylophonmusik quält jeden größeren Zwerg. Die Rechnungsnummer finden Sie oben rechts.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Ελληνικά", language: "el",
               text: "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Το τιμολόγιο είναι πληρωτέο εντός δεκατεσσάρων ημερών.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Right to left inside English", language: "en",
               text: "The word for peace is سلام in Arabic and שלום in Hebrew; the phrase مرحبا بالعالم and the words שלום עולם read right to left.",
               paragraph: ParagraphStyle(), width: nil),
        Sample(heading: "Ligatures and kerning", language: "en",
               text: "Official affinity: the fjord office offered fluffy waffles. AV Ty We Yo.",
               paragraph: ParagraphStyle(), width: nil),
    ]

    public static let tabularFigures = ["1 234,50", "98,00", "12 345,67", "7,10", "111 111,11"]

    public struct Result {
        public let pages: [Page]
        public let info: DocumentInfo
        public let missingCharacters: [MissingCharacter]
    }

    public static func make(registry: FontRegistry, logo: ImageSource) throws -> Result {
        let typesetter = Typesetter(registry: registry)
        var flow = FlowComposer(pageSize: .a4, margin: Length.mm(18).points, typesetter: typesetter)
        let accent = Swatch.rgb(0.086, 0.306, 0.549)

        // Title and logo.
        let columnWidth = flow.contentWidth
        flow.block(height: 0) { page, origin in
            page.add(.image(logo, frame: Rect(x: origin.x + columnWidth - 110, y: origin.y - 6, width: 110, height: 55)))
        }
        try flow.paragraph([TextSpan("Pressroom type specimen", style: TextStyle(weight: 700, size: 22))],
                           colour: { _ in accent })
        try flow.paragraph([TextSpan("Bundled families, scripts and inks. Set with HarfBuzz, broken with Knuth–Plass, written by Pressroom's own PDF writer.",
                                     style: TextStyle(size: 9))], width: flow.contentWidth - 130)
        flow.space(4)
        flow.block(height: 8) { page, origin in
            page.add(.path(.line(from: origin, to: Point(x: origin.x + columnWidth, y: origin.y)), fill: nil,
                           stroke: Stroke(colour: .gray(0.6), width: 0.5)))
        }

        // Every bundled family, every face.
        try heading("Bundled families", &flow, accent)
        let faces = registry.allFaces.filter { !$0.familyName.contains("Arabic") && !$0.familyName.contains("Hebrew") }
        for face in faces {
            let style = TextStyle(family: face.familyName, weight: face.weight, italic: face.isItalic, size: 10)
            try flow.paragraph([TextSpan("\(face.displayName): ", style: TextStyle(size: 7.5)),
                                TextSpan("Quick brown fox 0123456789 — Žluťoučký kůň, Ђурђевдан, Ωμέγα", style: style)],
                               colour: { $0 == 0 ? .gray(0.4) : .black })
        }
        try flow.paragraph([TextSpan("Noto Sans Arabic: ", style: TextStyle(size: 7.5)),
                            TextSpan("الخط العربي الجميل", style: TextStyle(family: "Noto Sans Arabic", size: 11, language: "ar")),
                            TextSpan("   Noto Sans Hebrew: ", style: TextStyle(size: 7.5)),
                            TextSpan("כתב עברי יפה", style: TextStyle(family: "Noto Sans Hebrew", size: 11, language: "he"))],
                           colour: { $0 % 2 == 0 ? .gray(0.4) : .black })
        flow.space(8)

        // Scripts and languages.
        for sample in samples {
            try heading(sample.heading, &flow, accent)
            try flow.paragraph([TextSpan(sample.text, style: TextStyle(size: 10.5, language: sample.language))],
                               style: sample.paragraph, width: sample.width)
            if sample.language == "sr" {
                try flow.paragraph([TextSpan("Курзив: бгдпт (sr) — ", style: TextStyle(italic: true, size: 10.5, language: "sr")),
                                    TextSpan("бгдпт (ru)", style: TextStyle(italic: true, size: 10.5, language: "ru"))])
            }
            flow.space(5)
        }

        // Tabular figures, right-aligned in a column.
        flow.reserve(Double(tabularFigures.count + 3) * 13) // heading and column stay together
        try heading("Tabular figures (tnum), right-aligned", &flow, accent)
        for figure in tabularFigures {
            try flow.paragraph([TextSpan(figure, style: TextStyle(size: 10, features: [.tabularFigures]))],
                               style: ParagraphStyle(alignment: .right), width: 90)
        }
        flow.space(8)

        // Inks and shapes.
        try heading("Inks, shapes and a transparent logo", &flow, accent)
        let spot = SpotColour(name: "PANTONE 186 C", cyan: 0, magenta: 1, yellow: 0.81, black: 0.04)
        let swatches: [(String, Swatch)] = [
            ("C", .cmyk(1, 0, 0, 0)), ("M", .cmyk(0, 1, 0, 0)), ("Y", .cmyk(0, 0, 1, 0)), ("K", .cmyk(0, 0, 0, 1)),
            ("186 100%", Swatch(.spot(spot, tint: 1))), ("186 60%", Swatch(.spot(spot, tint: 0.6))), ("186 30%", Swatch(.spot(spot, tint: 0.3))),
            ("RGB", accent),
        ]
        let labelStyle = TextStyle(size: 7)
        let labels = try swatches.map { try typesetter.typeset([TextSpan($0.0, style: labelStyle)], width: 50) }
        flow.block(height: 60) { page, origin in
            for (index, swatch) in swatches.enumerated() {
                let frame = Rect(x: origin.x + Double(index) * 56, y: origin.y, width: 48, height: 36)
                page.add(.path(.rectangle(frame), fill: swatch.1, stroke: nil))
                page.add(labels[index], at: Point(x: frame.minX, y: frame.maxY + 2))
            }
        }
        flow.block(height: 80) { page, origin in
            let backdrop = Rect(x: origin.x, y: origin.y, width: 150, height: 70)
            page.add(.path(.roundedRectangle(backdrop, radius: 10), fill: .rgb(0.95, 0.87, 0.55),
                           stroke: Stroke(colour: accent, width: 1.5, dash: [4, 2], join: .round)))
            page.add(.image(logo, frame: Rect(x: origin.x + 10, y: origin.y + 8, width: 120, height: 60)))
            var curve = Path()
            curve.move(to: Point(x: origin.x + 180, y: origin.y + 60))
            curve.curve(to: Point(x: origin.x + 330, y: origin.y + 60),
                        control1: Point(x: origin.x + 220, y: origin.y - 10), control2: Point(x: origin.x + 290, y: origin.y + 130))
            page.add(.path(curve, fill: nil, stroke: Stroke(colour: .spot(spot, tint: 1), width: 3, cap: .round)))
            page.add(.path(.ellipse(in: Rect(x: origin.x + 350, y: origin.y + 10, width: 60, height: 40)),
                           fill: .cmyk(0.6, 0, 0.2, 0), stroke: Stroke(colour: .black, width: 0.5)))
        }
        try flow.paragraph([TextSpan("Project home: https://example.com/pressroom", style: TextStyle(size: 9))],
                           link: "https://example.com/pressroom", colour: { _ in accent })
        let pages = flow.finish()
        let info = DocumentInfo(title: "Pressroom type specimen", author: "Pressroom", subject: "Fonts and scripts",
                                creator: "pressroom specimen", creationDate: DocumentDate(year: 2026, month: 1, day: 1),
                                language: "en")
        return Result(pages: pages, info: info, missingCharacters: flow.missing)
    }

    private static func heading(_ text: String, _ flow: inout FlowComposer, _ colour: Swatch) throws {
        flow.reserve(40)
        try flow.paragraph([TextSpan(text, style: TextStyle(weight: 700, size: 11))], colour: { _ in colour })
        flow.space(2)
    }

    /// Renders the specimen to PDF bytes.
    public static func render(registry: FontRegistry, logo: ImageSource) throws -> [UInt8] {
        let result = try make(registry: registry, logo: logo)
        return try PDFDocumentWriter.render(result.pages, info: result.info)
    }
}
