import XCTest
@testable import BinderyKit

/// The generic rules that need no site knowledge, each on a small fixture
/// in the shape FORMAT.md ("Site boilerplate seen in real archives") shows.
final class MarkupBoilerplateRuleTests: XCTestCase {
    typealias S = SiteRulesTestSupport
    /// No site rule covers this host: only generic rules apply.
    static let blog = "https://blog.example.net/2024/01/harbour/"

    private func tree(_ html: String, url: String = blog) -> String { S.tree(html, url: url) }
    private func clean(_ html: String, url: String = blog) -> CleanedArticle { S.clean(html, url: url) }

    static let betterFeedFooter = """
        <hr/><p><small>© Harbour desk for <a href="https://blog.example.net">Harbour Notes</a>, get_post_time('Y'). \
        |<a href="https://blog.example.net/2024/01/harbour/">Permalink</a> \
        |<a href="https://blog.example.net/2024/01/harbour/#comments">No comment</a> \
        |Add to<a href="http://del.icio.us/post?url=https://blog.example.net/2024/01/harbour/">del.icio.us</a><br/>\
        Post tags: <a href="https://blog.example.net/tag/harbour/" rel="tag">harbour</a>, \
        <a href="https://blog.example.net/tag/port-alder/" rel="tag">Port Alder</a></small></p>\
        <p><small>Feed enhanced by <a href="http://planetozh.com/blog/my-projects/wordpress-hack-better-feed/">Better Feed</a> \
        from <a href="http://planetozh.com/blog/">Ozh</a></small></p>
        """

    func testDropFeedPluginFooterTakesTheBetterFeedLinesAndTheRuleBefore() {
        let cleaned = clean("<p>The harbour reopened.</p>" + Self.betterFeedFooter)
        XCTAssertEqual(cleaned.body, [.paragraph([.text("The harbour reopened.")])])
        XCTAssertEqual(cleaned.firedRules["DropFeedPluginFooter"], 3, "three lines: © …, Post tags, Feed enhanced by")
        XCTAssertEqual(cleaned.removed.map(\.text), [
            "Feed enhanced by Better Feed from Ozh",
            "Post tags: harbour, Port Alder",
            "© Harbour desk for Harbour Notes, get_post_time('Y'). |Permalink |No comment |Add todel.icio.us",
        ])
    }

