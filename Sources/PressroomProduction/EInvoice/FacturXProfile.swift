// The Factur-X 1.0 profiles we write, with what each one fixes elsewhere in the hybrid PDF:
// the guideline URN in the XML, the XMP conformance level and the embedded file's AFRelationship.

public enum FacturXProfile: String, Sendable, CaseIterable {
    case minimum
    case basic
    case en16931

    /// `ram:GuidelineSpecifiedDocumentContextParameter/ram:ID` (Factur-X 1.0 §7; REFERENCES §6).
    public var guidelineURN: String {
        switch self {
        case .minimum: "urn:factur-x.eu:1p0:minimum"
        case .basic: "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"
        case .en16931: "urn:cen.eu:en16931:2017"
        }
    }

    /// The XMP `fx:ConformanceLevel` value (the factur-x library's FACTURX_LEVEL2xmp).
    public var conformanceLevel: String {
        switch self {
        case .minimum: "MINIMUM"
        case .basic: "BASIC"
        case .en16931: "EN 16931"
        }
    }

    /// The `/AFRelationship` of the embedded factur-x.xml. MINIMUM (like BASIC WL) is not a full
    /// invoice, so the Factur-X spec requires `Data` (the factur-x library forces it); BASIC and
    /// EN 16931 carry the whole invoice, an `Alternative` to the visible one.
    public var afRelationship: String {
        switch self {
        case .minimum: "Data"
        case .basic, .en16931: "Alternative"
        }
    }

    /// Whether the XML carries lines, the VAT breakdown, addresses and payment (not MINIMUM).
    var hasLines: Bool { self != .minimum }
}
