import XCTest
@testable import BinderyKit

final class MarkdownRendererTests: XCTestCase {
    typealias N = Node

    func testParagraphsAreSeparatedByBlankLinesAndWhitespaceCollapses() {
        XCTAssertEqual(MD.render(MD.p(MD.t("  one\n  two  ")), MD.p(MD.t("three"))), "one two\n\nthree")
    }

    func testLooseInlineContentBecomesParagraphs() {
        XCTAssertEqual(MD.render(MD.t("lead text "), MD.p(MD.t("para"))), "lead text\n\npara")
    }

    func testHeadingsKeepTheirLevelPlusOffset() {
        XCTAssertEqual(MD.render(MD.el("h2", MD.t("Title"))), "## Title")
        XCTAssertEqual(MarkdownRenderer(headingOffset: 3).render([MD.el("h2", MD.t("Deep"))]), "##### Deep")
        XCTAssertEqual(MarkdownRenderer(headingOffset: 3).render([MD.el("h5", MD.t("Capped"))]), "###### Capped")
    }

    func testHeadingLosesNoTrailingHash() {
        XCTAssertEqual(MD.render(MD.el("h3", MD.t("Learn C #"))), "### Learn C \\#")
        XCTAssertEqual(MD.render(MD.el("h3", MD.t("Learn C#"))), "### Learn C#")
    }

    func testSingleBreakIsBackslashHardBreakAndDoubleBreakSplitsParagraphs() {
        XCTAssertEqual(MD.render(MD.p(MD.t("a"), MD.el("br"), MD.t("b"))), "a\\\nb")
        XCTAssertEqual(MD.render(MD.p(MD.t("a"), MD.el("br"), MD.el("br"), MD.t(" b"))), "a\n\nb")
        XCTAssertEqual(MD.render(MD.p(MD.el("br"), MD.t("a"), MD.el("br"))), "a")
    }

    func testEmphasisAndStrong() {
        XCTAssertEqual(MD.render(MD.p(MD.t("a "), MD.el("em", MD.t("b")), MD.t(" "), MD.el("strong", MD.t("c")))), "a *b* **c**")
        XCTAssertEqual(MD.render(MD.p(MD.el("del", MD.t("gone")))), "~~gone~~")
    }

    func testWhitespaceMovesOutsideDelimiters() {
        XCTAssertEqual(MD.render(MD.p(MD.t("a"), MD.el("strong", MD.t(" b ")), MD.t("c"))), "a **b** c")
    }

    func testEmptyEmphasisDisappears() {
        XCTAssertEqual(MD.render(MD.p(MD.t("a"), MD.el("em", MD.t(" ")), MD.t("b"))), "a b")
    }

    func testIntrawordEmphasisUsesAsterisks() {
        XCTAssertEqual(MD.render(MD.p(MD.t("un"), MD.el("em", MD.t("frigging")), MD.t("believable"))), "un*frigging*believable")
    }

    func testNestedEmphasisTouchingUsesUnderscoreInside() {
        XCTAssertEqual(MD.render(MD.p(MD.el("em", MD.el("strong", MD.t("both"))))), "*__both__*")
    }

    func testTouchingEmphasisOfOneKindMerges() {
        XCTAssertEqual(MD.render(MD.p(MD.el("em", MD.t("a")), MD.el("em", MD.t("b")))), "*ab*")
    }

    func testEmphasisThatCannotFlankFallsBackToHTML() {
        XCTAssertEqual(MD.render(MD.p(MD.el("strong", MD.t("记者：")), MD.t("内容"))), "<strong>记者：</strong>内容")
        XCTAssertEqual(MD.render(MD.p(MD.t("foo"), MD.el("em", MD.t("\"bar\"")), MD.t("baz"))), "foo<em>\"bar\"</em>baz")
    }

    func testLinks() {
        XCTAssertEqual(MD.render(MD.p(MD.a("https://example.com/x", MD.t("text")))), "[text](https://example.com/x)")
        XCTAssertEqual(MD.render(MD.p(MD.a("https://example.com/a b", MD.t("t")))), "[t](<https://example.com/a b>)")
        XCTAssertEqual(MD.render(MD.p(MD.a("https://e.com/a_(b)", MD.t("t")))), "[t](https://e.com/a_(b))")
        XCTAssertEqual(MD.render(MD.p(MD.a("https://e.com/a)b", MD.t("t")))), "[t](<https://e.com/a)b>)")
        XCTAssertEqual(MD.render(MD.p(MD.a("https://e.com/", MD.t("a [b] c")))), "[a \\[b\\] c](https://e.com/)")
    }

    func testAutolinkWhenTextIsURL() {
        XCTAssertEqual(MD.render(MD.p(MD.a("https://example.com/x?a=1", MD.t("https://example.com/x?a=1")))), "<https://example.com/x?a=1>")
    }

    func testBlocksInsideLinksStayApart() {
        XCTAssertEqual(MD.render(MD.a("https://e.com/", MD.p(MD.t("one")), MD.p(MD.t("two")))), "[one two](https://e.com/)")
    }

