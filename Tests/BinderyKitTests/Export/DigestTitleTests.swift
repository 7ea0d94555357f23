import XCTest
@testable import BinderyKit

final class DigestTitleTests: XCTestCase {
    private let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// Noon in Shanghai of a day.
    private func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        CivilCalendar.startOfDay(CivilCalendar.dayNumber(CivilDay(year: y, month: m, day: d)), in: shanghai).addingTimeInterval(43_200)
    }

    private func title(_ a: Date, _ b: Date, _ language: String) -> String {
        DigestTitle.make(range: a...b, language: language, timeZone: shanghai)
    }

    func testWhatAndWhenComeFirst() {
        XCTAssertEqual(title(day(2020, 7, 13), day(2020, 7, 19), "zh"), "新闻周报 · 2020年第29周 · 7月13日–19日")
        XCTAssertEqual(title(day(2020, 7, 13), day(2020, 7, 19), "en"), "News digest · 2020-W29 · 13–19 July")
        XCTAssertEqual(title(day(2020, 7, 27), day(2020, 8, 2), "en"), "News digest · 2020-W31 · 27 July – 2 August")
        XCTAssertEqual(title(day(2020, 7, 27), day(2020, 8, 2), "zh"), "新闻周报 · 2020年第31周 · 7月27日–8月2日")
        XCTAssertEqual(title(day(2020, 7, 1), day(2020, 7, 28), "zh"), "新闻月报 · 2020年7月")
        XCTAssertEqual(title(day(2020, 7, 1), day(2020, 7, 28), "en"), "News digest · July 2020")
        XCTAssertEqual(title(day(2020, 7, 13), day(2020, 7, 13), "zh"), "新闻日报 · 2020年7月13日")
        XCTAssertEqual(title(day(2020, 7, 1), day(2020, 8, 15), "zh"), "新闻摘要 · 2020年7月1日–8月15日")
        XCTAssertEqual(title(day(2020, 7, 1), day(2020, 8, 15), "en"), "News digest · 1 July – 15 August 2020")
        XCTAssertEqual(DigestTitle.make(range: nil, language: "en", timeZone: shanghai), "News digest")
    }

    func testCreatorIsBinderyAndSourcesAreContributors() {
        let file = SourceFile(url: URL(fileURLWithPath: "/a/1.txt"), root: URL(fileURLWithPath: "/a"), displayName: "1.txt")
        let article = Article(origin: file, title: "标题", url: URL(string: "https://www.voachinese.com/a/1.html"), instant: day(2024, 1, 19))
        let digest = Digest(chapters: [Chapter(key: "2024-01-19", start: day(2024, 1, 19), articles: [article])],
                            options: SelectionOptions(timeZone: shanghai))
        let metadata = BookMetadata.make(for: digest, overrides: BookOverrides(series: "Morning"), clock: BuildClock(now: Date(timeIntervalSince1970: 0)))
        XCTAssertEqual(metadata.creators, ["Bindery"])
        XCTAssertEqual(metadata.contributors, ["voachinese.com"])
        XCTAssertTrue(metadata.title.hasPrefix("新闻日报 · 2024年1月19日"), metadata.title)
        XCTAssertEqual(BookDestination.fileName(for: metadata), "morning-2024-W03.epub")
    }
}
