import Foundation

/// The default title of a digest: what it is and when, first, so that a
/// library's truncated titles still tell the weeks apart —
/// `新闻周报 · 2020年第29周 · 7月13日–19日`, `News digest · 2020-W29 · 13–19 July`,
/// `新闻月报 · 2020年7月`, `News digest · July 2020`, a day
/// (`新闻日报 · 2020年7月13日`), or any other span as a range
/// (`新闻摘要 · 2020年7月1日–8月15日`). The sources are not in it: the title
/// page and the metadata list them.
enum DigestTitle {
    static func make(range: ClosedRange<Date>?, language: String, timeZone: TimeZone) -> String {
        let zh = DateText.isChinese(language)
        guard let range else { return zh ? "新闻摘要" : "News digest" }
        let first = CivilCalendar.local(range.lowerBound, in: timeZone).day
        let last = CivilCalendar.local(range.upperBound, in: timeZone).day
        let a = CivilCalendar.civilDay(first), b = CivilCalendar.civilDay(last)
        let week = ISOWeek(containing: range.lowerBound, timeZone: timeZone)
        if first == last {
            return zh ? "新闻日报 · \(a.year)年\(a.month)月\(a.day)日" : "News digest · \(a.day) \(DateText.englishMonths[a.month - 1]) \(a.year)"
        }
        if week == ISOWeek(containing: range.upperBound, timeZone: timeZone) {
            let days = span(a, b, zh: zh)
            return zh ? "新闻周报 · \(week.year)年第\(week.week)周 · \(days)" : "News digest · \(week.description) · \(days)"
        }
        if a.year == b.year && a.month == b.month {
            return zh ? "新闻月报 · \(a.year)年\(a.month)月" : "News digest · \(DateText.englishMonths[a.month - 1]) \(a.year)"
        }
        let days = DateRangeText.format(range, language: language, timeZone: timeZone)
        return zh ? "新闻摘要 · \(days)" : "News digest · \(days)"
    }

    /// Days of one week without the year (the week number carries it):
    /// `7月13日–19日`, `7月29日–8月4日`, `13–19 July`, `29 July – 4 August`.
    private static func span(_ a: CivilDay, _ b: CivilDay, zh: Bool) -> String {
        let months = DateText.englishMonths
        if zh { return a.month == b.month ? "\(a.month)月\(a.day)日–\(b.day)日" : "\(a.month)月\(a.day)日–\(b.month)月\(b.day)日" }
        return a.month == b.month ? "\(a.day)–\(b.day) \(months[a.month - 1])"
            : "\(a.day) \(months[a.month - 1]) – \(b.day) \(months[b.month - 1])"
    }
}
