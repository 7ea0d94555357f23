import Foundation

/// `--group-by auto`: one chapter per day, except that days with few
/// articles are merged with their neighbours into a range (`1月8日–10日`),
/// so that a quiet stretch does not become a row of one-article chapters.
enum ChapterGrouping {
    /// A day with fewer articles than this is "small": runs of small days
    /// are merged until they hold at least this many.
    static let minimumArticles = 5

    /// `days`: day chapters in ascending order (as `DigestBuilder` groups
    /// them). A day of `minimumArticles` or more stays alone; a run of small
    /// days becomes one chapter once it holds enough articles; a run left
    /// too small joins the day that follows it (or, at the end, the chapter
    /// before it), so no chapter is left with a single article unless the
    /// whole selection has one.
    static func mergingSmallDays(_ days: [Chapter], timeZone: TimeZone,
                                 minimum: Int = minimumArticles) -> [Chapter] {
        var merged: [Chapter] = []
        var pending: [Chapter] = []
        var pendingCount = 0
        func flush(into chapter: Chapter? = nil) {
            guard !pending.isEmpty else { return }
            merged.append(range(pending + (chapter.map { [$0] } ?? []), timeZone: timeZone))
            pending = []
            pendingCount = 0
        }
        for day in days {
            if day.articles.count >= minimum {
                if pendingCount >= minimum || pending.isEmpty {
                    flush()
                    merged.append(day)
                } else {
                    flush(into: day)
                }
            } else {
                pending.append(day)
                pendingCount += day.articles.count
                if pendingCount >= minimum { flush() }
            }
        }
        if !pending.isEmpty {
            if pendingCount < minimum, let last = merged.popLast() {
                pending.insert(last, at: 0)
            }
            flush()
        }
        return merged
    }

    /// Consecutive chapters as one: the first one's start, the last day's
    /// start as `end` (none for a single day), articles in order.
    private static func range(_ chapters: [Chapter], timeZone: TimeZone) -> Chapter {
        guard chapters.count > 1, let first = chapters.first, let last = chapters.last else { return chapters[0] }
        let lastDay = last.end ?? last.start
        let lastKey = last.key.split(separator: "_").last.map(String.init) ?? last.key
        let firstKey = first.key.split(separator: "_").first.map(String.init) ?? first.key
        return Chapter(key: firstKey + "_" + lastKey, start: first.start, end: lastDay,
                       articles: chapters.flatMap(\.articles))
    }
}
