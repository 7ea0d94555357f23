import XCTest
@testable import BinderyKit

final class ChapterGroupingTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    /// `counts[i]` articles on day i (2024-01-08 + i), one every hour from 09:00.
    private func articles(_ counts: [Int]) -> [Article] {
        var out: [Article] = []
        for (day, count) in counts.enumerated() {
            for n in 0..<count {
                let name = "d\(day)-\(n).txt"
                let file = SourceFile(url: URL(fileURLWithPath: "/a/" + name), root: URL(fileURLWithPath: "/a"), displayName: name)
                out.append(Article(origin: file, title: name, url: URL(string: "https://example.com/\(name)"),
                                   instant: Date(timeIntervalSince1970: 1_704_704_400 + Double(day * 86_400 + n * 3600))))
            }
        }
        return out
    }

    private func build(_ counts: [Int]) -> Digest {
        DigestBuilder(options: SelectionOptions(timeZone: utc, grouping: .auto)).build(articles(counts))
    }

    func testQuietDaysMergeIntoRangesAndBusyDaysStayAlone() {
        let digest = build([1, 2, 3, 9, 1, 1, 7])
        XCTAssertEqual(digest.chapters.map(\.articles.count), [6, 9, 9])
        XCTAssertEqual(digest.chapters.map(\.key), ["2024-01-08_2024-01-10", "2024-01-11", "2024-01-12_2024-01-14"])
        XCTAssertEqual(DateText.chapterHeading(digest.chapters[0], grouping: .auto, language: "zh", timeZone: utc), "2024年1月8日–10日")
        XCTAssertEqual(DateText.chapterHeading(digest.chapters[0], grouping: .auto, language: "en", timeZone: utc), "8–10 January 2024")
        XCTAssertEqual(DateText.chapterHeading(digest.chapters[1], grouping: .auto, language: "en", timeZone: utc), "Thursday, 11 January 2024")
    }

    /// 94 articles over 43 days, as in the issue: no chapter of one article.
    func testSparseArchiveHasNoSingleArticleChapter() {
        let counts = (0..<43).map { [1, 4, 2, 1, 3, 0, 2][$0 % 7] }
        let digest = build(counts)
        XCTAssertEqual(digest.articleCount, counts.reduce(0, +))
        XCTAssertTrue(digest.chapters.allSatisfy { $0.articles.count >= ChapterGrouping.minimumArticles }, "\(digest.chapters.map(\.articles.count))")
        XCTAssertLessThan(digest.chapters.count, 43 / 2)
    }

    func testATrailingQuietDayJoinsTheChapterBefore() {
        XCTAssertEqual(build([8, 1]).chapters.map(\.articles.count), [9])
        XCTAssertEqual(build([1]).chapters.map(\.articles.count), [1], "a single article stays a chapter")
    }

    func testDayGroupingIsUnchanged() {
        let digest = DigestBuilder(options: SelectionOptions(timeZone: utc, grouping: .day)).build(articles([1, 2, 3]))
        XCTAssertEqual(digest.chapters.map(\.articles.count), [1, 2, 3])
    }
}
