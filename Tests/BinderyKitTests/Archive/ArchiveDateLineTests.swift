@testable import BinderyKit
import XCTest

final class ArchiveDateLineTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let shanghai = TimeZone(secondsFromGMT: 8 * 3600)!

    // MARK: Body date line in a scanned article (no epoch line)

    private func instant(dateLine: String, title: String = "A title", reader: ArchiveReader = ArchiveReader(),
                         file: StaticString = #filePath, line: UInt = #line) throws -> Article? {
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(epoch: nil, title: title, dateLine: dateLine), reader: reader)
        return scan.articles.first
    }

    func testRFC1123DateLine() throws {
        let article = try instant(dateLine: "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>")
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
        XCTAssertNil(article?.author)
    }

    func testAuthorAndISODateLine() throws {
        let article = try instant(dateLine: "<div><i>Jane Doe<br>2024-01-19T21:23:59+01:00</i></div>")
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2024-01-19T20:23:59Z"))
        XCTAssertEqual(article?.author, "Jane Doe")
    }

    func testChineseDateLineIsReadInChinaTimeForAChineseTitle() throws {
        let article = try instant(dateLine: "<div><i>2020年 6月 27日</i></div>", title: "中文标题")
        // A day without time is placed at noon of that day, UTC+8.
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2020-06-27T04:00:00Z"))
    }

    func testZonelessISODateLineFollowsTitleLanguage() throws {
        let chinese = try instant(dateLine: "<div><i>2024-01-19 08:00:00</i></div>", title: "中文")
        XCTAssertEqual(chinese?.instant, ArchiveFixtures.utc("2024-01-19T00:00:00Z"))
        let english = try instant(dateLine: "<div><i>2024-01-19 08:00:00</i></div>", title: "English")
        XCTAssertEqual(english?.instant, ArchiveFixtures.utc("2024-01-19T08:00:00Z"))
    }

    func testZonelessTimeZoneParameter() throws {
        let reader = ArchiveReader(zonelessTimeZone: TimeZone(secondsFromGMT: -5 * 3600)!)
        let article = try instant(dateLine: "<div><i>2024-01-19 08:00</i></div>", title: "中文", reader: reader)
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2024-01-19T13:00:00Z"))
    }

    func testDayMonthYearDateLine() throws {
        let article = try instant(dateLine: "<div>19/01/2024 - 21:23</div>", title: "English")
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2024-01-19T21:23:00Z"))
    }

    func testEmptyDateLineAndNoDateLineAreUndated() throws {
        for dateLine in ["<div></div>", "", "<div>Photo caption</div>"] {
            let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(epoch: nil, dateLine: dateLine))
            XCTAssertEqual(scan.articles.count, 1, dateLine)
            XCTAssertNil(scan.articles.first?.instant, dateLine)
            XCTAssertEqual(scan.diagnostics.count, 1, dateLine)
            XCTAssertTrue(scan.diagnostics.first?.message.hasPrefix("undated") ?? false, dateLine)
        }
    }

    func testDateLineAfterLeadingWhitespace() throws {
        let article = try instant(dateLine: "  \n<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>")
        XCTAssertEqual(article?.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
    }

    // MARK: DateLineParser, the API the cleaner uses

    func testParseText() {
        XCTAssertEqual(DateLineParser.parse("Fri, 19 Jan 2024 21:23:59 GMT")?.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
        let withAuthor = DateLineParser.parse("Jane Doe\n2024-01-19T21:23:59Z")
        XCTAssertEqual(withAuthor?.author, "Jane Doe")
        XCTAssertEqual(withAuthor?.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
        XCTAssertNotNil(DateLineParser.parse(" "))
        XCTAssertNil(DateLineParser.parse(" ")?.instant)
        XCTAssertNil(DateLineParser.parse("Photo: Reuters"))
        XCTAssertNil(DateLineParser.parse("31/02/2024 - 10:00"))
    }

    func testLeadingDateLineLengthCutsExactly() throws {
        let html = "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>Rest</p>"
        let line = try XCTUnwrap(DateLineParser.leadingDateLine(in: html))
        XCTAssertEqual(String(decoding: html.utf8.dropFirst(line.length), as: UTF8.self), "<p>Rest</p>")
        XCTAssertNil(DateLineParser.leadingDateLine(in: "<p>19 Jan 2024</p>"))
        XCTAssertNil(DateLineParser.leadingDateLine(in: "<div><img src=x></div>"))
    }

    // MARK: Written date forms

    private func parsed(_ text: String, zone: TimeZone? = nil) -> Date? {
        WrittenDateParser.parse(text)?.instant(zonelessTimeZone: zone ?? utc)
    }

    func testRFC822Forms() {
        XCTAssertEqual(parsed("19 Jan 2024 21:23 +0800"), ArchiveFixtures.utc("2024-01-19T13:23:00Z"))
        XCTAssertEqual(parsed("Fri, 19 Jan 24 21:23:59 EST"), ArchiveFixtures.utc("2024-01-20T02:23:59Z"))
        XCTAssertEqual(parsed("Friday, 19 January 2024 21:23:59 UT"), ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
        XCTAssertEqual(parsed("Fri, 19 Jan 2024 21:23:59 GMT+08:00"), ArchiveFixtures.utc("2024-01-19T13:23:59Z"))
        XCTAssertNil(parsed("Fri, 32 Jan 2024 21:23:59 GMT"))
    }

    func testISOForms() {
        XCTAssertEqual(parsed("2024-01-19T21:23:59.250Z")?.timeIntervalSince1970, ArchiveFixtures.utc("2024-01-19T21:23:59Z").timeIntervalSince1970 + 0.25)
        XCTAssertEqual(parsed("2024-01-19 21:23:59 +08:00"), ArchiveFixtures.utc("2024-01-19T13:23:59Z"))
        XCTAssertEqual(parsed("2024-01-19T21:23:59+0800"), ArchiveFixtures.utc("2024-01-19T13:23:59Z"))
        XCTAssertEqual(parsed("2024-01-19", zone: shanghai), ArchiveFixtures.utc("2024-01-19T04:00:00Z"))
        XCTAssertNil(parsed("2024-13-01"))
        XCTAssertNil(parsed("2024-01-19 and more"))
    }

    func testChineseForms() {
        XCTAssertEqual(parsed("2020年6月27日 14:30", zone: shanghai), ArchiveFixtures.utc("2020-06-27T06:30:00Z"))
        XCTAssertEqual(parsed("2020年\u{00A0}6月\u{3000}27日", zone: shanghai), ArchiveFixtures.utc("2020-06-27T04:00:00Z"))
        XCTAssertNil(parsed("2020年2月30日"))
    }
}
