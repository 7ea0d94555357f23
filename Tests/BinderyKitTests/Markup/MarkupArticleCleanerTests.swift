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
        let body = XHTMLSerializer.serialize(cleaned.body)
        print(body)
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
            let body = MarkupTestSupport.withLocalImages(cleaner.clean(article, html: html).0.body)
            bodies.append((name, XHTMLSerializer.serialize(body)))
        }
        add("reference", try MarkupTestSupport.referenceBody())
        add("tag soup", MarkupTagSoupFixture.html)
        add("blocks in phrasing", "<h2><div>a</div><p>b</p></h2><pre><div>c</div></pre><em><ul><li>d</li></ul></em><a href=\"https://x.example\"><div>linked block</div></a><p><a href=\"https://x.example\"><div>in p</div></a></p>")
        add("orphans", "<li>lone item</li><td>lone cell</td><tr><td>row</td></tr><figcaption>cap</figcaption><dd>def</dd><rt>ruby</rt><caption>c</caption>")
        add("empty table", "<table><caption>Only caption</caption></table><table></table><dl><div><dt>t</dt><dd>d</dd></div>x</dl>")
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
