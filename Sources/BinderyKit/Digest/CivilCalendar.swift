import Foundation

/// A day of the proleptic Gregorian calendar, as a wall calendar shows it.
struct CivilDay: Hashable, Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    static func < (a: CivilDay, b: CivilDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Calendar arithmetic done by hand so that it is fast (one call per article)
/// and identical on every machine, independent of ICU and locale data.
///
/// Days are counted from 1970-01-01 (day 0). The algorithms are Howard
/// Hinnant's `days_from_civil` / `civil_from_days`; ISO weeks follow
/// ISO 8601-1:2019 §5.2.3 (weeks start on Monday; week 1 holds the year's
/// first Thursday).
enum CivilCalendar {
    static func dayNumber(_ d: CivilDay) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilDay(_ dayNumber: Int) -> CivilDay {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CivilDay(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday.
    static func weekday(_ dayNumber: Int) -> Int {
        floorMod(dayNumber + 3, 7) + 1
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The ISO week-numbering year and week of a day: the week's Thursday
    /// decides the year.
    static func isoWeek(_ dayNumber: Int) -> (year: Int, week: Int) {
        let thursday = dayNumber - weekday(dayNumber) + 4
        let year = civilDay(thursday).year
        let ordinal = thursday - self.dayNumber(CivilDay(year: year, month: 1, day: 1))
        return (year, ordinal / 7 + 1)
    }

    /// 53 when the year starts on a Thursday, or on a Wednesday in a leap year.
    static func weeksInISOYear(_ year: Int) -> Int {
        let jan1 = weekday(dayNumber(CivilDay(year: year, month: 1, day: 1)))
        return jan1 == 4 || (jan1 == 3 && isLeapYear(year)) ? 53 : 52
    }

    /// The day number of the Monday that starts ISO week `week` of `year`.
    static func mondayOfISOWeek(year: Int, week: Int) -> Int {
        // January 4th is always in week 1.
        let jan4 = dayNumber(CivilDay(year: year, month: 1, day: 4))
        return jan4 - (weekday(jan4) - 1) + (week - 1) * 7
    }

    /// The local day number and seconds since local midnight of `instant` in `timeZone`.
    static func local(_ instant: Date, in timeZone: TimeZone) -> (day: Int, secondOfDay: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return (floorDiv(seconds, 86_400), floorMod(seconds, 86_400))
    }

    /// The instant a wall-clock time in `timeZone` names. The zone's offset is
    /// looked up twice so that a time just after a DST change resolves right;
    /// a time inside a DST gap resolves to the offset before the change.
    static func instant(day: Int, secondOfDay: Int, nanoseconds: Int = 0, in timeZone: TimeZone) -> Date {
        let wall = day * 86_400 + secondOfDay
        let first = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall)))
        let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - first)))
        return Date(timeIntervalSince1970: TimeInterval(wall - second) + TimeInterval(nanoseconds) / 1e9)
    }

    /// The first instant of a local day (midnight, or the first existing
    /// moment when a DST change skips midnight).
    static func startOfDay(_ day: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let civil = civilDay(day)
        if let start = calendar.date(from: DateComponents(year: civil.year, month: civil.month, day: civil.day)) {
            return calendar.startOfDay(for: start)
        }
        return instant(day: day, secondOfDay: 0, in: timeZone)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }
}
