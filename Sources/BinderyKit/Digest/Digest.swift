import Foundation

/// How articles are grouped into chapters.
public enum Grouping: String, Sendable, CaseIterable {
    case day, week, month
    /// Days, with days of few articles merged into ranges (`ChapterGrouping`).
    case auto
}

/// Which articles to export and how to arrange them.
public struct SelectionOptions: Sendable {
    /// First local day included (in `timeZone`), inclusive.
    public var since: DateComponents?
    /// Last local day included (in `timeZone`), inclusive.
    public var until: DateComponents?
    /// The ISO week `YYYY-Www` in `timeZone`; combines with since/until by intersection.
    public var isoWeek: ISOWeek?
    public var timeZone: TimeZone
    public var grouping: Grouping
    public var newestFirst: Bool

    public init(since: DateComponents? = nil, until: DateComponents? = nil, isoWeek: ISOWeek? = nil,
                timeZone: TimeZone = .current, grouping: Grouping = .day, newestFirst: Bool = false) {
        self.since = since
        self.until = until
        self.isoWeek = isoWeek
        self.timeZone = timeZone
        self.grouping = grouping
        self.newestFirst = newestFirst
    }
}

/// An ISO 8601 week, as written `2024-W03`.
public struct ISOWeek: Sendable, Hashable {
    public var year: Int
    public var week: Int
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }
}

/// A chapter: the articles of one day (week, month), or the undated ones.
public struct Chapter: Sendable {
    /// Stable, file-name-safe key: `2024-01-19`, `2024-W03`, `2024-01`, `undated`.
    public var key: String
    /// The first instant of the period in the selection's time zone; `nil` for "Undated".
    public var start: Date?
    /// For a chapter of several days (`Grouping.auto`), the first instant of its last day.
    public var end: Date?
    public var articles: [Article]

    public init(key: String, start: Date?, end: Date? = nil, articles: [Article]) {
        self.key = key
        self.start = start
        self.end = end
        self.articles = articles
    }

    public var isUndated: Bool { start == nil }
}

/// The same article archived more than once: the copy kept and the ones
/// that gave way to it (display names).
public struct Duplicate: Sendable, Hashable, Codable {
    public var url: String
    public var kept: String
    public var dropped: [String]
}

/// The selected articles, grouped and ordered: what every renderer binds.
public struct Digest: Sendable {
    public var chapters: [Chapter]
    public var options: SelectionOptions
    /// Copies of the same article left out, for the export report.
    public var duplicates: [Duplicate]

    public init(chapters: [Chapter], options: SelectionOptions, duplicates: [Duplicate] = []) {
        self.chapters = chapters
        self.options = options
        self.duplicates = duplicates
    }

    public var articles: [Article] { chapters.flatMap(\.articles) }
    public var articleCount: Int { chapters.reduce(0) { $0 + $1.articles.count } }

    /// Earliest and latest dated instants, for default titles and metadata.
    public var dateRange: ClosedRange<Date>? {
        let instants = chapters.flatMap { $0.articles.compactMap(\.instant) }
        guard let lo = instants.min(), let hi = instants.max() else { return nil }
        return lo...hi
    }
}
