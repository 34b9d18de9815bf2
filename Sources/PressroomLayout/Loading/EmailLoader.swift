// An email definition from YAML, checked where it is written: every text is a template of the
// layout language, so a mistake in one is an error at its file:line, and the recipient fields
// are dotted record paths.
//
//     email: invoice
//     recipient: [delivery.email, customer.email]
//     subject: "{{ label.invoice }} {{ number }} – {{ seller.name }}"
//     heading: "{{ label.invoice }} {{ number }}"
//     paragraphs: ["{{ label.email_attached }}"]
//     facts:
//       - { label: "{{ label.email_amount_due }}", value: "{{ total_gross | amount }}" }
import Foundation

enum EmailLoader {
    static let keys = ["email", "recipient", "recipient-name", "subject", "preheader", "heading", "paragraphs", "facts", "closing", "signature"]

    static func definition(_ document: YAMLValue) throws(LayoutError) -> EmailDefinition {
        let what = "an email"
        let map = try document.mapping(what, allowed: keys)
        let recipient = try map.optional("recipient") { v throws(LayoutError) -> [[String]] in
            let items = try v.list()
            return try items.map { item throws(LayoutError) -> [String] in
                let keys = try item.text().split(separator: ".").map(String.init)
                guard !keys.isEmpty, keys.allSatisfy({ DataPath.isPlainName($0) }) else {
                    throw item.error(.invalidValue, "a recipient is a record field such as `delivery.email`")
                }
                return keys
            }
        } ?? [["delivery", "email"], ["customer", "email"]]
        return EmailDefinition(
            layout: try map.required("email", in: what, example: "email: invoice").text(),
            recipient: recipient,
            recipientName: try map.optional("recipient-name") { v throws(LayoutError) in try v.template() },
            subject: try map.required("subject", in: what, example: "subject: \"{{ label.invoice }} {{ number }}\"").template(),
            preheader: try map.optional("preheader") { v throws(LayoutError) in try v.template() },
            heading: try map.required("heading", in: what, example: "heading: \"{{ label.invoice }} {{ number }}\"").template(),
            paragraphs: try map.optional("paragraphs") { v throws(LayoutError) in try v.list().map { p throws(LayoutError) in try p.template() } } ?? [],
            facts: try map.optional("facts") { v throws(LayoutError) in
                try v.list().map { item throws(LayoutError) in
                    let fact = try item.mapping("a fact", allowed: ["label", "value"])
                    return EmailDefinition.Fact(label: try fact.required("label", in: "a fact").template(),
                                                value: try fact.required("value", in: "a fact").template(), location: item.location)
                }
            } ?? [],
            closing: try map.optional("closing") { v throws(LayoutError) in try v.template() },
            signature: try map.optional("signature") { v throws(LayoutError) in try v.template() },
            location: document.location)
    }
}

extension LayoutLibrary {
    /// The email for documents of `layout` from the folder's `email/`, or an email file at a path.
    public func email(named nameOrPath: String) throws(LayoutError) -> EmailDefinition {
        try EmailLoader.definition(try namedFile(nameOrPath, folder: "email", what: "email"))
    }
}
