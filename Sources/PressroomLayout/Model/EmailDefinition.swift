// What the email carrying a layout's document says (`Layouts/email/<layout>.yaml`): its subject,
// the preview text inboxes show, a heading, paragraphs, facts as label and value pairs, a closing
// and a signature, each a template bound to the record like the layout's own text (labels in the
// record's language, amounts and dates formatted for its locale), and where the recipient's
// address is in the record.
public struct EmailDefinition: Sendable {
    public struct Fact: Sendable {
        public var label: Template
        public var value: Template
        public var location: SourceLocation
    }

    /// The layout whose documents this email carries.
    public var layout: String
    /// The record fields holding the recipient's address, the first present wins
    /// (`delivery.email`, then `customer.email`).
    public var recipient: [[String]]
    /// The recipient's display name.
    public var recipientName: Template?
    public var subject: Template
    public var preheader: Template?
    public var heading: Template
    public var paragraphs: [Template]
    public var facts: [Fact]
    public var closing: Template?
    public var signature: Template?
    public var location: SourceLocation
}
