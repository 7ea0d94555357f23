import XCTest
@testable import BinderyKit

/// Summaries, page languages and the source sections of chapter pages.
final class EPUBReadingPiecesTests: XCTestCase {
    func testSummaryIsTheLeadSentenceCutAtAClause() {
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text("第一句话。第二句话。")])]), "第一句话。")
        let long = String(repeating: "很长的句子", count: 8) + "，" + String(repeating: "还有更多内容", count: 8) + "。"
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text(long)])]), String(repeating: "很长的句子", count: 8) + "…")
        let english = "The minister said on Friday that the talks, which began in March and ran for weeks, "
            + "would resume after the holiday once both delegations had consulted their governments at home."
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text(english)])]),
                       "The minister said on Friday that the talks, which began in March and ran for weeks…")
        XCTAssertNil(ArticleSummary.of([.figure(Figure(pictures: [], caption: [.text("Caption only.")]))]))
    }

    private func cleaned(_ title: String, _ text: String) -> CleanedArticle {
        let file = SourceFile(url: URL(fileURLWithPath: "/a/x.txt"), root: URL(fileURLWithPath: "/a"), displayName: "x.txt")
        return CleanedArticle(article: Article(origin: file, title: title, url: nil, instant: nil), body: [.paragraph([.text(text)])])
    }

    func testPageLanguageMarksOnlyArticlesInTheOtherLanguage() {
        let english = cleaned("Talks resume in Geneva", "Negotiators from both sides met on Friday in Geneva.")
        let chinese = cleaned("日内瓦会谈恢复", "双方谈判代表周五在日内瓦会面（Geneva）。")
        XCTAssertEqual(PageLanguage.of(english, bookLanguage: "zh"), "en")
        XCTAssertEqual(PageLanguage.of(english, bookLanguage: "zh-Hant"), "en")
        XCTAssertNil(PageLanguage.of(chinese, bookLanguage: "zh"))
        XCTAssertEqual(PageLanguage.of(chinese, bookLanguage: "en"), "zh")
        XCTAssertNil(PageLanguage.of(english, bookLanguage: "de"), "the detector knows zh and en only")
    }

    func testLargeChaptersAreSplitBySourceAndReadingOrderFollows() {
        let hosts = ["a.example", "b.example", "b.example", "a.example", "b.example", "c.example"]
        let articles = hosts.enumerated().map { index, host -> Article in
            let file = SourceFile(url: URL(fileURLWithPath: "/a/\(index).txt"), root: URL(fileURLWithPath: "/a"), displayName: "\(index).txt")
            return Article(origin: file, title: "T\(index)", url: URL(string: "https://\(host)/\(index)"), instant: Date(timeIntervalSince1970: Double(index)))
        }
        let digest = Digest(chapters: [Chapter(key: "k", start: Date(timeIntervalSince1970: 0), articles: articles)], options: SelectionOptions())
        let split = BookPlan(digest: digest, layout: BookLayout(sections: .source, sectionThreshold: 6), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertEqual(split.chapters[0].sections.map(\.title), ["b.example", "a.example", "c.example"])
        // Reading order: b's articles (1, 2, 4), then a's (0, 3), then c's (5).
        XCTAssertEqual((0..<6).map { split.entry(chapter: 0, index: $0)! }, [3, 0, 1, 4, 2, 5])
        XCTAssertEqual(ArticleNavigation.links(for: 3, in: split, strings: .english).map(\.href), ["a00003.xhtml", "c0001.xhtml#s2", "a00005.xhtml"])
        let small = BookPlan(digest: digest, layout: BookLayout(sections: .source, sectionThreshold: 7), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertFalse(small.chapters[0].isSplit)
        let none = BookPlan(digest: digest, layout: BookLayout(sections: .none, sectionThreshold: 2), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertEqual((0..<6).map { none.entry(chapter: 0, index: $0)! }, Array(0..<6))
    }
}
