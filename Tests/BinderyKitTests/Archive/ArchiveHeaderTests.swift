@testable import BinderyKit
import XCTest

final class ArchiveHeaderTests: XCTestCase {
    private func only(_ content: String, file: StaticString = #filePath, line: UInt = #line) throws -> Article {
        let scan = try ArchiveFixtures.scanOne(content)
        XCTAssertEqual(scan.diagnostics, [], file: file, line: line)
        return try XCTUnwrap(scan.articles.first, file: file, line: line)
    }

    func testCommonLayout() throws {
        let article = try only(ArchiveFixtures.article())
        XCTAssertEqual(article.title, "A title")
        XCTAssertEqual(article.url?.absoluteString, "https://www.example.com/a.html")
        XCTAssertEqual(article.instant, Date(timeIntervalSince1970: 1_705_700_343))
        XCTAssertEqual(article.source, "example.com")
        XCTAssertEqual(article.origin.displayName, "Archive/001_abc.txt")
        XCTAssertEqual(article.origin.root.lastPathComponent, "Archive")
    }

    func testEpochLineWinsOverDateLine() throws {
        let article = try only(ArchiveFixtures.article(epoch: 1_700_000_000_000))
        XCTAssertEqual(article.instant, Date(timeIntervalSince1970: 1_700_000_000))
    }

    func testHeaderDateLineWithoutEpoch() throws {
        let text = "[标题](https://www.example.com/x)\n------\n日期：Sat, 20 Jan 2024 08:00:00 +0800\n\n<p>正文</p>"
        let article = try only(text)
        XCTAssertEqual(article.instant, ArchiveFixtures.utc("2024-01-20T00:00:00Z"))
    }

    func testNestedBracketsInTitle() throws {
        let article = try only(ArchiveFixtures.article(title: "[视频]拜登[更新]讲话"))
        XCTAssertEqual(article.title, "[视频]拜登[更新]讲话")
    }

    func testUnbalancedBracketInTitle() throws {
        let article = try only(ArchiveFixtures.article(title: "Markets] rally (again"))
        XCTAssertEqual(article.title, "Markets] rally (again")
        XCTAssertEqual(article.url?.absoluteString, "https://www.example.com/a.html")
    }

    func testEntitiesInTitle() throws {
        let article = try only(ArchiveFixtures.article(title: "&quot;Tom &amp; Jerry&quot; &#8212; &#x4E2D;&nbsp;x &bogus;"))
        XCTAssertEqual(article.title, "\"Tom & Jerry\" — 中 x &bogus;")
    }

    func testEntitiesAreDecodedOnlyOnce() throws {
        XCTAssertEqual(try only(ArchiveFixtures.article(title: "Use &amp;lt;b&amp;gt; tags")).title, "Use &lt;b&gt; tags")
    }

    func testTitleSpanningLinesWithBlankLine() throws {
        let text = "<!--1705700343000-->\n[First part\n\nsecond  part](https://example.com/p)\n======\n\n<p>x</p>"
        let article = try only(text)
        XCTAssertEqual(article.title, "First part second part")
        XCTAssertEqual(article.url?.absoluteString, "https://example.com/p")
    }

    func testURLWithParentheses() throws {
        let article = try only(ArchiveFixtures.article(url: "https://en.example.org/wiki/Foo_(bar)"))
        XCTAssertEqual(article.url?.absoluteString, "https://en.example.org/wiki/Foo_(bar)")
    }

    func testURLWithDoubledSlashAndHTTP() throws {
        let article = try only(ArchiveFixtures.article(url: "http://www.example.com//news/1.html"))
        XCTAssertEqual(article.url?.absoluteString, "http://www.example.com/news/1.html")
    }

    func testURLEntityDecoded() throws {
        let article = try only(ArchiveFixtures.article(url: "https://example.com/a?x=1&amp;y=2"))
        XCTAssertEqual(article.url?.absoluteString, "https://example.com/a?x=1&y=2")
    }

    func testUnderlineOfEqualsOrAnyLength() throws {
        let text = "[T](https://example.com/t)\n=\n\n<div><i>2024-01-19T10:00:00Z</i></div><p>x</p>"
        XCTAssertEqual(try only(text).instant, ArchiveFixtures.utc("2024-01-19T10:00:00Z"))
    }

    func testHeaderWithoutUnderline() throws {
        let text = "[T](https://example.com/t)\n\n<div><i>2024-01-19T10:00:00Z</i></div><p>x</p>"
        XCTAssertEqual(try only(text).title, "T")
    }

    func testJekyllPost() throws {
        let text = """
        ---
        layout: post
        title: "Jekyll \\"quoted\\" title"
        date: 2024-01-18 09:30:00 +0800
        link: https://www.example.com/jekyll.html
        ---

        [Jekyll "quoted" title](https://www.example.com/jekyll.html)
        ------

        <div><div><i>Thu, 18 Jan 2024 01:30:00 GMT</i></div><p>Body</p></div>
        """
        let article = try only(text)
        XCTAssertEqual(article.title, "Jekyll \"quoted\" title")
        XCTAssertEqual(article.url?.absoluteString, "https://www.example.com/jekyll.html")
        XCTAssertEqual(article.instant, ArchiveFixtures.utc("2024-01-18T01:30:00Z"))
    }

    func testJekyllPostWithoutLinkLineUsesBodyDate() throws {
        let text = "---\ntitle: Only front matter\nlink: https://example.com/j\n---\n<div><div><i>AUTHOR<br>2024-01-18T01:30:00Z</i></div><p>Body</p></div>\n"
        let article = try only(text)
        XCTAssertEqual(article.title, "Only front matter")
        XCTAssertEqual(article.author, "AUTHOR")
        XCTAssertEqual(article.instant, ArchiveFixtures.utc("2024-01-18T01:30:00Z"))
    }

    func testEmptyTitleFallsBackToFileName() throws {
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(title: " "), name: "007_x.txt")
        XCTAssertEqual(scan.articles.first?.title, "007_x")
        XCTAssertEqual(scan.diagnostics.count, 1)
    }

    func testSplitReadsFromTheEnd() {
        let block = Array("[a](b) c](https://x.org/(y))".utf8)[...]
        let parts = TitleLink.split(block)
        XCTAssertEqual(parts.map { String(decoding: $0.title, as: UTF8.self) }, "a](b) c")
        XCTAssertEqual(parts.map { String(decoding: $0.url, as: UTF8.self) }, "https://x.org/(y)")
    }

    func testEpochInSecondsIsAccepted() {
        XCTAssertEqual(ArticleHeader.epochMilliseconds(Array("<!--1705700343-->".utf8)[...]), 1_705_700_343)
        XCTAssertEqual(ArticleHeader.epochMilliseconds(Array("<!-- 1705700343000 -->".utf8)[...]), 1_705_700_343)
        XCTAssertNil(ArticleHeader.epochMilliseconds(Array("<!--abc-->".utf8)[...]))
    }
}
