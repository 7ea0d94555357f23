import Foundation

/// A date and time as a feed wrote it: wall-clock fields and, when the text
/// named one, the UTC offset.
struct WrittenDate: Equatable, Sendable {
    var day: CivilDay
    /// Seconds since midnight; `nil` when only a day was written.
    var secondOfDay: Int?
    var nanoseconds: Int = 0
    /// Seconds east of UTC; `nil` for a zone-less date.
    var utcOffset: Int?

    /// A date without a time names a day, not an instant: it is placed at
    /// noon, which keeps it on the same calendar day when shown in any zone
    /// from UTC−12 to UTC+11 relative to the assumed one, and so in the right
    /// chapter for nearly every reader.
    static let noon = 12 * 3600

    /// The instant, reading a zone-less date in `zonelessTimeZone`.
    func instant(zonelessTimeZone: TimeZone) -> Date {
        let dayNumber = CivilCalendar.dayNumber(day)
        let second = secondOfDay ?? Self.noon
        if let utcOffset {
            let utc = dayNumber * 86_400 + second - utcOffset
            return Date(timeIntervalSince1970: TimeInterval(utc) + TimeInterval(nanoseconds) / 1e9)
        }
        return CivilCalendar.instant(day: dayNumber, secondOfDay: second, nanoseconds: nanoseconds, in: zonelessTimeZone)
    }
}

/// Reads the date forms found in archives (FORMAT.md, "Date line variants"):
///
/// - RFC 822 / RFC 1123 (`Fri, 19 Jan 2024 21:23:59 GMT`, RFC 822 §5.1,
///   with 2- or 4-digit years, optional weekday and seconds, named US zones
///   and numeric offsets);
/// - ISO 8601 / RFC 3339 (`2024-01-19T21:23:59+08:00`, also with a space
///   instead of `T`, `+0800`, fractions, no zone, or a date alone);
/// - Chinese `2020年 6月 27日` with an optional time after it;
/// - `dd/mm/yyyy - hh:mm` (also with `.` between the numbers, or no time).
///
/// Anything else, including impossible dates (`31/02/2024`), is `nil`.
enum WrittenDateParser {
    static func parse(_ text: String) -> WrittenDate? {
        var bytes = Array(text.utf8)
        // Treat U+00A0 (C2 A0) and U+3000 (E3 80 80) as plain spaces.
        bytes = replacingWideSpaces(bytes)
        var scanner = ByteScanner(bytes)
        scanner.skipSpaces()
        let start = scanner.index
        for attempt in [parseISO, parseChinese, parseDayMonthYear, parseRFC822] {
            scanner.index = start
            if let date = attempt(&scanner) {
                scanner.skipSpaces()
                if scanner.atEnd { return date }
            }
        }
        return nil
    }

    // MARK: Forms

    private static func parseISO(_ s: inout ByteScanner) -> WrittenDate? {
        guard let year = s.number(digits: 4...4) else { return nil }
        let separator = s.peek
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
        s.index += 1
        guard let month = s.number(digits: 1...2), s.consume(separator!), let day = s.number(digits: 1...2),
              CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var date = WrittenDate(day: CivilDay(year: year, month: month, day: day))
        readOptionalTime(&s, into: &date, separators: [UInt8(ascii: "T"), UInt8(ascii: "t")])
        return date
    }

    private static func parseChinese(_ s: inout ByteScanner) -> WrittenDate? {
        guard let year = s.number(digits: 4...4) else { return nil }
        s.skipSpaces()
        guard s.consume("年"), s.skipSpacesAlways(), let month = s.number(digits: 1...2) else { return nil }
        s.skipSpaces()
        guard s.consume("月"), s.skipSpacesAlways(), let day = s.number(digits: 1...2) else { return nil }
        s.skipSpaces()
        guard s.consume("日") || s.consume("号"), CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var date = WrittenDate(day: CivilDay(year: year, month: month, day: day))
        readOptionalTime(&s, into: &date, separators: [])
        return date
    }

