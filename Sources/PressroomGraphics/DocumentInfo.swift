// What a document says about itself (title, author, language, dates), for a writer's metadata
// (PDF: the Info dictionary and XMP).

/// Document-level facts: the Info dictionary and XMP metadata.
public struct DocumentInfo: Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String
    /// Only what the caller supplies: output never depends on the wall clock.
    public var creationDate: DocumentDate?
    /// BCP 47 tag of the document's main language.
    public var language: String?

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                creator: String? = nil, producer: String = "Pressroom", creationDate: DocumentDate? = nil,
                language: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
        self.language = language
    }
}

/// A calendar instant with its UTC offset, as PDF and XMP write it.
public struct DocumentDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Offset from UTC in minutes.
    public var utcOffsetMinutes: Int
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetMinutes: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// ISO 8601 with its offset: 2026-12-04T10:30:00+01:00 (XMP dates, XJDF times).
    public var iso8601: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = utcOffsetMinutes
        let zone = offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))\(zone)"
    }
}
