import Foundation

/// HTTP dates: IMF-fixdate out (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110
/// §5.6.7), any of the RFC 822 family in (through the archive's date parser).
enum HTTPDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = CivilCalendar.floorDiv(seconds, 86_400)
        let second = CivilCalendar.floorMod(seconds, 86_400)
        let civil = CivilCalendar.civilDay(dayNumber)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return weekdays[CivilCalendar.weekday(dayNumber) - 1] + ", " + pad(civil.day) + " " + months[civil.month - 1] + " "
            + String(civil.year) + " " + pad(second / 3600) + ":" + pad(second / 60 % 60) + ":" + pad(second % 60) + " GMT"
    }

    static func parse(_ text: String) -> Date? {
        WrittenDateParser.parse(text)?.instant(zonelessTimeZone: TimeZone(secondsFromGMT: 0)!)
    }
}
