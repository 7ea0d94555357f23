import Foundation

/// Dates in the W3C profile of ISO 8601 used by `dcterms:modified`,
/// `dc:date` and HTML `time@datetime`, computed with integer arithmetic
/// (proleptic Gregorian calendar) rather than a date formatter: creating an
/// `ISO8601DateFormatter` per article costs more than rendering the article.
public enum W3CDateTime {
    /// `CCYY-MM-DDThh:mm:ss` plus `Z` (offset 0) or `±hh:mm`, whole seconds.
    /// An offset with seconds (local mean time before 1900-ish) cannot be
    /// written (HTML's time-zone offset is hours and minutes), so that
    /// instant is written in UTC instead.
    static func string(_ date: Date, timeZone: TimeZone) -> String {
        var offset = timeZone.secondsFromGMT(for: date)
        if offset % 60 != 0 { offset = 0 }
        let fields = Fields(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset))
        var out = fields.day + "T" + pad(fields.hour) + ":" + pad(fields.minute) + ":" + pad(fields.second)
        if offset == 0 { return out + "Z" }
        let magnitude = abs(offset) / 60
        out += offset < 0 ? "-" : "+"
        return out + pad(magnitude / 60) + ":" + pad(magnitude % 60)
    }

    /// `CCYY-MM-DDThh:mm:ssZ`, as EPUB 3.3 §5.5.6 requires for `dcterms:modified`.
    static func utc(_ date: Date) -> String {
        string(date, timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
    }

    /// `CCYY-MM-DD`, the local day of `date` in `timeZone`.
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        Fields(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))).day
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    private struct Fields {
        var year: Int64, month: Int, dayOfMonth: Int, hour: Int, minute: Int, second: Int

        init(secondsSince1970 seconds: Int64) {
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = Int(seconds - days * 86_400)
            hour = secondOfDay / 3600
            minute = secondOfDay / 60 % 60
            second = secondOfDay % 60
            let civil = CivilCalendar.civilDay(Int(days))
            year = Int64(civil.year)
            month = civil.month
            dayOfMonth = civil.day
        }

        var day: String {
            let y = String(year)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + W3CDateTime.pad(month) + "-" + W3CDateTime.pad(dayOfMonth)
        }
    }
}
