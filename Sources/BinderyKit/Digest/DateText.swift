import Foundation

/// Dates written the way a book's language writes them. (Skeleton.)
public enum DateText {
    /// A chapter heading: `2024年1月19日 星期五` / `Friday, 19 January 2024`
    /// for days; weeks and months likewise; "Undated"/"未注明日期" for undated.
    public static func chapterHeading(_ chapter: Chapter, grouping: Grouping, language: String, timeZone: TimeZone) -> String {
        chapter.key
    }

    /// An article's local date and time: `2024年1月19日 21:23` / `19 January 2024, 21:23`.
    public static func articleDateTime(_ instant: Date, language: String, timeZone: TimeZone) -> String {
        ISO8601.string(instant, timeZone: timeZone)
    }
}

/// ISO 8601 with the offset of a time zone, e.g. `2024-01-20T05:23:59+08:00`.
public enum ISO8601 {
    public static func string(_ date: Date, timeZone: TimeZone) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
