// What a tagged PDF's structure tree is built from (ISO 32000-1 §14.7, §14.8): structure elements
// with their roles and attributes, and the marks a display list carries to say which element the
// items between them belong to, or that they are page furniture (an artifact).

/// The standard structure types Pressroom writes (§14.8.4); no role map is needed.
public enum StructureRole: String, Sendable, Hashable {
    case document = "Document"
    case part = "Part"
    case sect = "Sect"
    case div = "Div"
    case paragraph = "P"
    case h1 = "H1", h2 = "H2", h3 = "H3", h4 = "H4", h5 = "H5", h6 = "H6"
    case table = "Table"
    case tableHead = "THead"
    case tableBody = "TBody"
    case tableRow = "TR"
    case headerCell = "TH"
    case dataCell = "TD"
    case figure = "Figure"
    case link = "Link"

    /// H1…H6 for a level 1…6 (clamped).
    public static func heading(_ level: Int) -> StructureRole {
        [.h1, .h2, .h3, .h4, .h5, .h6][min(max(level, 1), 6) - 1]
    }
}

/// §14.8.5.7 Table 384: which cells a header cell heads.
public enum HeaderScope: String, Sendable, Hashable {
    case row = "Row", column = "Column", both = "Both"
}

/// One structure element. Its identity is `key`: every mark naming the same key adds content to
/// the same element, whichever page or stream the content lands on (a table over three pages
/// stays one Table). Siblings are read in the order of their keys.
public struct StructureElement: Sendable, Hashable {
    public var key: StructureKey
    public var role: StructureRole
    /// Alternate description (§14.9.3), required of figures by PDF/UA.
    public var alt: String?
    /// BCP 47 language, only where it differs from the document's (§14.9.2).
    public var language: String?
    /// Header cells: the table attribute /Scope.
    public var scope: HeaderScope?

    public init(key: StructureKey, role: StructureRole, alt: String? = nil, language: String? = nil, scope: HeaderScope? = nil) {
        self.key = key
        self.role = role
        self.alt = alt
        self.language = language
        self.scope = scope
    }
}

/// An element's identity and place among its siblings: ordered by `part` (the renderer gives a
/// page's fixed boxes above the flow a lower part than the flow), then by `serial`.
public struct StructureKey: Sendable, Hashable, Comparable {
    public var part: Int
    public var serial: Int
    public init(part: Int, serial: Int) {
        self.part = part
        self.serial = serial
    }
    public static func < (lhs: StructureKey, rhs: StructureKey) -> Bool {
        (lhs.part, lhs.serial) < (rhs.part, rhs.serial)
    }
}

/// §14.8.2.2: what kind of page furniture an artifact is.
public enum ArtifactKind: String, Sendable, Hashable {
    /// Running headers and footers, page numbers, repeated table headers.
    case pagination = "Pagination"
    /// Rules, fills, fold and punch marks.
    case layout = "Layout"
    case background = "Background"
}

/// Opens or closes a marked-content sequence in a display list. `.content` and `.artifact` open
/// one that the next `.end` closes; they never nest. Writers that do not tag ignore them.
public enum StructureMark: Sendable, Hashable {
    /// The items up to the next `.end` belong to the last element of `path`, which runs from a
    /// child of the document element down: [Table, TR, TD].
    case content([StructureElement])
    case artifact(ArtifactKind)
    case end
}
