import Foundation

/// Dates written the way a book's language writes them.
///
/// Fixed patterns with built-in names, not ICU/locale formatting, so that a
/// book reads the same on every machine. Chinese for any `zh…` language
/// tag, English otherwise.
public enum DateText {
    /// A chapter heading: `2024年1月19日 星期五` / `Friday, 19 January 2024`
    /// for days; `2024年第3周（1月15日–1月21日）` / `Week 3, 15–21 January 2024`
    /// for weeks; `2024年1月` / `January 2024` for months; `未注明日期` /
    /// `Undated` for undated articles.
    public static func chapterHeading(_ chapter: Chapter, grouping: Grouping, language: String, timeZone: TimeZone) -> String {
        let chinese = isChinese(language)
        guard let start = chapter.start else { return chinese ? "未注明日期" : "Undated" }
        let day = CivilCalendar.local(start, in: timeZone).day
        switch grouping {
        case .day:
            return chinese ? chineseDay(day) : englishDay(day)
        case .auto:
            guard let end = chapter.end else { return chinese ? chineseDay(day) : englishDay(day) }
            return DateRangeText.format(start...end, language: language, timeZone: timeZone)
        case .week:
            return chinese ? chineseWeek(day) : englishWeek(day)
        case .month:
            let d = CivilCalendar.civilDay(day)
            return chinese ? "\(d.year)年\(d.month)月" : "\(englishMonths[d.month - 1]) \(d.year)"
        }
    }

    /// An article's local date and time: `2024年1月19日 21:23` / `19 January 2024, 21:23`.
    public static func articleDateTime(_ instant: Date, language: String, timeZone: TimeZone) -> String {
        let local = CivilCalendar.local(instant, in: timeZone)
        let d = CivilCalendar.civilDay(local.day)
        let time = "\(Period.pad(local.secondOfDay / 3600, 2)):\(Period.pad(local.secondOfDay / 60 % 60, 2))"
        return isChinese(language)
            ? "\(d.year)年\(d.month)月\(d.day)日 \(time)"
            : "\(d.day) \(englishMonths[d.month - 1]) \(d.year), \(time)"
    }

    static func isChinese(_ language: String) -> Bool {
        language.lowercased() == "zh" || language.lowercased().hasPrefix("zh-")
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let chineseWeekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]

    private static func chineseDay(_ day: Int) -> String {
        let d = CivilCalendar.civilDay(day)
        return "\(d.year)年\(d.month)月\(d.day)日 \(chineseWeekdays[CivilCalendar.weekday(day) - 1])"
    }

    private static func englishDay(_ day: Int) -> String {
        let d = CivilCalendar.civilDay(day)
        return "\(englishWeekdays[CivilCalendar.weekday(day) - 1]), \(d.day) \(englishMonths[d.month - 1]) \(d.year)"
    }

    /// `2024年第3周（1月15日–1月21日）`; the end carries its year when the
    /// week runs into the next year: `2020年第53周（12月28日–2021年1月3日）`.
    private static func chineseWeek(_ monday: Int) -> String {
        let week = CivilCalendar.isoWeek(monday)
        let a = CivilCalendar.civilDay(monday), b = CivilCalendar.civilDay(monday + 6)
        let from = a.year == week.year ? "\(a.month)月\(a.day)日" : "\(a.year)年\(a.month)月\(a.day)日"
        let to = b.year == a.year ? "\(b.month)月\(b.day)日" : "\(b.year)年\(b.month)月\(b.day)日"
        return "\(week.year)年第\(week.week)周（\(from)–\(to)）"
    }

    /// `Week 3, 15–21 January 2024`; `Week 5, 29 January – 4 February 2024`;
    /// `Week 1, 30 December 2024 – 5 January 2025`.
    private static func englishWeek(_ monday: Int) -> String {
        let week = CivilCalendar.isoWeek(monday)
        let a = CivilCalendar.civilDay(monday), b = CivilCalendar.civilDay(monday + 6)
        let span: String
        if a.year != b.year {
            span = "\(a.day) \(englishMonths[a.month - 1]) \(a.year) – \(b.day) \(englishMonths[b.month - 1]) \(b.year)"
        } else if a.month != b.month {
            span = "\(a.day) \(englishMonths[a.month - 1]) – \(b.day) \(englishMonths[b.month - 1]) \(b.year)"
        } else {
            span = "\(a.day)–\(b.day) \(englishMonths[a.month - 1]) \(a.year)"
        }
        return "Week \(week.week), \(span)"
    }
}

/// ISO 8601 with the offset of a time zone, e.g. `2024-01-20T05:23:59+08:00`
/// (`Z` for UTC). Formatted by hand: it is called per article.
public enum ISO8601 {
    public static func string(_ date: Date, timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = CivilCalendar.local(date, in: timeZone)
        let d = CivilCalendar.civilDay(local.day)
        let s = local.secondOfDay
        var text = "\(Period.pad(d.year, 4))-\(Period.pad(d.month, 2))-\(Period.pad(d.day, 2))"
        text += "T\(Period.pad(s / 3600, 2)):\(Period.pad(s / 60 % 60, 2)):\(Period.pad(s % 60, 2))"
        if offset == 0 { return text + "Z" }
        let magnitude = abs(offset)
        return text + (offset < 0 ? "-" : "+") + "\(Period.pad(magnitude / 3600, 2)):\(Period.pad(magnitude / 60 % 60, 2))"
    }
}
