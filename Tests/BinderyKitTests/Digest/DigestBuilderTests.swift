@testable import BinderyKit
import XCTest

final class DigestBuilderTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    private func article(_ name: String, _ iso: String?, url: String? = nil) -> Article {
        let file = URL(fileURLWithPath: "/archive/\(name)")
        return Article(origin: SourceFile(url: file, root: URL(fileURLWithPath: "/archive/", isDirectory: true), displayName: "archive/\(name)"),
                       title: name, url: URL(string: url ?? "https://example.com/\(name)"),
                       instant: iso.map { DigestFixtures.utc($0) })
    }

    private func build(_ articles: [Article], _ options: SelectionOptions) -> Digest {
        DigestBuilder(options: options).build(articles)
    }

    private func names(_ digest: Digest) -> [[String]] {
        digest.chapters.map { $0.articles.map(\.title) }
    }

    func testDuplicateURLKeepsNewestCopy() {
        let old = article("old", "2024-01-18T10:00:00Z", url: "https://www.example.com/a")
        let new = article("new", "2024-01-20T10:00:00Z", url: "http://example.com//a")
        let other = article("other", "2024-01-19T10:00:00Z")
        let digest = build([new, other, old], SelectionOptions(timeZone: utc))
        XCTAssertEqual(digest.articles.map(\.title), ["other", "new"])
    }

    func testDuplicateTieIsBrokenByNameAndUndatedCopyLoses() {
        let a = article("a", "2024-01-18T10:00:00Z", url: "https://example.com/x")
        let b = article("b", "2024-01-18T10:00:00Z", url: "https://example.com/x")
        let undated = article("c", nil, url: "https://example.com/x")
        XCTAssertEqual(DigestBuilder.deduplicated([b, undated, a]).kept.map(\.title), ["b"])
        XCTAssertEqual(DigestBuilder.deduplicated([a, b]).duplicates.flatMap(\.dropped).count, 1)
    }

    func testDedupHappensBeforeTheDateFilter() {
        let old = article("old", "2024-01-15T10:00:00Z", url: "https://example.com/a")
        let new = article("new", "2024-01-25T10:00:00Z", url: "https://example.com/a")
        var options = SelectionOptions(timeZone: utc)
        options.until = DateComponents(year: 2024, month: 1, day: 20)
        XCTAssertEqual(build([old, new], options).articleCount, 0)
    }

    func testSinceUntilAreInclusiveLocalDays() {
        let items = [
            article("before", "2024-01-17T23:59:59Z"),
            article("first", "2024-01-18T00:00:00Z"),
            article("last", "2024-01-19T23:59:59Z"),
            article("after", "2024-01-20T00:00:00Z"),
            article("undated", nil),
        ]
        var options = SelectionOptions(timeZone: utc)
        options.since = DateComponents(year: 2024, month: 1, day: 18)
        options.until = DateComponents(year: 2024, month: 1, day: 19)
        XCTAssertEqual(build(items, options).articles.map(\.title), ["first", "last"])
    }

    func testUndatedKeptOnlyWithoutFilter() {
        let items = [article("dated", "2024-01-18T10:00:00Z"), article("undated", nil)]
        let digest = build(items, SelectionOptions(timeZone: utc))
        XCTAssertEqual(digest.chapters.map(\.key), ["2024-01-18", "undated"])
        XCTAssertTrue(digest.chapters.last?.isUndated ?? false)
        XCTAssertEqual(build(items, SelectionOptions(isoWeek: ISOWeek(year: 2024, week: 3), timeZone: utc)).articleCount, 1)
    }

    func testISOWeekFilterIntersectsWithSince() {
        let items = [
            article("sun-before", "2024-01-14T12:00:00Z"),
            article("mon", "2024-01-15T12:00:00Z"),
            article("wed", "2024-01-17T12:00:00Z"),
            article("sun", "2024-01-21T12:00:00Z"),
            article("mon-after", "2024-01-22T12:00:00Z"),
        ]
        XCTAssertEqual(build(items, SelectionOptions(isoWeek: ISOWeek(year: 2024, week: 3), timeZone: utc)).articles.map(\.title),
                       ["mon", "wed", "sun"])
        var options = SelectionOptions(isoWeek: ISOWeek(year: 2024, week: 3), timeZone: utc)
        options.since = DateComponents(year: 2024, month: 1, day: 17)
        XCTAssertEqual(build(items, options).articles.map(\.title), ["wed", "sun"])
    }

    func testISOWeekAcrossTheYearBoundary() {
        // 2020-W53 runs from Monday 28 Dec 2020 to Sunday 3 Jan 2021.
        let items = [article("dec27", "2020-12-27T12:00:00Z"), article("dec28", "2020-12-28T12:00:00Z"),
                     article("jan3", "2021-01-03T12:00:00Z"), article("jan4", "2021-01-04T12:00:00Z")]
        let digest = build(items, SelectionOptions(isoWeek: ISOWeek(year: 2020, week: 53), timeZone: utc, grouping: .week))
        XCTAssertEqual(names(digest), [["dec28", "jan3"]])
        XCTAssertEqual(digest.chapters.map(\.key), ["2020-W53"])
        // 29 Dec 2024 is in 2024-W52; 30 Dec 2024 is in 2025-W01.
        let late = [article("a", "2024-12-29T12:00:00Z"), article("b", "2024-12-30T12:00:00Z")]
        XCTAssertEqual(build(late, SelectionOptions(timeZone: utc, grouping: .week)).chapters.map(\.key), ["2024-W52", "2025-W01"])
    }

    func testGroupingDependsOnTimeZone() {
        let items = [article("late", "2024-01-19T23:30:00Z"), article("early", "2024-01-19T01:00:00Z")]
        let inUTC = build(items, SelectionOptions(timeZone: utc))
        XCTAssertEqual(inUTC.chapters.map(\.key), ["2024-01-19"])
        let inShanghai = build(items, SelectionOptions(timeZone: shanghai))
        XCTAssertEqual(inShanghai.chapters.map(\.key), ["2024-01-19", "2024-01-20"])
        XCTAssertEqual(inShanghai.chapters.first?.start, DigestFixtures.utc("2024-01-18T16:00:00Z"))
        var filtered = SelectionOptions(timeZone: shanghai)
        filtered.since = DateComponents(year: 2024, month: 1, day: 20)
        XCTAssertEqual(build(items, filtered).articles.map(\.title), ["late"])
    }

    func testMonthAndWeekChapters() {
        let items = [article("a", "2024-01-31T12:00:00Z"), article("b", "2024-02-01T12:00:00Z"), article("c", "2024-02-05T12:00:00Z")]
        XCTAssertEqual(build(items, SelectionOptions(timeZone: utc, grouping: .month)).chapters.map(\.key), ["2024-01", "2024-02"])
        let weeks = build(items, SelectionOptions(timeZone: utc, grouping: .week))
        XCTAssertEqual(weeks.chapters.map(\.key), ["2024-W05", "2024-W06"])
        XCTAssertEqual(weeks.chapters.first?.start, DigestFixtures.utc("2024-01-29T00:00:00Z"))
    }

    func testOrderAndNewestFirst() {
        let items = [article("d2-late", "2024-01-20T18:00:00Z"), article("d1", "2024-01-19T08:00:00Z"),
                     article("d2-early", "2024-01-20T06:00:00Z"), article("undated-b", nil, url: "https://example.com/ub"),
                     article("undated-a", nil, url: "https://example.com/ua")]
        XCTAssertEqual(names(build(items, SelectionOptions(timeZone: utc))),
                       [["d1"], ["d2-early", "d2-late"], ["undated-a", "undated-b"]])
        let reversed = build(items, SelectionOptions(timeZone: utc, newestFirst: true))
        XCTAssertEqual(names(reversed), [["d2-late", "d2-early"], ["d1"], ["undated-b", "undated-a"]])
        XCTAssertEqual(reversed.chapters.last?.key, "undated")
    }
}

enum DigestFixtures {
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }
}