    func testFragmentAndUnknownLinksBecomeText() {
        XCTAssertEqual(MD.render(MD.p(MD.a("#note1", MD.t("1")), MD.t(" "), MD.a("javascript:x()", MD.t("js")))), "1 js")
    }

    func testInlineCodeFenceOutgrowsBackticksInside() {
        XCTAssertEqual(MD.render(MD.p(MD.el("code", MD.t("a`b")))), "``a`b``")
        XCTAssertEqual(MD.render(MD.p(MD.el("code", MD.t("`x")))), "`` `x ``")
        XCTAssertEqual(MD.render(MD.p(MD.el("code", MD.t("x*y_z")))), "`x*y_z`")
    }

    func testCodeBlockIsFencedWithLanguage() {
        let pre = MD.el("pre", MD.el("code", [("class", "language-swift")], MD.t("let a = 1\n```\nb\n")))
        XCTAssertEqual(MD.render(pre), "````swift\nlet a = 1\n```\nb\n````")
    }

    func testNestedListsWithStart() {
        let list = MD.el("ul", MD.el("li", MD.t("one")),
                         MD.el("li", MD.t("two"), MD.el("ol", MD.el("li", MD.t("a")), MD.el("li", MD.t("b")))))
        XCTAssertEqual(MD.render(list), "- one\n- two\n  1. a\n  2. b")
        XCTAssertEqual(MD.render(MD.el("ol", [("start", "7")], MD.el("li", MD.t("x")), MD.el("li", MD.t("y")))), "7. x\n8. y")
    }

    func testOrderedSublistNotStartingAtOneIsSeparatedByBlankLine() {
        let list = MD.el("ul", MD.el("li", MD.t("two"), MD.el("ol", [("start", "3")], MD.el("li", MD.t("c")))))
        XCTAssertEqual(MD.render(list), "- two\n\n  3. c")
    }

    func testAdjacentListsAlternateMarkers() {
        let a = MD.el("ul", MD.el("li", MD.t("a")))
        let b = MD.el("ul", MD.el("li", MD.t("b")))
        XCTAssertEqual(MD.render(a, b), "- a\n\n* b")
    }

    func testListItemWithParagraphsIsLoose() {
        let list = MD.el("ul", MD.el("li", MD.p(MD.t("a")), MD.p(MD.t("b"))), MD.el("li", MD.t("c")))
        XCTAssertEqual(MD.render(list), "- a\n\n  b\n\n- c")
    }

    func testBlockquote() {
        XCTAssertEqual(MD.render(MD.el("blockquote", MD.p(MD.t("a")), MD.p(MD.t("b")))), "> a\n>\n> b")
    }

    func testFigureIsImageThenItalicCaption() {
        let figure = MD.el("figure", MD.img("attachments/x.jpg", alt: "A cat"), MD.el("figcaption", MD.t("The cat")))
        XCTAssertEqual(MD.render(figure), "![A cat](attachments/x.jpg)\n\n*The cat*")
        XCTAssertEqual(MD.render(figure, images: .none), "*The cat*")
    }

    func testImageModes() {
        let local = MD.p(MD.img("file:///tmp/x.jpg", alt: "local"))
        let remote = MD.p(MD.img("https://e.com/x.jpg", alt: "remote"))
        XCTAssertEqual(MD.render(local, images: .remote), "local")
        XCTAssertEqual(MD.render(remote, images: .remote), "![remote](https://e.com/x.jpg)")
        XCTAssertEqual(MD.render(MD.p(MD.img("attachments/a.png", alt: "bound"))), "![bound](attachments/a.png)")
        XCTAssertEqual(MD.render(MD.p(MD.img("images/a.png", alt: "rel")), images: .remote), "rel")
    }

    func testTableWithHeaderAndPipes() {
        let table = MD.el("table",
                          MD.el("thead", MD.el("tr", MD.el("th", MD.t("a|b")), MD.el("th", MD.t("c")))),
                          MD.el("tbody", MD.el("tr", MD.el("td", MD.p(MD.t("1")), MD.p(MD.t("2"))))))
        XCTAssertEqual(MD.render(table), "| a\\|b | c |\n| --- | --- |\n| 1 2 |  |")
    }

    func testLayoutTableIsUnwrapped() {
        let table = MD.el("table", MD.el("tr", MD.el("td", MD.p(MD.t("only cell")))))
        XCTAssertEqual(MD.render(table), "only cell")
    }

    func testHorizontalRule() {
        XCTAssertEqual(MD.render(MD.p(MD.t("a")), MD.el("hr"), MD.p(MD.t("b"))), "a\n\n---\n\nb")
    }

    func testBoldAroundParagraphsAppliesToEach() {
        XCTAssertEqual(MD.render(MD.el("b", MD.p(MD.t("a")), MD.p(MD.t("b")))), "**a**\n\n**b**")
    }

    func testSuperscriptUsesHTML() {
        XCTAssertEqual(MD.render(MD.p(MD.t("m"), MD.el("sup", MD.t("2")))), "m<sup>2</sup>")
    }

    func testNoHardWrapping() {
        let long = String(repeating: "word ", count: 100).trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(MD.render(MD.p(MD.t(long))), long)
    }
}
