// A post profile from YAML (`Layouts/post/*.yaml`), checked where it is written: the home
// country, the address field and component, paper, envelopes (each with its window inside an A4
// sheet), the inserter's OMR track and Data Matrix, and the tariff, whose weight steps must leave
// no gap in a zone. Every problem is reported at its file:line.
import Foundation
import PressroomGraphics

enum PostProfileLoader {
    static let keys = ["post", "description", "home-country", "address", "address-component", "paper", "duplex", "tray",
                       "envelopes", "omr", "datamatrix", "tariff"]
    static let envelopeKeys = ["name", "size", "weight", "max-sheets", "layers", "window", "thickness"]
    static let omrKeys = ["marks", "side", "inset", "top", "pitch", "length", "thickness", "clearance"]
    static let classKeys = ["name", "zone", "max-size", "max-thickness", "weight", "price"]
    /// The sheet a letter is printed on; windows and marks must lie on it.
    static let sheet = Size.a4

    static func profile(_ document: YAMLValue) throws(LayoutError) -> PostProfile {
        let what = "a post profile"
        let map = try document.mapping(what, allowed: keys)
        let name = try map.required("post", in: what, example: "post: deutsche-post").text()
        let countryValue = try map.required("home-country", in: what, example: "home-country: DE")
        let country = try countryValue.text().uppercased()
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw countryValue.error(.invalidValue, "home-country is a two-letter ISO 3166 code such as DE, CZ or GB, not `\(country)`")
        }
        let addressValue = try map.optional("address") { v throws(LayoutError) in v }
        let address = try addressValue.map { v throws(LayoutError) -> [String] in
            let keys = try v.text().split(separator: ".").map(String.init)
            guard !keys.isEmpty, keys.allSatisfy({ !$0.isEmpty && DataPath.isPlainName($0) }) else {
                throw v.error(.invalidValue, "address names the record field holding the recipient, such as `customer` or `delivery.postal`")
            }
            return keys
        } ?? ["customer"]
        let paper = try map.optional("paper", paper) ?? PostProfile.Paper(grams: 80, thickness: Length.mm(0.1).points)
        let envelopesValue = try map.required("envelopes", in: what, example: "envelopes:\n  - { name: DL, size: [220mm, 110mm], weight: 5, max-sheets: 5, layers: 3, window: { at: [20mm, 45mm], size: [90mm, 45mm] } }")
        let envelopes = try envelopesValue.list().map { v throws(LayoutError) in try envelope(v) }
        guard !envelopes.isEmpty else { throw envelopesValue.error(.invalidValue, "a post profile needs at least one envelope") }
        for (earlier, later) in zip(envelopes, envelopes.dropFirst()) where later.maxSheets < earlier.maxSheets {
            throw LayoutError(.invalidValue, "envelopes go from the smallest up, but \(later.name) takes fewer sheets (\(later.maxSheets)) than \(earlier.name) before it (\(earlier.maxSheets))",
                              at: later.location)
        }
        let tariffValue = try map.required("tariff", in: what, example: "tariff: { carrier: Deutsche Post, currency: EUR, classes: [...] }")
        return PostProfile(
            name: name,
            description: try map.optional("description") { v throws(LayoutError) in try v.text() },
            homeCountry: country, addressField: address,
            addressComponent: try map.optional("address-component") { v throws(LayoutError) in try v.text() } ?? "address-block",
            paper: paper,
            duplex: try map.optional("duplex") { v throws(LayoutError) in try v.bool() } ?? false,
            envelopes: envelopes,
            trayCapacity: try map.optional("tray") { v throws(LayoutError) in try v.integer(in: 1...100_000) } ?? 250,
            omr: try map.optional("omr", omr),
            dataMatrix: try map.optional("datamatrix", dataMatrix),
            tariff: try tariff(tariffValue),
            location: document.location)
    }

    private static func paper(_ value: YAMLValue) throws(LayoutError) -> PostProfile.Paper {
        let map = try value.mapping("the paper", allowed: ["weight", "thickness"])
        return PostProfile.Paper(grams: try map.optional("weight") { v throws(LayoutError) in try number(v, in: 30...400, unit: "g/m²") } ?? 80,
                                 thickness: try map.optional("thickness") { v throws(LayoutError) in try v.length() } ?? Length.mm(0.1).points)
    }

    private static func envelope(_ value: YAMLValue) throws(LayoutError) -> PostProfile.Envelope {
        let what = "an envelope"
        let map = try value.mapping(what, allowed: envelopeKeys)
        let name = try map.required("name", in: what, example: "name: DL").text()
        let size = try PageLoader.paperSize(try map.required("size", in: what, example: "size: [220mm, 110mm]"), names: [:])
        let windowValue = try map.required("window", in: what, example: "window: { at: [20mm, 45mm], size: [90mm, 45mm] }")
        let windowMap = try windowValue.mapping("an envelope's window", allowed: ["at", "size"])
        let (x, y) = try windowMap.required("at", in: "an envelope's window", example: "at: [20mm, 45mm]").lengthPair("[left, top] on the first sheet")
        let (width, height) = try windowMap.required("size", in: "an envelope's window", example: "size: [90mm, 45mm]").lengthPair("[width, height]")
        let window = Rect(x: x, y: y, width: width, height: height)
        guard window.maxX <= sheet.width + 0.01, window.maxY <= sheet.height + 0.01, width > 0, height > 0 else {
            throw windowValue.error(.invalidValue, "the window (\(Paginator.mm(x)), \(Paginator.mm(y))) \(Paginator.mm(width)) × \(Paginator.mm(height)) must lie on the A4 sheet it shows")
        }
        return PostProfile.Envelope(
            name: name, size: size,
            grams: try number(try map.required("weight", in: what, example: "weight: 5  # grams"), in: 0.1...500, unit: "grams"),
            maxSheets: try map.required("max-sheets", in: what, example: "max-sheets: 5").integer(in: 1...1000),
            layers: try map.optional("layers") { v throws(LayoutError) in try v.integer(in: 1...4) } ?? 1,
            window: window,
            thickness: try map.optional("thickness") { v throws(LayoutError) in try v.length() } ?? Length.mm(0.2).points,
            location: value.location)
    }

    private static func omr(_ value: YAMLValue) throws(LayoutError) -> PostProfile.OMRSettings {
        let what = "the OMR marks"
        let map = try value.mapping(what, allowed: omrKeys)
        let marks = try map.optional("marks") { v throws(LayoutError) in
            try v.list().map { item throws(LayoutError) in
                try item.choice(KeyValuePairs(dictionaryLiteral: ("benchmark", PostProfile.OMRSettings.Mark.benchmark), ("begin", .begin), ("end", .end),
                                              ("sequence-1", .sequence1), ("sequence-2", .sequence2), ("sequence-3", .sequence3),
                                              ("parity", .parity), ("safety", .safety)))
            }
        } ?? PostProfile.OMRSettings.Mark.allCases
        let settings = PostProfile.OMRSettings(
            marks: marks,
            side: try map.optional("side") { v throws(LayoutError) in try v.choice(["left": PostProfile.OMRSettings.Side.left, "right": .right]) } ?? .left,
            inset: try map.optional("inset") { v throws(LayoutError) in try v.length() } ?? Length.mm(5).points,
            top: try map.optional("top") { v throws(LayoutError) in try v.length() } ?? Length.mm(40).points,
            pitch: try map.optional("pitch") { v throws(LayoutError) in try v.length() } ?? Length.mm(4.23).points,
            length: try map.optional("length") { v throws(LayoutError) in try v.length() } ?? Length.mm(10).points,
            thickness: try map.optional("thickness") { v throws(LayoutError) in try v.length() } ?? Length.mm(0.5).points,
            clearance: try map.optional("clearance") { v throws(LayoutError) in try v.length() } ?? Length.mm(3).points)
        if Set(marks.map(\.rawValue)).count != marks.count {
            throw value.error(.invalidValue, "each OMR mark is named once in `marks`")
        }
        // Vendor rules (Pitney Bowes, Quadient): pitch at least 1/10 in, bars 1–2 pt thick and at
        // least 10 mm long, the code at least 20 mm from the lead edge and on the sheet.
        if settings.pitch < Length.mm(2.54).points - 0.01 { throw value.error(.invalidValue, "the OMR pitch must be at least 2.54 mm (1/10 in) for a reader to tell marks apart") }
        if settings.thickness < 0.9 || settings.thickness > 2.1 {
            throw value.error(.invalidValue, "OMR bars are 1–2 pt thick (0.35–0.7 mm), not \(Paginator.mm(settings.thickness))")
        }
        if settings.thickness >= settings.pitch { throw value.error(.invalidValue, "OMR bars must be thinner than their pitch") }
        let bottom = settings.top + Double(marks.count - 1) * settings.pitch + settings.thickness
        if settings.top < Length.mm(20).points - 0.01 || bottom > sheet.height - Length.mm(30).points {
            throw value.error(.invalidValue, "the OMR code runs from \(Paginator.mm(settings.top)) to \(Paginator.mm(bottom)) from the top; readers need it at least 20 mm from the top (lead) edge and 30 mm from the bottom (trail) edge")
        }
        if settings.inset + settings.length > sheet.width / 2 { throw value.error(.invalidValue, "the OMR bars reach past the middle of the sheet") }
        return settings
    }

    private static func dataMatrix(_ value: YAMLValue) throws(LayoutError) -> PostProfile.DataMatrixSettings {
        let map = try value.mapping("the Data Matrix", allowed: ["at", "module"])
        let (x, y) = try map.required("at", in: "the Data Matrix", example: "at: [5mm, 250mm]").lengthPair("[left, top]")
        let module = try map.optional("module") { v throws(LayoutError) in try v.length() } ?? Length.mm(0.5).points
        guard module >= Length.mm(0.25).points - 0.01 else { throw value.error(.invalidValue, "a Data Matrix module under 0.25 mm is too small for an inserter's camera") }
        return PostProfile.DataMatrixSettings(origin: Point(x: x, y: y), module: module)
    }

    private static func tariff(_ value: YAMLValue) throws(LayoutError) -> Tariff {
        let what = "a tariff"
        let map = try value.mapping(what, allowed: ["carrier", "currency", "note", "classes"])
        let classesValue = try map.required("classes", in: what, example: "classes:\n  - { name: Standardbrief, zone: domestic, max-size: [235mm, 125mm], max-thickness: 5mm, weight: [0, 20], price: \"0.95\" }")
        let classes = try classesValue.list().map { v throws(LayoutError) in try postageClass(v) }
        let tariff = Tariff(carrier: try map.required("carrier", in: what, example: "carrier: Deutsche Post").text(),
                            currency: try map.required("currency", in: what, example: "currency: EUR").text(),
                            note: try map.optional("note") { v throws(LayoutError) in try v.text() },
                            classes: classes)
        for zone in Tariff.Zone.allCases {
            var reached = 0.0
            for postageClass in classes.filter({ $0.zone == zone }).sorted(by: { $0.fromGrams < $1.fromGrams }) {
                if postageClass.fromGrams > reached + 0.0001 {
                    throw LayoutError(.invalidValue, "the \(zone.rawValue) weight steps have a gap: no class takes pieces above \(grams(reached)) up to \(grams(postageClass.fromGrams)) (\(postageClass.name) starts at \(grams(postageClass.fromGrams))); start it where the step before it ends",
                                      at: postageClass.location)
                }
                reached = max(reached, postageClass.toGrams)
            }
        }
        return tariff
    }

    private static func postageClass(_ value: YAMLValue) throws(LayoutError) -> Tariff.PostageClass {
        let what = "a postage class"
        let map = try value.mapping(what, allowed: classKeys)
        let weightValue = try map.required("weight", in: what, example: "weight: [0, 20]  # above 0 g up to 20 g")
        let weights = try weightValue.list()
        guard weights.count == 2 else { throw weightValue.wrongShape("[from, to] in grams") }
        let from = try number(weights[0], in: 0...100_000, unit: "grams"), to = try number(weights[1], in: 0...100_000, unit: "grams")
        guard to > from else { throw weightValue.error(.invalidValue, "a weight step ends above where it starts ([\(grams(from)), \(grams(to))])") }
        let priceValue = try map.required("price", in: what, example: "price: \"0.95\"")
        let price = try priceValue.text()
        guard LengthParser.decimal(Substring(price)) != nil else { throw priceValue.error(.invalidValue, "a price is a decimal number such as 0.95, not `\(price)`") }
        return Tariff.PostageClass(
            name: try map.required("name", in: what, example: "name: Standardbrief").text(),
            zone: try map.required("zone", in: what, example: "zone: domestic").choice(["domestic": Tariff.Zone.domestic, "international": .international]),
            maxSize: try PageLoader.paperSize(try map.required("max-size", in: what, example: "max-size: [235mm, 125mm]"), names: [:]),
            maxThickness: try map.optional("max-thickness") { v throws(LayoutError) in try v.length() } ?? .infinity,
            fromGrams: from, toGrams: to, price: price, location: value.location)
    }

    private static func number(_ value: YAMLValue, in range: ClosedRange<Double>, unit: String) throws(LayoutError) -> Double {
        guard let text = value.scalarText, let number = LengthParser.decimal(Substring(text)) else { throw value.wrongShape("a number of \(unit)") }
        guard range.contains(number) else {
            throw value.error(.invalidValue, "\(value.name) must be between \(grams(range.lowerBound, unit: "")) and \(grams(range.upperBound, unit: "")) \(unit), not \(text)")
        }
        return number
    }

    static func grams(_ value: Double, unit: String = " g") -> String {
        (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) + unit
    }
}

extension LayoutLibrary {
    /// The post profile `name` from the folder's `post/`, or the profile file at a path.
    public func postProfile(named nameOrPath: String) throws(LayoutError) -> PostProfile {
        try PostProfileLoader.profile(try namedFile(nameOrPath, folder: "post", what: "post profile"))
    }
}
