@testable import BinderyKit
import XCTest

/// Defects found on real archives (issue 10), each with a fixture of the
/// same shape.
final class ArchiveRealDefectTests: XCTestCase {
    // MARK: An epoch line that is no usable epoch

    func testCommentThatIsNoEpochIsPassedOverWithAWarning() throws {
        let scan = try ArchiveFixtures.scanOne("<!--notanumber-->\n[A title](https://www.example.com/a.html)\n------\n\n<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>Text.</p>")
        let article = try XCTUnwrap(scan.articles.first, "the article is kept")
        XCTAssertEqual(article.title, "A title")
        XCTAssertEqual(article.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"), "the date comes from the date line")
        XCTAssertEqual(scan.diagnostics.map(\.message), [
            "the first line <!--notanumber--> is not a usable epoch (milliseconds since 1970); ignored, the date comes from the article's date line",
        ])
    }

    func testNegativeEpochIsADateBefore1970SaidToLookImplausible() throws {
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(epoch: -86_400_000, dateLine: ""))
        let article = try XCTUnwrap(scan.articles.first)
        XCTAssertEqual(article.instant, Date(timeIntervalSince1970: -86_400))
        XCTAssertEqual(scan.diagnostics.map(\.message), ["dated 1969-12-31, which looks implausible (before 1990); the date is used as written"])
    }

    func testFarFutureInstantIsSaidToLookImplausible() throws {
        let reader = ArchiveReader(now: ArchiveFixtures.utc("2024-02-01T00:00:00Z"))
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(epoch: 4_102_444_800_000, dateLine: ""), reader: reader)
        XCTAssertEqual(scan.articles.first?.instant, ArchiveFixtures.utc("2100-01-01T00:00:00Z"))
        XCTAssertEqual(scan.diagnostics.map(\.message), ["dated 2100-01-01, which looks implausible (in the future); the date is used as written"])
    }

    // MARK: A stray `%` in the article's URL

    func testStrayPercentIsEscapedAloneAndValidEscapesStay() throws {
        let url = "https://www.dw.com/zh/%E5%BE%B7%E5%9B%BD80%%20%E5%B9%B4/a-54245640"
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(url: url))
        XCTAssertEqual(scan.articles.first?.url?.absoluteString, "https://www.dw.com/zh/%E5%BE%B7%E5%9B%BD80%25%20%E5%B9%B4/a-54245640")
    }

    // MARK: An invalid host

    func testHostPaddedWithEncodedSpaceIsMended() throws {
        let scan = try ArchiveFixtures.scanOne(ArchiveFixtures.article(url: "http://www.nytimes.com%20/2020/06/01/world/x.html"))
        XCTAssertEqual(scan.articles.first?.url?.absoluteString, "http://www.nytimes.com/2020/06/01/world/x.html")
    }

    // MARK: Same URL, same instant

    func testAtTheSameInstantTheFullerCopyWins() throws {
        let folder = try ArchiveFixtureFolder()
        let full = "<p>" + String(repeating: "The harbour reopened after the storm. ", count: 100) + "</p>"
        try folder.write("b_stub.txt", ArchiveFixtures.article(title: "Stub", body: "<p>Loading…</p>"))
        try folder.write("a_full.txt", ArchiveFixtures.article(title: "Full", body: full))
        let scan = ArchiveReader().scan([folder.url])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(scan.articles)
        XCTAssertEqual(digest.articles.map(\.title), ["Full"])
    }
}

final class MarkupRealDefectTests: XCTestCase {
    private func body(_ html: String) -> [Block] {
        ArticleCleaner().clean(MarkupTestSupport.article(), html: html).0.body
    }

    // MARK: Deep nesting

    func testTextInsideAndAfterThousandsOfNestedDivsSurvivesInEveryFormat() throws {
        let html = "<p>before</p>" + String(repeating: "<div>", count: 3000) + "deep text" + String(repeating: "</div>", count: 3000)
            + "<p>after one</p><p>after two</p>"
        let blocks = body(html)
        let xhtml = MarkupTestSupport.xhtml(blocks)
        XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: xhtml))
        let markdown = MarkdownRenderer().render(blocks)
        let text = PlainTextRenderer(wrapper: LineWrapper(width: 72), links: PlainTextLinks()).render(blocks).joined(separator: "\n")
        for output in [xhtml, markdown, text] {
            for piece in ["before", "deep text", "after one", "after two"] {
                XCTAssertTrue(output.contains(piece), "\(piece) lost in:\n\(output.prefix(300))")
            }
        }
    }

    func testUnclosedInlineSoupDeeperThanLibxml2sLimitKeepsWhatFollows() {
        let html = "<p>start</p>" + String(repeating: "<b>", count: 5000) + "bold soup<p>tail para</p>"
        XCTAssertEqual(body(html).inlineLine.plainText.collapsingWhitespace(), "start bold soup tail para")
    }

    // MARK: Content after the document's end

    func testParagraphsAfterTheBodyAndDocumentEndTagsSurviveInEveryFormat() {
        // A page saved whole, then a footer or a second part appended after `</html>`.
        let blocks = body("<p>first part</p></body>\n</html>\n<p>appended part</p><div>and a footer</div>")
        let xhtml = MarkupTestSupport.xhtml(blocks)
        XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: xhtml))
        let markdown = MarkdownRenderer().render(blocks)
        let text = PlainTextRenderer(wrapper: LineWrapper(width: 72), links: PlainTextLinks()).render(blocks).joined(separator: "\n")
        for output in [xhtml, markdown, text] {
            for piece in ["first part", "appended part", "and a footer"] {
                XCTAssertTrue(output.contains(piece), "\(piece) lost in:\n\(output.prefix(300))")
            }
        }
    }

    // MARK: Links whose host cannot be parsed

    func testBodyLinkHostIsMendedOrTheLinkGoesAndItsTextStays() {
        XCTAssertEqual(body("<p><a href=\"http://www.nytimes.com%20/2020/x.html\">NYT</a> and <a href=\"http://exa mple.com/\">broken</a></p>"), [
            .paragraph([.link(href: "http://www.nytimes.com/2020/x.html", [.text("NYT")]), .text(" and "), .text("broken")]),
        ])
    }

    func testBodyLinkStrayPercentIsEscapedAlone() {
        XCTAssertEqual(body("<p><a href=\"https://www.dw.com/zh/x80%%20y/a-1\">DW</a></p>"),
                       [.paragraph([.link(href: "https://www.dw.com/zh/x80%25%20y/a-1", [.text("DW")])])])
    }
}
