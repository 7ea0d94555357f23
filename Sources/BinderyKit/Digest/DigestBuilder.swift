import Foundation

/// Selects, deduplicates, groups and orders articles.
public struct DigestBuilder: Sendable {
    public var options: SelectionOptions
    public init(options: SelectionOptions) { self.options = options }

    /// Dedup by URL (newest copy wins), filter by the date range, group into
    /// chapters in `options.timeZone`, order chronologically (or newest first);
    /// undated articles form a last chapter with key `undated`.
    ///
    /// Deduplication comes before the date filter, so an article archived
    /// twice belongs to the date of its newest copy whatever range is asked
    /// for, and never shows up at its older date.
    ///
    /// Dropped duplicates are not reported: archiving an article again is
    /// routine, not a problem.
    public func build(_ articles: [Article]) -> Digest {
        let (unique, duplicates) = Self.deduplicated(articles)
        let range = LocalDayRange(options)
        // Indices, not articles, are sorted and grouped: an Article is a
        // large value and moving it costs reference counting.
        var dated: [(index: Int, day: Int)] = []
        var undated: [Int] = []
        dated.reserveCapacity(unique.count)
        for (index, article) in unique.enumerated() {
            guard let instant = article.instant else {
                // An undated article cannot be shown to fall inside a date
                // range, so any date filter leaves it out; without a filter
                // it is kept, so that no article silently disappears.
                if range == nil { undated.append(index) }
                continue
            }
            let day = CivilCalendar.local(instant, in: options.timeZone).day
            if let range, !range.contains(day) { continue }
            dated.append((index, day))
        }
        dated.sort { Article.readingOrder(unique[$0.index], unique[$1.index]) }
        undated.sort { Article.readingOrder(unique[$0], unique[$1]) }

        var chapters = group(dated, of: unique)
        if options.grouping == .auto { chapters = ChapterGrouping.mergingSmallDays(chapters, timeZone: options.timeZone) }
        if options.newestFirst {
            chapters.reverse()
            for i in chapters.indices { chapters[i].articles.reverse() }
            undated.reverse()
        }
        if !undated.isEmpty { chapters.append(Chapter(key: "undated", start: nil, articles: undated.map { unique[$0] })) }
        return Digest(chapters: chapters, options: options, duplicates: duplicates)
    }

    /// Keeps one article per URL: the newest by instant (an undated copy
    /// counts as oldest); between copies of the same instant, the fuller one
    /// (larger body), then the one whose display name sorts last. Articles
    /// without a URL are all kept. The result keeps the input order of the
    /// kept articles; `duplicates` says which copies gave way to which.
    public static func deduplicated(_ articles: [Article]) -> (kept: [Article], duplicates: [Duplicate]) {
        let keys = articles.concurrentMap { $0.url.map(DuplicateKey.make) }
        var winner: [String: Int] = [:]
        winner.reserveCapacity(articles.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            if let current = winner[key], !isNewer(articles[index], than: articles[current]) { continue }
            winner[key] = index
        }
        guard winner.count < keys.lazy.compactMap({ $0 }).count else { return (articles, []) }
        var kept: [Article] = []
        kept.reserveCapacity(articles.count)
        var dropped: [Int: [String]] = [:]
        for (index, key) in keys.enumerated() {
            if let key, let keeper = winner[key], keeper != index {
                dropped[keeper, default: []].append(articles[index].origin.displayName)
            } else {
                kept.append(articles[index])
            }
        }
        let duplicates = dropped.keys.sorted().map { keeper in
            Duplicate(url: articles[keeper].url?.absoluteString ?? "", kept: articles[keeper].origin.displayName,
                      dropped: dropped[keeper] ?? [])
        }
        return (kept, duplicates)
    }

