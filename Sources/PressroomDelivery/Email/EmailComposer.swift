// The email that carries one record's document: the layout's email definition bound to the
// record (subject, heading, paragraphs, facts in the record's language), poured into the HTML and
// plain-text templates of the layouts folder (`email/message.html.mustache`, `.txt.mustache`)
// with the brand's colours, font stack and logo (inline, by cid:), and the PDF attached. The
// templates may use only the names the composer fills: an unknown one is an error at its line.
import Foundation
import Mustache
import PressroomGraphics
import PressroomLayout

public struct EmailComposer: Sendable {
    public let definition: EmailDefinition
    public let theme: Theme
    private let html: MustacheTemplate
    private let text: MustacheTemplate
    private let logo: InlineImage?
    private let logoWidth: Int

    /// The names the templates may use.
    static let names: Set<String> = ["lang", "subject", "preheader", "heading", "headingRule", "paragraphs", ".", "facts", "label", "value",
                                     "hasFacts", "closing", "signature", "footer", "logo", "logoAlt", "logoWidth", "accent", "darkAccent",
                                     "text", "muted", "rule", "background", "fontStack"]

    public init(library: LayoutLibrary, layout: String, theme: Theme) throws {
        definition = try library.email(named: layout)
        self.theme = theme
        html = try Self.template(library.directory + "/email/message.html.mustache", file: "email/message.html.mustache")
        text = try Self.template(library.directory + "/email/message.txt.mustache", file: "email/message.txt.mustache")
        if let path = theme.logo, let data = FileManager.default.contents(atPath: library.directory + "/" + path) {
            let bytes = [UInt8](data)
            let isPNG = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47])
            logo = InlineImage(contentID: "logo@pressroom", contentType: isPNG ? "image/png" : "image/jpeg", bytes: bytes)
            // The logo at 160 CSS px wide at most, keeping its proportions (PNG IHDR width).
            logoWidth = isPNG && bytes.count > 24 ? min(160, Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19])) : 160
        } else {
            logo = nil
            logoWidth = 0
        }
    }

    /// A template from `path`, every name in it one the composer fills.
    static func template(_ path: String, file: String) throws -> MustacheTemplate {
        let source: String
        do { source = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw LayoutError(.resource, "cannot read the email template \(path): \(error.localizedDescription)")
        }
        for (index, line) in source.components(separatedBy: "\n").enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "{}#/^&! "))
                if !name.isEmpty && !names.contains(name) && !rest[open.upperBound...].hasPrefix("!") {
                    throw LayoutError(.unknownReference, "the email template uses `\(name)`, which the composer does not fill; the names are \(names.filter { $0 != "." }.sorted().joined(separator: ", "))",
                                      at: SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = rest[close.upperBound...]
            }
        }
        do { return try MustacheTemplate(string: source) } catch {
            throw LayoutError(.syntax, "the email template \(file) does not parse: \(error)", at: SourceLocation(file: file, line: 1))
        }
    }

    /// The recipient's address, from the first of the definition's fields the record has.
    public func recipient(of record: DataValue) throws(LayoutError) -> String {
        for path in definition.recipient {
            var value: DataValue? = record
            for key in path { value = value?[key] }
            guard case .string(let address)? = value else { continue }
            let dataPath = "$." + path.joined(separator: ".")
            guard let problem = EmailSyntax.problem(address) else { return address.trimmingCharacters(in: .whitespaces) }
            throw LayoutError(.invalidValue, "`\(address)` is not an email address: \(problem)", dataPath: dataPath)
        }
        throw LayoutError(.missingField, "the record has no email address (looked at \(definition.recipient.map { "$." + $0.joined(separator: ".") }.joined(separator: ", ")))")
    }

    /// The email for a record whose document is `attachment`, from `sender`, dated `date`.
    public func compose(record: DataValue, preamble: DocumentRenderer.Preamble, from sender: EmailAddress, attachment: EmailAttachment,
                        date: Date, identity: String) throws -> EmailMessage {
        let address = try recipient(of: record)
        let render = { (template: Template) throws(LayoutError) -> String in try preamble.render(template) }
        let subject = try render(definition.subject)
        let heading = try render(definition.heading)
        let paragraphs = try definition.paragraphs.map { t throws(LayoutError) in try render(t) }.filter { !$0.isEmpty }
        let facts = try definition.facts.map { fact throws(LayoutError) -> [String: String] in
            ["label": try render(fact.label), "value": try render(fact.value)]
        }.filter { !($0["value"] ?? "").isEmpty }
        var values: [String: Any] = [
            "lang": String(preamble.locale.prefix { $0 != "-" && $0 != "_" }), "subject": subject, "heading": heading,
            "headingRule": String(repeating: "=", count: heading.count),
            "paragraphs": paragraphs, "facts": facts, "hasFacts": !facts.isEmpty,
            "preheader": try definition.preheader.map { t throws(LayoutError) in try render(t) } ?? "",
            "footer": [sender.name, sender.address].compactMap { $0 }.joined(separator: " · "),
            "accent": css("accent", fallback: "#104078"), "text": css("text", fallback: "#1d2430"), "muted": css("muted", fallback: "#5b6573"),
            "rule": css("rule", fallback: "#b8c2cf"), "background": css("stripe", fallback: "#f2f5f9"),
            "darkAccent": lightened("accent"), "fontStack": "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', Helvetica, Arial, sans-serif",
        ]
        if let closing = definition.closing { values["closing"] = try render(closing) }
        if let signature = definition.signature { values["signature"] = try render(signature) }
        if let logo {
            values["logo"] = logo.contentID
            values["logoAlt"] = theme.logoAlt ?? sender.name ?? ""
            values["logoWidth"] = String(logoWidth)
        }
        let name = try definition.recipientName.map { t throws(LayoutError) in try render(t) }
        var message = EmailMessage(from: sender, to: [EmailAddress(address, name: name)], subject: subject, text: text.render(values),
                                   html: html.render(values), attachments: [attachment], date: date, identity: identity)
        message.inlineImages = logo.map { [$0] } ?? []
        return message
    }

    /// A theme colour as CSS `#rrggbb`.
    private func css(_ name: String, fallback: String) -> String {
        guard case .rgb(let r, let g, let b)? = theme.colours[name]?.rgb else { return fallback }
        return String(format: "#%02x%02x%02x", Int((r * 255).rounded()), Int((g * 255).rounded()), Int((b * 255).rounded()))
    }

    /// The accent mixed 60 % with white: a heading colour that reads on a dark background.
    private func lightened(_ name: String) -> String {
        guard case .rgb(let r, let g, let b)? = theme.colours[name]?.rgb else { return "#9fc3ef" }
        func mix(_ value: Double) -> Int { Int(((value * 0.4 + 0.6) * 255).rounded()) }
        return String(format: "#%02x%02x%02x", mix(r), mix(g), mix(b))
    }
}
