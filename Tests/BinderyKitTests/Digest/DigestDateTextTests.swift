@testable import BinderyKit
import XCTest

final class DigestDateTextTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    private func chapter(_ iso: String?) -> Chapter {
        Chapter(key: "k", start: iso.map { DigestFixtures.utc($0) }, articles: [])
    }

    func testDayHeadings() {
        let day = chapter("2024-01-19T00:00:00Z")
        XCTAssertEqual(DateText.chapterHeading(day, grouping: .day, language: "zh", timeZone: utc), "2024年1月19日 星期五")
        XCTAssertEqual(DateText.chapterHeading(day, grouping: .day, language: "en", timeZone: utc), "Friday, 19 January 2024")
        XCTAssertEqual(DateText.chapterHeading(chapter("2024-01-18T16:00:00Z"), grouping: .day, language: "zh-Hant", timeZone: shanghai),
                       "2024年1月19日 星期五")
    }

    func testWeekHeadings() {
        let week3 = chapter("2024-01-15T00:00:00Z")
        XCTAssertEqual(DateText.chapterHeading(week3, grouping: .week, language: "zh", timeZone: utc), "2024年第3周（1月15日–1月21日）")
        XCTAssertEqual(DateText.chapterHeading(week3, grouping: .week, language: "en", timeZone: utc), "Week 3, 15–21 January 2024")
        let week5 = chapter("2024-01-29T00:00:00Z")
        XCTAssertEqual(DateText.chapterHeading(week5, grouping: .week, language: "en", timeZone: utc), "Week 5, 29 January – 4 February 2024")
        let week53 = chapter("2020-12-28T00:00:00Z")
        XCTAssertEqual(DateText.chapterHeading(week53, grouping: .week, language: "zh", timeZone: utc), "2020年第53周（12月28日–2021年1月3日）")
        XCTAssertEqual(DateText.chapterHeading(week53, grouping: .week, language: "en", timeZone: utc), "Week 53, 28 December 2020 – 3 January 2021")
        let week1 = chapter("2024-12-30T00:00:00Z")
        XCTAssertEqual(DateText.chapterHeading(week1, grouping: .week, language: "zh", timeZone: utc), "2025年第1周（2024年12月30日–2025年1月5日）")
    }

    func testMonthAndUndatedHeadings() {
        XCTAssertEqual(DateText.chapterHeading(chapter("2024-01-01T00:00:00Z"), grouping: .month, language: "zh", timeZone: utc), "2024年1月")
        XCTAssertEqual(DateText.chapterHeading(chapter("2024-01-01T00:00:00Z"), grouping: .month, language: "en", timeZone: utc), "January 2024")
        XCTAssertEqual(DateText.chapterHeading(chapter(nil), grouping: .day, language: "zh", timeZone: utc), "未注明日期")
        XCTAssertEqual(DateText.chapterHeading(chapter(nil), grouping: .week, language: "en", timeZone: utc), "Undated")
    }

    func testArticleDateTime() {
        let instant = DigestFixtures.utc("2024-01-19T13:23:59Z")
        XCTAssertEqual(DateText.articleDateTime(instant, language: "zh", timeZone: shanghai), "2024年1月19日 21:23")
        XCTAssertEqual(DateText.articleDateTime(instant, language: "en", timeZone: shanghai), "19 January 2024, 21:23")
        XCTAssertEqual(DateText.articleDateTime(instant, language: "en", timeZone: utc), "19 January 2024, 13:23")
    }

    func testISO8601String() {
        let instant = DigestFixtures.utc("2024-01-19T21:23:59Z")
        XCTAssertEqual(ISO8601.string(instant, timeZone: shanghai), "2024-01-20T05:23:59+08:00")
        XCTAssertEqual(ISO8601.string(instant, timeZone: utc), "2024-01-19T21:23:59Z")
        XCTAssertEqual(ISO8601.string(instant, timeZone: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!), "2024-01-19T17:53:59-03:30")
        XCTAssertEqual(ISO8601.string(Date(timeIntervalSince1970: -1), timeZone: utc), "1969-12-31T23:59:59Z")
    }

    func testParsingISOWeeks() throws {
        XCTAssertEqual(try ISOWeek(parsing: "2024-W03"), ISOWeek(year: 2024, week: 3))
        XCTAssertEqual(try ISOWeek(parsing: "2020-w53"), ISOWeek(year: 2020, week: 53))
        XCTAssertEqual(ISOWeek(year: 2024, week: 3).description, "2024-W03")
        XCTAssertThrowsError(try ISOWeek(parsing: "2024-W53")) { error in
            XCTAssertEqual("\(error)", "invalid date \"2024-W53\": 2024 has weeks 1 to 52")
        }
        for bad in ["2024-W00", "2024W03", "24-W03", "2024-03", "2024-W3x", ""] {
            XCTAssertThrowsError(try ISOWeek(parsing: bad), bad)
        }
        XCTAssertEqual(ISOWeek(year: 2021, week: 1).firstDay, DateComponents(year: 2021, month: 1, day: 4))
        XCTAssertEqual(ISOWeek(year: 2020, week: 53).lastDay, DateComponents(year: 2021, month: 1, day: 3))
    }

    func testParsingLocalDays() throws {
        XCTAssertEqual(try LocalDay.parse("2024-02-29"), DateComponents(year: 2024, month: 2, day: 29))
        XCTAssertThrowsError(try LocalDay.parse("2023-02-29")) { error in
            XCTAssertEqual("\(error)", "invalid date \"2023-02-29\": 2023-02 has no day 29")
        }
        for bad in ["2024-13-01", "2024-1-19", "19/01/2024", "2024-01-19T00:00", "abcd-ef-gh"] {
            XCTAssertThrowsError(try LocalDay.parse(bad), bad)
        }
    }

    func testCivilCalendarAgreesWithFoundation() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = utc
        for day in stride(from: -800, to: 30_000, by: 37) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            let components = calendar.dateComponents([.year, .month, .day, .weekOfYear, .yearForWeekOfYear], from: date)
            let civil = CivilCalendar.civilDay(day)
            XCTAssertEqual([civil.year, civil.month, civil.day], [components.year, components.month, components.day])
            XCTAssertEqual(CivilCalendar.dayNumber(civil), day)
            let week = CivilCalendar.isoWeek(day)
            XCTAssertEqual([week.year, week.week], [components.yearForWeekOfYear, components.weekOfYear], "\(civil)")
        }
        XCTAssertEqual(CivilCalendar.weeksInISOYear(2020), 53)
        XCTAssertEqual(CivilCalendar.weeksInISOYear(2026), 53)
        XCTAssertEqual(CivilCalendar.weeksInISOYear(2024), 52)
    }
}

final class DigestLanguageDetectorTests: XCTestCase {
    func testChineseAndEnglish() {
        XCTAssertEqual(LanguageDetector.detect(["巴基斯坦和伊朗同意缓和局势"]), "zh")
        XCTAssertEqual(LanguageDetector.detect(["Pakistan and Iran agree to de-escalate"]), "en")
        XCTAssertEqual(LanguageDetector.detect([]), "en")
    }

    func testMarkupDoesNotCountAsEnglish() {
        let html = "<div><img src=\"https://images.weserv.nl?url=gdb.voanews.com/photo_with_a_long_name.jpg\" width=\"100%\"></div><p>巴基斯坦外交部说</p>"
        XCTAssertEqual(LanguageDetector.detect([html]), "zh")
    }

    func testChineseWithEnglishNamesStaysChinese() {
        XCTAssertEqual(LanguageDetector.detect(["伊朗外长阿卜杜拉希扬（Hossein Amir-Abdollahian）与巴基斯坦外长通话"]), "zh")
        XCTAssertEqual(LanguageDetector.detect(["The minister said the talks (会谈) went well and both sides agreed to continue them next week."]), "en")
    }
}
