import XCTest
@testable import BinderyKit

final class MarkupStructureRuleTests: XCTestCase {
    func testRenameObsoleteElements() {
        let (out, _) = MarkupTestSupport.applying(
            before: [RenameObsoleteElements()], to: "<center>c</center><p><tt>t</tt><strike>s</strike><acronym>a</acronym></p><section>x</section>")
        XCTAssertEqual(out, "<div>c</div><p><code>t</code><s>s</s><abbr>a</abbr></p><div>x</div>")
    }

    func testDemoteHeadings() {
        let (out, _) = MarkupTestSupport.applying(before: [DemoteHeadings()], to: "<h1>a</h1><h2>b</h2><h4>c</h4>")
        XCTAssertEqual(out, "<h3>a</h3><h3>b</h3><h4>c</h4>")
    }

    func testRepairOrphanedParts() {
        let (out, _) = MarkupTestSupport.applying(
            before: [RepairOrphanedParts()], to: "<div><li>i</li><figcaption>f</figcaption></div><ul><li>ok</li></ul><p><ruby>漢<rt>kan</rt></ruby></p>")
        XCTAssertEqual(out, "<div><div>i</div><div>f</div></div><ul><li>ok</li></ul><p><ruby>漢<rt>kan</rt></ruby></p>")
    }

    func testRepairListsWrapsStrays() {
        let (out, _) = MarkupTestSupport.applying(after: [RepairLists()], to: "<ul> loose <li>a</li>\n<li>b</li></ul>")
        XCTAssertEqual(out, "<ul><li> loose </li><li>a</li><li>b</li></ul>")
    }

    func testRepairListsTurnsBrokenDefinitionListIntoDivs() {
        let (good, _) = MarkupTestSupport.applying(after: [RepairLists()], to: "<dl><dt>t</dt><dd>d</dd></dl>")
        XCTAssertEqual(good, "<dl><dt>t</dt><dd>d</dd></dl>")
        let (broken, _) = MarkupTestSupport.applying(after: [RepairLists()], to: "<dl><dd>d</dd><dt>t</dt></dl>")
        XCTAssertEqual(broken, "<div><div>d</div><div>t</div></div>")
    }

    func testRepairTablesAddsBodyAndMovesStrandedContent() {
        let (out, _) = MarkupTestSupport.applying(
            after: [RepairTables()], to: "<table><caption>c</caption><tr><td>1</td></tr>junk<thead><tr><th>h</th></tr></thead></table>")
        XCTAssertEqual(out, "junk<table><caption>c</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>")
        let (empty, _) = MarkupTestSupport.applying(after: [RepairTables()], to: "<table><caption>Only</caption></table>")
        XCTAssertEqual(empty, "<div>Only</div>")
    }

    func testNormalizeFiguresKeepsOneImageAndCaption() {
        let (out, _) = MarkupTestSupport.applying(
            after: [NormalizeFigures()],
            to: "<figure><a href=x><img src=a></a><img src=b alt=B><figcaption>Cap</figcaption><p>credit</p></figure><figure><figcaption>no image</figcaption></figure>")
        XCTAssertEqual(out, "<figure><img src=\"a\" alt=\"Cap\"/><figcaption>Cap</figcaption></figure><img src=\"b\" alt=\"B\"/><p>credit</p><div>no image</div>")
    }

    func testSplitParagraphsAtDoubleBreaksAndBlocks() {
        let (out, _) = MarkupTestSupport.applying(
            after: [SplitParagraphs()], to: "<p id=k>one<br>line<br /> <br/>two<br><br><br>three<br></p>")
        XCTAssertEqual(out, "<p id=\"k\">one<br/>line</p><p>two</p><p>three</p>")
        let (blocks, _) = MarkupTestSupport.applying(after: [SplitParagraphs()], to: "<p>a<span>b</span></p>")
        XCTAssertEqual(blocks, "<p>a<span>b</span></p>")
    }

