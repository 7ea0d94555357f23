import XCTest
@testable import BinderyKit

final class MarkupLinkAndMediaRuleTests: XCTestCase {
    func testSanitizeLinksResolvesAndUnlinks() {
        let (out, _) = MarkupTestSupport.applying(
            before: [SanitizeLinks()],
            to: "<p><a href=\"/a\">1</a><a href=\"//h.example/b\">2</a><a href=\"../c d\">3</a><a href=\"javascript:x()\">4</a><a href=\"VBScript:x\">5</a><a href=\"data:text/html,x\">6</a><a href=\"mailto:a@b.c\">7</a><a href=\"#f\">8</a><a name=\"n\">9</a><a href=\" https://e.example/x \">10</a></p>")
        XCTAssertEqual(out, "<p><a href=\"https://www.example.com/a\">1</a><a href=\"https://h.example/b\">2</a><a href=\"https://www.example.com/news/c%20d\">3</a>456<a href=\"mailto:a@b.c\">7</a><a href=\"#f\">8</a><span id=\"n\">9</span><a href=\"https://e.example/x\">10</a></p>")
    }

    func testSanitizeLinksWithoutArticleURLUnlinksRelativeLinks() {
        let (out, _) = MarkupTestSupport.applying(before: [SanitizeLinks()], to: "<p><a href=\"/a\">1</a><a href=\"//h.example/b\">2</a></p>", url: nil)
        XCTAssertEqual(out, "<p>1<a href=\"https://h.example/b\">2</a></p>")
    }

    func testSanitizeLinksUnwrapsNestedLinks() {
        let nested = Element("a", attributes: [Attribute("href", "https://o.example")], children: [
            .text("out "), .element(Element("a", attributes: [Attribute("href", "https://i.example")], children: [.text("in")])),
        ])
        var context = CleaningContext(article: MarkupTestSupport.article())
        var out: [Node] = [.element(nested)]
        RuleWalker(before: [SanitizeLinks()], after: []).walk(&out, in: &context)
        XCTAssertEqual(XHTMLSerializer.serialize(out), "<a href=\"https://o.example\">out in</a>")
    }

    /// The walker cleans lists in place and builds one anew from the first
    /// replaced element on: siblings before and after a replacement, and
    /// the children of elements that stay, must all come out in order.
    func testRuleWalkerKeepsOrderAroundReplacementsAndCleansChildrenInPlace() {
        var context = CleaningContext(article: MarkupTestSupport.article())
        var nodes = HTMLParser.parseFragment(
            "<p><font>a</font>b</p><center>c<font>d</font></center><script>x</script><p><font>e<font>f</font></font></p>t")
        RuleWalker(before: [DropNonContent(), RenameObsoleteElements(), UnwrapUnknownElements()], after: [SplitParagraphs()])
            .walk(&nodes, in: &context)
        XCTAssertEqual(XHTMLSerializer.serialize(nodes), "<p>ab</p><div>cd</div><p>ef</p>t")
    }

    func testReplaceEmbedsWithLinks() {
        let (out, _) = MarkupTestSupport.applying(
            before: [ReplaceEmbedsWithLinks()],
            to: "<iframe src=\"//www.youtube-nocookie.com/embed/abc_DEF-1?start=3\"></iframe><iframe src=\"https://player.vimeo.com/video/123\"></iframe><iframe src=\"about:blank\"></iframe><video src=\"movie.mp4\" poster=\"https://p.example/p.jpg\">fallback</video><audio><source src=\"https://a.example/x.mp3\"></audio>")
        XCTAssertEqual(out, "<#bindery-embed kind=\"video\" url=\"https://www.youtube.com/watch?v=abc_DEF-1\"></#bindery-embed>"
            + "<#bindery-embed kind=\"video\" url=\"https://vimeo.com/123\"></#bindery-embed>"
            + "<img src=\"https://p.example/p.jpg\" alt=\"\"/><#bindery-embed kind=\"video\" url=\"https://www.example.com/news/2024/movie.mp4\"></#bindery-embed>"
            + "<#bindery-embed kind=\"audio\" url=\"https://a.example/x.mp3\"></#bindery-embed>")
    }

    func testVideoWithoutAnyURLStillSaysSo() {
        let (out, _) = MarkupTestSupport.applying(before: [ReplaceEmbedsWithLinks()], to: "<video></video>", url: nil)
        XCTAssertEqual(out, "<#bindery-embed kind=\"video\"></#bindery-embed>")
        var context = CleaningContext(article: MarkupTestSupport.article(url: nil))
        var placeholder = HTMLParser.parseFragment("<video></video>")
        RuleWalker(before: [ReplaceEmbedsWithLinks()], after: []).walk(&placeholder, in: &context)
        XCTAssertEqual(ContentConverter.blocks(placeholder), [.embed(Embed(kind: .video, url: nil))])
    }

    func testLinkResolverPercentEncodesWhatURLsForbid() {
        XCTAssertEqual(WebURL.percentEncoded("https://x/a b\"中#f#g%zz%41"), "https://x/a%20b%22%E4%B8%AD#f%23g%25zz%41")
        XCTAssertEqual(URIScheme.of("HTTP://x"), "http")
        XCTAssertNil(URIScheme.of("/a:b"))
        XCTAssertNil(URIScheme.of("1http:x"))
    }
}
