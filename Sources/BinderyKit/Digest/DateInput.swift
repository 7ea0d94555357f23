import Foundation

/// Thrown when a date or week given on the command line is malformed or
/// does not exist; `description` says which and why.
public struct DateInputError: Error, Equatable, CustomStringConvertible {
    public var input: String
    public var reason: String
    public var description: String { "invalid date \"\(input)\": \(reason)" }
}

extension ISOWeek: CustomStringConvertible {
    /// Parses `YYYY-Www` (ISO 8601-1:2019 §5.2.3.3; `W` in either case, the
    /// week with one or two digits). The week must exist in that year:
    /// 1…52, or 1…53 in years with 53 weeks.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCII),
              let w = parts[1].first, w == "W" || w == "w",
              (2...3).contains(parts[1].count), let week = Int(parts[1].dropFirst()), parts[1].dropFirst().allSatisfy(\.isASCII)
        else {
            throw DateInputError(input: text, reason: "expected an ISO week like 2024-W03, or this or last")
        }
        let weeks = CivilCalendar.weeksInISOYear(year)
        guard (1...weeks).contains(week) else {
            throw DateInputError(input: text, reason: "\(year) has weeks 1 to \(weeks)")
        }
        self.init(year: year, week: week)
    }

    /// The week holding `instant` in `timeZone`.
    public init(containing instant: Date, timeZone: TimeZone) {
        let week = CivilCalendar.isoWeek(CivilCalendar.local(instant, in: timeZone).day)
        self.init(year: week.year, week: week.week)
    }

    /// `2024-W03`.
    public var description: String { "\(Period.pad(year, 4))-W\(Period.pad(week, 2))" }

    /// Monday (the first day) of the week, as year/month/day.
    public var firstDay: DateComponents { Self.components(CivilCalendar.mondayOfISOWeek(year: year, week: week)) }
    /// Sunday (the last day) of the week, as year/month/day.
    public var lastDay: DateComponents { Self.components(CivilCalendar.mondayOfISOWeek(year: year, week: week) + 6) }

    private static func components(_ day: Int) -> DateComponents {
        let civil = CivilCalendar.civilDay(day)
        return DateComponents(year: civil.year, month: civil.month, day: civil.day)
    }
}

/// Local calendar days as the command line writes them.
public enum LocalDay {
    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date, extended format) into
    /// year/month/day components; the day must exist (`2023-02-29` does not).
    public static func parse(_ text: String) throws -> DateComponents {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw DateInputError(input: text, reason: "expected a day like 2024-01-19, or today, yesterday, 7d or 2w")
        }
        guard (1...12).contains(month) else {
            throw DateInputError(input: text, reason: "month \(month) does not exist")
        }
        guard CivilCalendar.isValid(year: year, month: month, day: day) else {
            throw DateInputError(input: text, reason: "\(parts[0])-\(parts[1]) has no day \(day)")
        }
        return DateComponents(year: year, month: month, day: day)
    }
}

/// Dates relative to "now", for runs from cron or a timer: `--week last`,
/// `--week this`, `--since 7d`, `--until yesterday`. "Now" is the build
/// clock (so `SOURCE_DATE_EPOCH` pins it) and days are `timeZone`'s.
public enum RelativeDate {
    /// `this` (the week holding now) or `last` (the one before); `nil` for
    /// anything else, which is then read as `YYYY-Www`.
    public static func week(_ text: String, now: Date, timeZone: TimeZone) -> ISOWeek? {
        let today = CivilCalendar.local(now, in: timeZone).day
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "this": return week(containing: today)
        case "last": return week(containing: today - 7)
        default: return nil
        }
    }

    /// `today`, `yesterday`, `Nd` (N days ago) or `Nw` (N weeks ago) as
    /// year/month/day; `nil` for anything else, which is then read as
    /// `YYYY-MM-DD`. `--since 7d` is the day a week ago, so it and today
    /// are both included.
    public static func day(_ text: String, now: Date, timeZone: TimeZone) -> DateComponents? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let today = CivilCalendar.local(now, in: timeZone).day
        var daysAgo: Int
        switch trimmed {
        case "today": daysAgo = 0
        case "yesterday": daysAgo = 1
        default:
            guard let unit = trimmed.last, unit == "d" || unit == "w", trimmed.count >= 2, trimmed.count <= 5,
                  let count = Int(trimmed.dropLast()), count >= 0, trimmed.dropLast().allSatisfy(\.isASCII) else { return nil }
            daysAgo = unit == "w" ? count * 7 : count
        }
        let civil = CivilCalendar.civilDay(today - daysAgo)
        return DateComponents(year: civil.year, month: civil.month, day: civil.day)
    }

    private static func week(containing day: Int) -> ISOWeek {
        let week = CivilCalendar.isoWeek(day)
        return ISOWeek(year: week.year, week: week.week)
    }
}
