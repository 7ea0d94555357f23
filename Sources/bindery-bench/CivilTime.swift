/// Calendar fields of an instant, computed with integer arithmetic (Howard
/// Hinnant's days-from-civil algorithm) so that the generator needs neither
/// `DateFormatter` nor the machine's time zone: output is the same everywhere.
struct CivilTime {
    var year: Int, month: Int, day: Int
    var hour: Int, minute: Int, second: Int
    /// 0 = Sunday.
    var weekday: Int

    /// The wall-clock fields at `seconds` since 1970 UTC, shifted by `offset` seconds.
    init(epochSeconds seconds: Int, offset: Int = 0) {
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (4)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    var clock: String { "\(two(hour)):\(two(minute)):\(two(second))" }

    /// RFC 1123 / RFC 822 date, e.g. `Fri, 19 Jan 2024 21:23:59 GMT` (zone text given by the caller).
    func rfc1123(zone: String) -> String {
        "\(Self.weekdayNames[weekday]), \(two(day)) \(Self.monthNames[month - 1]) \(year) \(clock) \(zone)"
    }

    /// `2024-01-19T21:23:59` followed by `zone` (`Z`, `+08:00`, or nothing).
    func iso8601(zone: String) -> String {
        "\(year)-\(two(month))-\(two(day))T\(clock)\(zone)"
    }

    /// `2024-01-19 21:23:59`, the zone-less form some feeds write.
    var isoWithoutZone: String { "\(year)-\(two(month))-\(two(day)) \(clock)" }

    /// `2020年 6月 27日`, as Chinese-language feeds write the day.
    var chineseDay: String { "\(year)年 \(month)月 \(day)日" }

    /// `27/06/2020 - 14:05`.
    var dayMonthYear: String { "\(two(day))/\(two(month))/\(year) - \(two(hour)):\(two(minute))" }
}
