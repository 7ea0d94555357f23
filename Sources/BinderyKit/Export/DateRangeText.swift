import Foundation

/// A span of days written compactly, for default book titles:
/// `15–21 January 2024`, `29 January – 4 February 2024`,
/// `2024年1月15日–21日`, `2024年1月29日–2月4日`.
enum DateRangeText {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func format(_ range: ClosedRange<Date>, language: String, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let a = calendar.dateComponents([.year, .month, .day], from: range.lowerBound)
        let b = calendar.dateComponents([.year, .month, .day], from: range.upperBound)
        guard let y1 = a.year, let m1 = a.month, let d1 = a.day,
              let y2 = b.year, let m2 = b.month, let d2 = b.day else { return "" }
        let sameDay = (y1, m1, d1) == (y2, m2, d2)
        if language.lowercased().hasPrefix("zh") {
            let first = "\(y1)年\(m1)月\(d1)日"
            if sameDay { return first }
            if y1 != y2 { return "\(first)–\(y2)年\(m2)月\(d2)日" }
            if m1 != m2 { return "\(first)–\(m2)月\(d2)日" }
            return "\(first)–\(d2)日"
        }
        let month1 = englishMonths[m1 - 1], month2 = englishMonths[m2 - 1]
        if sameDay { return "\(d1) \(month1) \(y1)" }
        if y1 != y2 { return "\(d1) \(month1) \(y1) – \(d2) \(month2) \(y2)" }
        if m1 != m2 { return "\(d1) \(month1) – \(d2) \(month2) \(y2)" }
        return "\(d1)–\(d2) \(month1) \(y1)"
    }
}