    func testCollectRelTagsKeepsTheTagsOfADroppedFooter() {
        let cleaned = clean("<p>The harbour reopened.</p>" + Self.betterFeedFooter)
        XCTAssertEqual(cleaned.tags, ["harbour", "Port Alder"])
        XCTAssertEqual(cleaned.firedRules["CollectRelTags"], 2)
        // rel-tag links in the text stay where they are.
        let inline = clean(#"<p>More on <a href="https://blog.example.net/tag/ferry/" rel="tag">ferries</a>.</p>"#)
        XCTAssertEqual(inline.tags, ["ferries"])
        XCTAssertEqual(inline.body, [.paragraph([.text("More on "), .link(href: "https://blog.example.net/tag/ferry/", [.text("ferries")]), .text(".")])])
    }

    func testDropFeedPluginFooterLeavesLinesThatOnlyLookAlike() {
        let html = """
            <p>© 2024 Harbour Society: permalink to our archive is below.</p>\
            <p>Post tags: remember to label your crates.</p>\
            <p>Feed enhanced by the new mill from the north.</p>
            """
        XCTAssertEqual(clean(html).body.count, 3)
        XCTAssertTrue(clean(html).removed.isEmpty)
    }

    func testDropAppearedFirstOn() {
        let html = """
            <p>The lights shone again on Monday.</p><p>The post <a href="https://blog.example.net/2024/01/harbour/">Harbour lights \
            return</a> appeared first on <a href="https://blog.example.net">Harbour Notes</a>.</p>
            """
        let cleaned = clean(html)
        XCTAssertEqual(cleaned.body, [.paragraph([.text("The lights shone again on Monday.")])])
        XCTAssertEqual(cleaned.removed, [RemovedText(rule: "DropAppearedFirstOn",
                                                     text: "The post Harbour lights return appeared first on Harbour Notes.")])
        let chinese = """
            <p>正文。</p><p><a href="https://blog.example.net/a/">青湾灯会</a>最先出现在<a href="https://blog.example.net">港湾笔记</a>。</p>
            """
        XCTAssertEqual(clean(chinese).body, [.paragraph([.text("正文。")])])
        // Not the last line, or without links: the article's own words.
        XCTAssertEqual(clean("<p>The post office appeared first on the list of closures.</p>").body.count, 1)
        XCTAssertEqual(clean(#"<p>The post <a href="https://x.example/">A</a> appeared first on B.</p><p>More.</p>"#).body.count, 2)
    }

    func testDropShareLinkRowsAtEitherEnd() {
        let row = """
            <p>Share: <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fblog.example.net%2F">Facebook</a> | \
            <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.example.net%2F">Twitter</a> | \
            <a href="mailto:?subject=Harbour">Email</a> | <a href="http://service.weibo.com/share/share.php?url=x">分享到微博</a></p>
            """
        let cleaned = clean(row + "<p>The harbour reopened.</p>" + row)
        XCTAssertEqual(cleaned.body, [.paragraph([.text("The harbour reopened.")])])
        XCTAssertEqual(cleaned.firedRules["DropShareLinkRows"], 2)
        // A row with one link to the article itself, or with prose, stays.
        let mixed = #"<p>Text.</p><p>Share on <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> or read <a href="https://blog.example.net/more">more</a></p>"#
        XCTAssertEqual(clean(mixed).body.count, 2)
        let prose = #"<p>Text.</p><p>The council said residents who want to help can <a href="https://twitter.com/intent/tweet?text=x">tweet their support</a> before Friday's meeting.</p>"#
        XCTAssertEqual(clean(prose).body.count, 2)
    }

    func testLabelScreenReaderTextMakesCreditAndCaptionStructure() {
        let html = """
            <figure class="media-landscape has-caption full-width"><span class="image-and-copyright-container">\
            <img alt="" src="https://ichef.example/ferry.jpg" width="976" height="549">\
            <span class="off-screen">图片版权</span><span class="story-image-copyright">Getty Images</span></span>\
            <figcaption class="media-caption"><span class="off-screen">Image caption</span>\
            <span class="media-caption__text">渡口的候船室周三重新开放。</span></figcaption></figure><p>正文。</p>
            """
        let cleaned = clean(html)
        guard case .figure(let figure)? = cleaned.body.first else { return XCTFail("\(cleaned.body)") }
        XCTAssertEqual(figure.pictures.map(\.source), ["https://ichef.example/ferry.jpg"])
        XCTAssertEqual(figure.caption.plainText, "渡口的候船室周三重新开放。")
        XCTAssertEqual(figure.credit.plainText, "Getty Images")
        XCTAssertEqual(figure.captionWithCredit.plainText, "渡口的候船室周三重新开放。（Getty Images）")
        XCTAssertEqual(cleaned.removed.map(\.text), ["图片版权", "Image caption"])
        XCTAssertEqual(cleaned.firedRules["LabelScreenReaderText"], 2)
    }

    func testLabelScreenReaderTextWithLabelledCaptionAndCreditClasses() {
        // A label before a caption-classed element outside figcaption; a credit class inside the caption.
        let html = """
            <figure><img src="https://x.example/a.jpg"><span class="sr-only">Caption:</span>\
            <div class="wp-caption-text">Boats in the inner basin.</div></figure>\
            <figure><img src="https://x.example/b.jpg"><figcaption>Nets drying. <span class="image-credit">Photo: Lin Yu</span></figcaption></figure>
            """
        let body = clean(html).body
        guard body.count == 2, case .figure(let first) = body[0], case .figure(let second) = body[1] else { return XCTFail("\(body)") }
        XCTAssertEqual(first.caption.plainText, "Boats in the inner basin.")
        XCTAssertEqual(first.credit, [])
        XCTAssertEqual(second.caption.plainText.trimmingCharacters(in: .whitespaces), "Nets drying.")
        XCTAssertEqual(second.credit.plainText, "Photo: Lin Yu")
    }

    func testHiddenTextOutsideFiguresStays() {
        let html = #"<p><span class="visually-hidden">Listen:</span> The harbour master spoke on Monday.</p>"#
        guard case .paragraph(let run)? = clean(html).body.first else { return XCTFail() }
        XCTAssertEqual(run.plainText, "Listen: The harbour master spoke on Monday.")
    }

    /// Found by fuzzing: an unclosed hidden label swallowed the text after
    /// it, and the rule took all of it out as a label.
    func testHiddenTextLongerThanALabelStays() {
        let html = #"<figure><img src="a.png" alt=""><span class="screen-reader-text">Photo credit: The harbour office reopened on Monday after the storm.</span><figcaption>Pier 3</figcaption></figure>"#
        let cleaned = clean(html)
        XCTAssertTrue(cleaned.body.inlineLine.plainText.contains("The harbour office reopened on Monday after the storm."), "\(cleaned.body)")
        XCTAssertTrue(cleaned.removed.isEmpty, "\(cleaned.removed)")
    }

    func testLinesInsideNestedInlineElementsAndWrappers() {
        // The footer inside a Jekyll post's wrapping div, its lines split inside <small>.
        let html = "<div><p>Text of the post.</p>" + Self.betterFeedFooter + "</div>"
        XCTAssertEqual(tree(html), "<div><p>Text of the post.</p></div>")
        // A line that is not footer in the same <small> keeps its place.
        let kept = #"<p><small>Corrected on 9 January.<br/>Post tags: <a href="https://x.example/t" rel="tag">t</a></small></p>"#
        XCTAssertEqual(tree("<p>Text.</p>" + kept), "<p>Text.</p><p><small>Corrected on 9 January.</small></p>")
    }

    func testNoRuleFiresOnOrdinaryArticles() throws {
        for article in try ExportSamplesFixture.cleanedArticles() where !article.article.origin.displayName.contains("025_") {
            XCTAssertEqual(article.cleaned.removed, [], article.article.origin.displayName)
            XCTAssertEqual(article.cleaned.credits, [], article.article.origin.displayName)
        }
    }
}