    /// `apply` keeps a paragraph untouched (`nil`) without splitting it when
    /// it can tell the split would give it back: on every shape here, that
    /// shortcut must agree with splitting and comparing.
    func testSplitParagraphsLeavesAParagraphAloneExactlyWhenSplittingGivesItBack() {
        let paragraphs = [
            "<p>a</p>", "<p>a<span>b</span></p>", "<p> a</p>", "<p>a </p>", "<p>\na</p>", "<p></p>", "<p> </p>",
            "<p>&nbsp;</p>", "<p>&#8203;</p>", "<p>a&nbsp;</p>", "<p>a<br>b</p>", "<p>a<br> <br>b</p>", "<p><br>a</p>",
            "<p>a<br></p>", "<p><em>a</em></p>", "<p><img src=x></p>", "<p>a<div>b</div>c</p>", "<p><a href=x><div>b</div></a></p>",
            "<p id=i>a<br><br></p>", "<p><span> </span></p>", "<p>a<!--c-->b</p>", "<p><b> a </b></p>",
        ]
        for html in paragraphs {
            guard case .element(var element)? = HTMLParser.parseFragment(html).first else { return XCTFail(html) }
            var context = CleaningContext(article: MarkupTestSupport.article())
            let pieces = SplitParagraphs.split(element.children, into: element)
            let splittingGivesItBack = pieces.count == 1 && pieces[0] == .element(element)
            XCTAssertEqual(SplitParagraphs().apply(to: &element, in: &context) == nil, splittingGivesItBack, html)
        }
    }

    func testHoistBlocksOutOfPhrasing() {
        let (inline, _) = MarkupTestSupport.applying(after: [HoistBlocksOutOfPhrasing()], to: "<div><em>a<div>b</div>c</em></div>")
        XCTAssertEqual(inline, "<div><em>a</em><div>b</div><em>c</em></div>")
        let (heading, _) = MarkupTestSupport.applying(after: [HoistBlocksOutOfPhrasing()], to: "<h3><div>a</div><div>b</div></h3><h3> </h3>")
        XCTAssertEqual(heading, "<h3>a b</h3>")
    }

    func testWrapLooseInlineContent() {
        let (out, _) = MarkupTestSupport.applying(
            body: [WrapLooseInlineContent()], to: "<div>x</div> Lead <b>text</b><br><br>more\n<p>para</p>\n")
        XCTAssertEqual(out, "<div>x</div><p>Lead <b>text</b></p><p>more</p><p>para</p>")
    }

    func testCaptionLeadImage() {
        let (out, _) = MarkupTestSupport.applying(
            body: [CaptionLeadImage()], to: "<img src=a width=\"100%\"><div><small style=\"color: #999;\">Caption</small></div>Lead")
        XCTAssertEqual(out, "<figure><img src=\"a\" width=\"100%\"/><figcaption>Caption</figcaption></figure>Lead")
    }

    func testMakeIDsUniqueAndValid() {
        let (out, _) = MarkupTestSupport.applying(
            body: [MakeIDsUniqueAndValid()],
            to: "<h3 id=\"1\">a</h3><h3 id=\"x y\">b</h3><p id=\"unused\">c</p><a href=\"#1\">1</a><a href=\"#x%20y\">2</a><a href=\"#gone\">3</a>")
        XCTAssertEqual(out, "<h3 id=\"id-1\">a</h3><h3 id=\"x-y\">b</h3><p>c</p><a href=\"#id-1\">1</a><a href=\"#x-y\">2</a>3")
        let (dupes, _) = MarkupTestSupport.applying(
            body: [MakeIDsUniqueAndValid()], to: "<p id=\"a-b\">1</p><p id=\"a b\">2</p><a href=\"#a-b\">x</a><a href=\"#a%20b\">y</a>")
        XCTAssertEqual(dupes, "<p id=\"a-b\">1</p><p id=\"a-b-2\">2</p><a href=\"#a-b\">x</a><a href=\"#a-b-2\">y</a>")
    }

    func testDropAdjacentDuplicateImages() {
        let (out, _) = MarkupTestSupport.applying(after: [DropAdjacentDuplicateImages()], to: "<p><img src=a> <img src=a><img src=b>t<img src=b></p>")
        XCTAssertEqual(out, "<p><img src=\"a\"/> <img src=\"b\"/>t<img src=\"b\"/></p>")
    }
}
