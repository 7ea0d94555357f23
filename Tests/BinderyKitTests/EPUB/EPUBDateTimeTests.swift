import XCTest
@testable import BinderyKit

final class EPUBDateTimeTests: XCTestCase {
    func testLiteralExamples() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        XCTAssertEqual(W3CDateTime.string(Date(timeIntervalSince1970: 1_705_700_639), timeZone: shanghai), "2024-01-20T05:43:59+08:00")
        XCTAssertEqual(W3CDateTime.utc(Date(timeIntervalSince1970: 1_706_000_000.9)), "2024-01-23T08:53:20Z")
        XCTAssertEqual(W3CDateTime.day(Date(timeIntervalSince1970: 1_705_680_000 - 1), timeZone: shanghai), "2024-01-19")
        XCTAssertEqual(W3CDateTime.day(Date(timeIntervalSince1970: 1_705_680_000), timeZone: shanghai), "2024-01-20")
        XCTAssertEqual(W3CDateTime.string(Date(timeIntervalSince1970: -1), timeZone: TimeZone(secondsFromGMT: 0)!), "1969-12-31T23:59:59Z")
        XCTAssertEqual(W3CDateTime.string(Date(timeIntervalSince1970: 951_825_600), timeZone: TimeZone(identifier: "America/St_Johns")!),
                       "2000-02-29T08:30:00-03:30")
        // Shanghai's local mean time was +08:05:43: not expressible, so UTC.
        XCTAssertEqual(W3CDateTime.string(Date(timeIntervalSince1970: -2_208_988_800), timeZone: shanghai), "1900-01-01T00:00:00Z")
    }

    /// Agrees with Foundation's formatter across years, leap days, negative
    /// and fractional-hour offsets.
    func testAgreesWithISO8601DateFormatter() {
        let zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Chatham", "Europe/London"]
            .compactMap(TimeZone.init(identifier:))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var seconds: Int64 = -631_152_000 // 1950-01-01
        while seconds < 4_102_444_800 { // 2100-01-01
            for zone in zones {
                formatter.timeZone = zone
                let date = Date(timeIntervalSince1970: TimeInterval(seconds))
                XCTAssertEqual(W3CDateTime.string(date, timeZone: zone), formatter.string(from: date), "\(seconds) \(zone.identifier)")
            }
            seconds += 7_776_013 // about 90 days, drifting through times of day
        }
    }
}
