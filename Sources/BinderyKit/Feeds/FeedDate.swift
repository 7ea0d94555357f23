import Foundation

/// Reads the dates feeds write: RFC 822 (`pubDate`), RFC 3339 (Atom, JSON
/// Feed, `dc:date`) and their common malformations — full day and month
/// names, missing weekday or seconds, two-digit years, `+08:00` in RFC 822,
/// a space for `T`, a trailing `(China Standard Time)`, zone abbreviations
/// beyond RFC 822's, and JavaScript's `Fri Jan 19 2024 21:23:59 GMT+0800`.
///
/// The forms the archive already reads are read by the same parser
/// (`WrittenDateParser`); this adds only what feeds get wrong. A date
/// without a zone is read as UTC, as feed readers do.
enum FeedDate {
    static func parse(_ raw: String?) -> Date? {
        guard var text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if let date = WrittenDateParser.parse(text) { return instant(date) }
        // `… +0800 (CST)`, `… GMT+0800 (China Standard Time)`.
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            text = text[..<open].trimmingCharacters(in: .whitespaces)
            if let date = WrittenDateParser.parse(text) { return instant(date) }
        }
        if let (withoutZone, offset) = splitExtraZone(text), let date = WrittenDateParser.parse(withoutZone) {
            var zoned = date
            if zoned.utcOffset == nil { zoned.utcOffset = offset }
            return instant(zoned)
        }
        if let reordered = dayFirst(text), let date = WrittenDateParser.parse(reordered) { return instant(date) }
        return nil
    }

    private static func instant(_ date: WrittenDate) -> Date {
        date.instant(zonelessTimeZone: TimeZone(secondsFromGMT: 0)!)
    }

    /// Zone abbreviations seen in feeds that RFC 822 does not define.
    private static let extraZones: [String: Int] = [
        "CET": 3600, "CEST": 7200, "MET": 3600, "MEST": 7200, "EET": 7200, "EEST": 10800, "WET": 0, "WEST": 3600,
        "BST": 3600, "IST": 19800, "MSK": 10800, "HKT": 28800, "SGT": 28800, "AWST": 28800, "JST": 32400,
        "KST": 32400, "AEST": 36000, "AEDT": 39600, "NZST": 43200, "NZDT": 46800, "AKST": -32400, "AKDT": -28800,
        "HST": -36000,
    ]

    /// `Fri, 19 Jan 2024 21:23:59 CET` → the date without its zone and the zone's offset.
    private static func splitExtraZone(_ text: String) -> (String, Int)? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let zone = text[text.index(after: space)...].uppercased()
        guard let offset = extraZones[zone] else { return nil }
        return (String(text[..<space]), offset)
    }

    /// `Fri Jan 19 2024 21:23:59 GMT+0800`, `Jan 19, 2024 9:05:00 +0000`:
    /// month before day, rewritten as `19 Jan 2024 21:23:59 GMT+0800`.
    private static func dayFirst(_ text: String) -> String? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let monthIndex = tokens.firstIndex(where: { token in
            token.count >= 3 && token.allSatisfy(\.isLetter) && months.contains(token.prefix(3).lowercased())
        }), monthIndex + 2 < tokens.count,
            let day = Int(tokens[monthIndex + 1]), (1...31).contains(day),
            tokens[monthIndex + 2].count == 4, Int(tokens[monthIndex + 2]) != nil else { return nil }
        let rest = tokens[(monthIndex + 3)...].joined(separator: " ")
        return "\(day) \(tokens[monthIndex]) \(tokens[monthIndex + 2]) \(rest)".trimmingCharacters(in: .whitespaces)
    }

    private static let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Fri, 19 Jan 2024 21:23:59 GMT`: the form archivers write in the
    /// body's date line (RFC 9110 §5.6.7 IMF-fixdate).
    static func rfc1123(_ date: Date) -> String {
        // `CCYY-MM-DDThh:mm:ssZ`, rearranged.
        let w3c = W3CDateTime.utc(date)
        let parts = w3c.dropLast().split(separator: "T")
        let day = parts[0].split(separator: "-")
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // Day 0, 1970-01-01, was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((dayNumber % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(Int(day[1]) ?? 1) - 1]
        return "\(weekday), \(day[2]) \(month) \(day[0]) \(parts[1]) GMT"
    }

    /// `2024-01-19`: the UTC day of `date`, for file names.
    static func utcDay(_ date: Date) -> String {
        W3CDateTime.day(date, timeZone: TimeZone(secondsFromGMT: 0)!)
    }
}