    /// Newer first; at the same instant the fuller copy (a larger body: a
    /// placeholder archived at the same moment must not win); then by name.
    private static func isNewer(_ a: Article, than b: Article) -> Bool {
        switch (a.instant, b.instant) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.bodyBytes != b.bodyBytes { return a.bodyBytes > b.bodyBytes }
            let byName = String.compareUTF8(b.origin.displayName, a.origin.displayName)
            if byName != 0 { return byName < 0 }
            return String.compareUTF8(b.origin.url.path, a.origin.url.path) < 0
        }
    }

    /// Groups articles sorted by instant into chapters, in period order.
    private func group(_ dated: [(index: Int, day: Int)], of articles: [Article]) -> [Chapter] {
        var periods: [Int: [Article]] = [:]
        for (index, day) in dated {
            periods[Period.ordinal(ofDay: day, grouping: options.grouping), default: []].append(articles[index])
        }
        return periods.keys.sorted().map { ordinal in
            let firstDay = Period.firstDay(ofOrdinal: ordinal, grouping: options.grouping)
            return Chapter(key: Period.key(ofOrdinal: ordinal, grouping: options.grouping),
                           start: CivilCalendar.startOfDay(firstDay, in: options.timeZone),
                           articles: periods[ordinal] ?? [])
        }
    }
}

/// The local days a selection admits: `since`…`until` intersected with the
/// ISO week. `nil` when no date filter is given.
struct LocalDayRange: Equatable {
    var first: Int
    var last: Int

    init?(_ options: SelectionOptions) {
        guard options.since != nil || options.until != nil || options.isoWeek != nil else { return nil }
        first = Int.min
        last = Int.max
        if let since = options.since, let day = Self.dayNumber(since) { first = day }
        if let until = options.until, let day = Self.dayNumber(until) { last = day }
        if let week = options.isoWeek {
            let monday = CivilCalendar.mondayOfISOWeek(year: week.year, week: week.week)
            first = max(first, monday)
            last = min(last, monday + 6)
        }
    }

    func contains(_ day: Int) -> Bool { day >= first && day <= last }

    private static func dayNumber(_ components: DateComponents) -> Int? {
        guard let year = components.year, let month = components.month, let day = components.day else { return nil }
        return CivilCalendar.dayNumber(CivilDay(year: year, month: month, day: day))
    }
}

/// A chapter's period as one integer, so that periods sort and compare
/// cheaply: the day number, the day number of the week's Monday, or
/// `year * 12 + month - 1`.
enum Period {
    static func ordinal(ofDay day: Int, grouping: Grouping) -> Int {
        switch grouping {
        case .day, .auto: return day
        case .week: return day - CivilCalendar.weekday(day) + 1
        case .month:
            let civil = CivilCalendar.civilDay(day)
            return civil.year * 12 + civil.month - 1
        }
    }

    static func firstDay(ofOrdinal ordinal: Int, grouping: Grouping) -> Int {
        switch grouping {
        case .day, .week, .auto: return ordinal
        case .month:
            return CivilCalendar.dayNumber(CivilDay(year: CivilCalendar.floorDiv(ordinal, 12),
                                                    month: CivilCalendar.floorMod(ordinal, 12) + 1, day: 1))
        }
    }

    /// `2024-01-19`, `2024-W03`, `2024-01`.
    static func key(ofOrdinal ordinal: Int, grouping: Grouping) -> String {
        switch grouping {
        case .day, .auto:
            let d = CivilCalendar.civilDay(ordinal)
            return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
        case .week:
            let w = CivilCalendar.isoWeek(ordinal)
            return ISOWeek(year: w.year, week: w.week).description
        case .month:
            return "\(pad(CivilCalendar.floorDiv(ordinal, 12), 4))-\(pad(CivilCalendar.floorMod(ordinal, 12) + 1, 2))"
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Two URLs name the same article when they differ only in scheme
/// (`http`/`https`), host case, a `www.` prefix, a doubled slash in the
/// path, or a fragment.
enum DuplicateKey {
    static func make(_ url: URL) -> String {
        var host = (url.host ?? "").lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        // Collapse runs of "/" (on UTF-8, avoiding Foundation's slower search).
        var path: [UInt8] = []
        for unit in url.path.utf8 where !(unit == UInt8(ascii: "/") && path.last == unit) {
            path.append(unit)
        }
        let port = url.port.map { ":\($0)" } ?? ""
        let query = url.query.map { "?" + $0 } ?? ""
        return host + port + String(decoding: path, as: UTF8.self) + query
    }
}
