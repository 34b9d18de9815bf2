// The error `PDFDocumentWriter.finish()` throws for a document that breaks a profile it declared:
// every violation the declared profiles prohibit, each with its page and layout location.

public struct ConformanceRefusal: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The declared profiles, by name ("PDF/A-3b", "PDF/UA-1").
    public var profiles: [String]
    public var violations: [Violation]

    public init(profiles: [String], violations: [Violation]) {
        self.profiles = profiles
        self.violations = violations
    }

    public var description: String {
        let count = violations.count
        let list = violations.prefix(10).map(\.description).joined(separator: "; ")
        let more = count > 10 ? "; and \(count - 10) more" : ""
        return "the document breaks \(profiles.joined(separator: " and ")) (\(count) violation\(count == 1 ? "" : "s")), so it was not written: \(list)\(more)"
    }
}
