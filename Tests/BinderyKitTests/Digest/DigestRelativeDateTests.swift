import Foundation
import XCTest
@testable import BinderyKit

/// `--week last|this` and `--since 7d` style ranges, counted from "now" in a time zone.
final class DigestRelativeDateTests: XCTestCase {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// Sunday 2024-01-21 20:00 UTC = Monday 2024-01-22 04:00 in Shanghai.
    let now = Date(timeIntervalSince1970: 1_705_867_200)

    func testWeeksCountInTheTimeZone() {
        XCTAssertEqual(RelativeDate.week("this", now: now, timeZone: shanghai), ISOWeek(year: 2024, week: 4))
        XCTAssertEqual(RelativeDate.week("last", now: now, timeZone: shanghai), ISOWeek(year: 2024, week: 3))
        XCTAssertEqual(RelativeDate.week("LAST", now: now, timeZone: TimeZone(identifier: "UTC")!), ISOWeek(year: 2024, week: 2))
        XCTAssertNil(RelativeDate.week("2024-W03", now: now, timeZone: shanghai))
        // Across a year: Monday 2024-01-01 is in 2024-W01, the week before is 2023-W52.
        let newYear = Date(timeIntervalSince1970: 1_704_067_200)
        XCTAssertEqual(RelativeDate.week("last", now: newYear, timeZone: TimeZone(identifier: "UTC")!), ISOWeek(year: 2023, week: 52))
    }

    func testDaysAgo() {
        func day(_ text: String) -> [Int]? {
            RelativeDate.day(text, now: now, timeZone: shanghai).map { [$0.year!, $0.month!, $0.day!] }
        }
        XCTAssertEqual(day("today"), [2024, 1, 22])
        XCTAssertEqual(day("yesterday"), [2024, 1, 21])
        XCTAssertEqual(day("7d"), [2024, 1, 15])
        XCTAssertEqual(day("0d"), [2024, 1, 22])
        XCTAssertEqual(day("2w"), [2024, 1, 8])
        XCTAssertEqual(day("30D"), [2023, 12, 23])
        for text in ["2024-01-15", "7", "d", "-1d", "7days", "１d", "99999d"] {
            XCTAssertNil(day(text), text)
        }
    }
}