    private static func parseDayMonthYear(_ s: inout ByteScanner) -> WrittenDate? {
        guard let day = s.number(digits: 1...2) else { return nil }
        let separator = s.peek
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return nil }
        s.index += 1
        guard let month = s.number(digits: 1...2), s.consume(separator!), let year = s.number(digits: 4...4),
              CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var date = WrittenDate(day: CivilDay(year: year, month: month, day: day))
        readOptionalTime(&s, into: &date, separators: [UInt8(ascii: "-"), UInt8(ascii: ",")])
        return date
    }

    private static func parseRFC822(_ s: inout ByteScanner) -> WrittenDate? {
        if let word = s.letters(), !word.isEmpty {
            guard word.count >= 3 else { return nil } // a weekday name; its value is not checked
            _ = s.consume(UInt8(ascii: ","))
            s.skipSpaces()
        }
        guard let day = s.number(digits: 1...2) else { return nil }
        s.skipSpaces()
        _ = s.consume(UInt8(ascii: "-"))
        guard let name = s.letters(), name.count >= 3, let month = monthNumber(name) else { return nil }
        s.skipSpaces()
        _ = s.consume(UInt8(ascii: "-"))
        guard let written = s.numberWithCount(digits: 2...4) else { return nil }
        // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
        let year = written.count == 4 ? written.value : (written.value < 50 ? 2000 + written.value : 1900 + written.value)
        guard written.count != 3, CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var date = WrittenDate(day: CivilDay(year: year, month: month, day: day))
        readOptionalTime(&s, into: &date, separators: [])
        return date
    }

    // MARK: Pieces

    /// The time that may follow a date: spaces or one of `separators`, a
    /// clock, and optionally a zone. Leaves the scanner where it was when no
    /// clock follows.
    private static func readOptionalTime(_ s: inout ByteScanner, into date: inout WrittenDate, separators: [UInt8]) {
        let start = s.index
        s.skipSpaces()
        if let b = s.peek, separators.contains(b) {
            s.index += 1
            s.skipSpaces()
        }
        guard let (second, nanos) = parseClock(&s) else {
            s.index = start
            return
        }
        date.secondOfDay = second
        date.nanoseconds = nanos
        let beforeZone = s.index
        s.skipSpaces()
        if let offset = parseZone(&s) { date.utcOffset = offset } else { s.index = beforeZone }
    }

    /// `hh:mm`, `hh:mm:ss`, `hh:mm:ss.fff`; returns seconds since midnight.
    private static func parseClock(_ s: inout ByteScanner) -> (Int, Int)? {
        guard let hour = s.number(digits: 1...2), hour < 24, s.consume(UInt8(ascii: ":")),
              let minute = s.number(digits: 2...2), minute < 60 else { return nil }
        var second = 0, nanos = 0
        let beforeSeconds = s.index
        if s.consume(UInt8(ascii: ":")) {
            guard let sec = s.number(digits: 2...2), sec <= 60 else { s.index = beforeSeconds; return (hour * 3600 + minute * 60, 0) }
            second = min(sec, 59) // a leap second is shown as :59
            if s.consume(UInt8(ascii: ".")) || s.consume(UInt8(ascii: ",")),
               let fraction = s.numberWithCount(digits: 1...9) {
                var scale = 1
                for _ in fraction.count..<9 { scale *= 10 }
                nanos = fraction.value * scale
            }
        }
        return (hour * 3600 + minute * 60 + second, nanos)
    }

    /// `Z`, `GMT`, `UT`, `UTC`, US zones of RFC 822 §5.1, `+hhmm`, `+hh:mm`, `+hh`.
    private static func parseZone(_ s: inout ByteScanner) -> Int? {
        let start = s.index
        if let sign = s.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            s.index += 1
            guard let hours = s.number(digits: 2...2, followedByDigits: true), hours <= 14 else { s.index = start; return nil }
            var minutes = 0
            let colon = s.consume(UInt8(ascii: ":"))
            if let m = s.number(digits: 2...2), m < 60 { minutes = m } else if colon { s.index = start; return nil }
            let offset = hours * 3600 + minutes * 60
            return sign == UInt8(ascii: "+") ? offset : -offset
        }
        guard let word = s.letters() else { return nil }
        let hours: Int?
        switch word.uppercased() {
        case "Z", "GMT", "UT", "UTC": hours = 0
        case "EST": hours = -5
        case "EDT": hours = -4
        case "CST": hours = -6
        case "CDT": hours = -5
        case "MST": hours = -7
        case "MDT": hours = -6
        case "PST": hours = -8
        case "PDT": hours = -7
        default: hours = nil
        }
        guard let hours else { s.index = start; return nil }
        // "GMT+8" style: an offset after the name.
        let afterName = s.index
        if let extra = parseZone(&s), word.uppercased() != "Z" { return hours * 3600 + extra }
        s.index = afterName
        return hours * 3600
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ name: String) -> Int? {
        let key = name.prefix(3).lowercased()
        return months.firstIndex(of: key).map { $0 + 1 }
    }

    private static func replacingWideSpaces(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                out.append(32); i += 2
            } else if bytes[i] == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                out.append(32); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return out
    }
}
