import XCTest
@testable import BinderyKit

final class MarkupArticleCleanerTests: XCTestCase {
    private func cleanFixture() -> (CleanedArticle, [Diagnostic]) {
        ArticleCleaner().clean(MarkupTestSupport.article(url: MarkupTagSoupFixture.articleURL), html: MarkupTagSoupFixture.html)
    }

    func testTagSoupKeepsEveryVisibleCharacter() {
        let (cleaned, _) = cleanFixture()
        let expected = String(String.UnicodeScalarView(MarkupTagSoupFixture.visibleText.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "\u{200B}"
        }))
        XCTAssertEqual(MarkupTestSupport.visibleCharacters(cleaned.body), expected)
    }

    func testTagSoupOutputIsWellFormed() {
        let (cleaned, _) = cleanFixture()
        let body = MarkupTestSupport.xhtml(cleaned.body)
        XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: body))
    }
}

final class MarkupEpubcheckTests: XCTestCase {
    /// One epubcheck run over the reference article, the tag-soup fixture and
    /// a few hard cases: 0 errors, 0 warnings.
    func testCleanedBodiesPassEpubcheck() throws {
        let cleaner = ArticleCleaner()
        let article = MarkupTestSupport.article()
        var bodies: [(name: String, body: String)] = []
        func add(_ name: String, _ html: String) {
            bodies.append((name, MarkupTestSupport.xhtml(cleaner.clean(article, html: html).0.body)))
        }
        add("reference", try MarkupTestSupport.referenceBody())
        add("tag soup", MarkupTagSoupFixture.html)
        add("blocks in phrasing", "<h2><div>a</div><p>b</p></h2><pre><div>c</div></pre><em><ul><li>d</li></ul></em><a href=\"https://x.example\"><div>linked block</div></a><p><a href=\"https://x.example\"><div>in p</div></a></p>")
        add("orphans", "<li>lone item</li><td>lone cell</td><tr><td>row</td></tr><figcaption>cap</figcaption><dd>def</dd><rt>ruby</rt><caption>c</caption>")
        add("empty table", "<table><caption>Only caption</caption></table><table></table><dl><div><dt>t</dt><dd>d</dd></div>x</dl>")
        add("mended links", "<p><a href=\"http://www.nytimes.com%20/2020/x.html\">a</a> <a href=\"http://exa mple.com/\">b</a> <a href=\"https://www.dw.com/zh/x80%%20y/a-1\">c</a> <a href=\"http://%20/\">d</a></p>")
        add("ids", "<p id=\"a b\">x</p><p id=\"9\">y</p><p id=\"a:b\">z</p><a href=\"#a%20b\">1</a><a href=\"#9\">2</a><a href=\"#a:b\">3</a><a href=\"#a%20b\">4</a>")
        for (name, body) in bodies {
            XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: body), name)
        }
        let report = try MarkupEpubcheck.check(bodies)
        XCTAssertEqual(report.errors, 0, report.output)
        XCTAssertEqual(report.warnings, 0, report.output)
        if report.errors + report.warnings > 0 {
            for (index, entry) in bodies.enumerated() { print("doc\(index) \(entry.name): \(entry.body.prefix(3000))") }
        }
    }
}

final class MarkupReferenceArticleTests: XCTestCase {
    func testReferenceArticleBecomesFigureAndParagraphs() throws {
        let html = try MarkupTestSupport.referenceBody()
        let (cleaned, diagnostics) = ArticleCleaner().clean(MarkupTestSupport.article(), html: html)
        XCTAssertEqual(diagnostics, [])
        guard case .figure(let figure) = cleaned.body.first else { return XCTFail("the body starts with a figure") }
        XCTAssertTrue(cleaned.body.dropFirst().allSatisfy { if case .paragraph = $0 { return true } else { return false } })
        XCTAssertFalse(cleaned.body.inlineLine.plainText.contains("GMT"), "the date line is removed")

        XCTAssertEqual(figure.pictures, [Picture(
            source: "https://images.weserv.nl?url=gdb.voanews.com/01000000-c0a8-0242-e03c-08dc191d9ecc_r1_s_w900.jpg",
            alt: figure.caption.plainText)])
        XCTAssertFalse(figure.caption.isEmpty)
        XCTAssertEqual([cleaned.body[1]].inlineLine.plainText, "伊斯兰堡 —\u{00A0}")
        // Each `<br /><br />` of the single source paragraph is a paragraph break.
        let breaks = html.components(separatedBy: "<br /><br />").count - 1
        XCTAssertEqual(cleaned.body.count, 2 + breaks + 1)
    }

    func testTwitterEmbedKeepsTextAndLinks() {
        let html = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Hello <a href=\"https://t.co/x\">t.co/x</a></p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">Jan 1</a></blockquote><script src=\"https://platform.twitter.com/widgets.js\"></script>"
        XCTAssertEqual(MarkupTestSupport.clean(html),
            "<blockquote><p lang=\"en\" dir=\"ltr\">Hello <a href=\"https://t.co/x\">t.co/x</a></p>— A (@a) <a href=\"https://twitter.com/a/status/1\">Jan 1</a></blockquote>")
    }

    func testEmptyResultIsReported() {
        let (cleaned, diagnostics) = ArticleCleaner().clean(MarkupTestSupport.article(), html: "<script>only()</script>")
        XCTAssertEqual(cleaned.body, [])
        XCTAssertEqual(diagnostics.map(\.file), ["001_test.txt"])
        XCTAssertEqual(ArticleCleaner().clean(MarkupTestSupport.article(), html: " \n").1, [])
    }

    func testSpacerParagraphsAndItalicStandfirstAreHandled() {
        XCTAssertEqual(MarkupTestSupport.clean("<div><i>An italic standfirst</i></div><p>&nbsp;</p><p>Body</p>"),
            "<div><i>An italic standfirst</i></div><p>Body</p>")
    }
}
