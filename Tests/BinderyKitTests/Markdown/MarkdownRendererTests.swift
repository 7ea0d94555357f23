import XCTest
@testable import BinderyKit

final class MarkdownRendererTests: XCTestCase {
    typealias N = Node

    func testParagraphsAreSeparatedByBlankLinesAndWhitespaceCollapses() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("  one\n  two  ")), MarkdownTestTree.p(MarkdownTestTree.t("three"))), "one two\n\nthree")
    }

    func testTextOnlyParagraphsReadAsMixedOnesDo() {
        // Paragraphs of text alone take a shorter path than those with
        // markup; both must collapse, trim and escape alike.
        let inline = MarkdownInlineRenderer(images: .attachments)
        let pieces: [Inline] = [.text(" \t# Not  a heading,"), .text("\n 1. not a list *or* [link] "), .text("  ")]
        let withMarkup = pieces + [.styled(.underline, [])]
        XCTAssertEqual(inline.paragraphs(pieces), inline.paragraphs(withMarkup))
        XCTAssertEqual(inline.paragraphs(pieces, position: .heading), inline.paragraphs(withMarkup, position: .heading))
        XCTAssertEqual(inline.paragraphs(pieces, position: .tableCell), inline.paragraphs(withMarkup, position: .tableCell))
        XCTAssertEqual(inline.paragraphs([.text(" \n\t ")]), [])
        XCTAssertEqual(inline.paragraphs([.text(" \n\t ")]), inline.paragraphs([.text(" \n\t "), .styled(.underline, [])]))
    }

    func testLooseInlineContentBecomesParagraphs() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.t("lead text "), MarkdownTestTree.p(MarkdownTestTree.t("para"))), "lead text\n\npara")
    }

    func testHeadingsKeepTheirLevelPlusOffset() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("h2", MarkdownTestTree.t("Title"))), "## Title")
        XCTAssertEqual(MarkdownRenderer(headingOffset: 3).render([.heading(level: 2, [.text("Deep")])]), "##### Deep")
        XCTAssertEqual(MarkdownRenderer(headingOffset: 3).render([.heading(level: 5, [.text("Capped")])]), "###### Capped")
    }

    func testHeadingLosesNoTrailingHash() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("h3", MarkdownTestTree.t("Learn C #"))), "### Learn C \\#")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("h3", MarkdownTestTree.t("Learn C#"))), "### Learn C#")
    }

    func testSingleBreakIsBackslashHardBreakAndDoubleBreakSplitsParagraphs() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("br"), MarkdownTestTree.t("b"))), "a\\\nb")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("br"), MarkdownTestTree.el("br"), MarkdownTestTree.t(" b"))), "a\n\nb")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("br"), MarkdownTestTree.t("a"), MarkdownTestTree.el("br"))), "a")
    }

    func testEmphasisAndStrong() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a "), MarkdownTestTree.el("em", MarkdownTestTree.t("b")), MarkdownTestTree.t(" "), MarkdownTestTree.el("strong", MarkdownTestTree.t("c")))), "a *b* **c**")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("del", MarkdownTestTree.t("gone")))), "~~gone~~")
    }

    func testWhitespaceMovesOutsideDelimiters() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("strong", MarkdownTestTree.t(" b ")), MarkdownTestTree.t("c"))), "a **b** c")
    }

    func testEmptyEmphasisDisappears() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("em", MarkdownTestTree.t(" ")), MarkdownTestTree.t("b"))), "a b")
    }

    func testIntrawordEmphasisUsesAsterisks() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("un"), MarkdownTestTree.el("em", MarkdownTestTree.t("frigging")), MarkdownTestTree.t("believable"))), "un*frigging*believable")
    }

    func testNestedEmphasisTouchingUsesUnderscoreInside() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.el("strong", MarkdownTestTree.t("both"))))), "*__both__*")
    }

    func testTouchingEmphasisOfOneKindMerges() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.t("a")), MarkdownTestTree.el("em", MarkdownTestTree.t("b")))), "*ab*")
    }

    func testEmphasisThatCannotFlankFallsBackToHTML() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.t("记者：")), MarkdownTestTree.t("内容"))), "<strong>记者：</strong>内容")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("foo"), MarkdownTestTree.el("em", MarkdownTestTree.t("\"bar\"")), MarkdownTestTree.t("baz"))), "foo<em>\"bar\"</em>baz")
    }

    func testLinks() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://example.com/x", MarkdownTestTree.t("text")))), "[text](https://example.com/x)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://example.com/a b", MarkdownTestTree.t("t")))), "[t](<https://example.com/a b>)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://e.com/a_(b)", MarkdownTestTree.t("t")))), "[t](https://e.com/a_(b))")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://e.com/a)b", MarkdownTestTree.t("t")))), "[t](<https://e.com/a)b>)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://e.com/", MarkdownTestTree.t("a [b] c")))), "[a \\[b\\] c](https://e.com/)")
    }

    func testAutolinkWhenTextIsURL() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("https://example.com/x?a=1", MarkdownTestTree.t("https://example.com/x?a=1")))), "<https://example.com/x?a=1>")
    }

    func testBlocksInsideLinksStayApartEachLinked() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.a("https://e.com/", MarkdownTestTree.p(MarkdownTestTree.t("one")), MarkdownTestTree.p(MarkdownTestTree.t("two")))),
                       "[one](https://e.com/)\n\n[two](https://e.com/)")
    }

    func testFragmentAndUnknownLinksBecomeText() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.a("#note1", MarkdownTestTree.t("1")), MarkdownTestTree.t(" "), MarkdownTestTree.a("javascript:x()", MarkdownTestTree.t("js")))), "1 js")
    }

    func testInlineCodeFenceOutgrowsBackticksInside() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("code", MarkdownTestTree.t("a`b")))), "``a`b``")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("code", MarkdownTestTree.t("`x")))), "`` `x ``")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.el("code", MarkdownTestTree.t("x*y_z")))), "`x*y_z`")
    }

    func testCodeBlockFenceOutgrowsBackticksInside() {
        let pre = MarkdownTestTree.el("pre", MarkdownTestTree.el("code", MarkdownTestTree.t("let a = 1\n```\nb\n")))
        XCTAssertEqual(MarkdownTestTree.render(pre), "````\nlet a = 1\n```\nb\n````")
    }

    func testNestedListsWithStart() {
        let list = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("one")),
                         MarkdownTestTree.el("li", MarkdownTestTree.t("two"), MarkdownTestTree.el("ol", MarkdownTestTree.el("li", MarkdownTestTree.t("a")), MarkdownTestTree.el("li", MarkdownTestTree.t("b")))))
        XCTAssertEqual(MarkdownTestTree.render(list), "- one\n- two\n  1. a\n  2. b")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("ol", [("start", "7")], MarkdownTestTree.el("li", MarkdownTestTree.t("x")), MarkdownTestTree.el("li", MarkdownTestTree.t("y")))), "7. x\n8. y")
    }

    func testOrderedSublistNotStartingAtOneIsSeparatedByBlankLine() {
        let list = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("two"), MarkdownTestTree.el("ol", [("start", "3")], MarkdownTestTree.el("li", MarkdownTestTree.t("c")))))
        XCTAssertEqual(MarkdownTestTree.render(list), "- two\n\n  3. c")
    }

    func testAdjacentListsAlternateMarkers() {
        let a = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("a")))
        let b = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("b")))
        XCTAssertEqual(MarkdownTestTree.render(a, b), "- a\n\n* b")
    }

    func testListItemWithParagraphsIsLoose() {
        let list = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.p(MarkdownTestTree.t("a")), MarkdownTestTree.p(MarkdownTestTree.t("b"))), MarkdownTestTree.el("li", MarkdownTestTree.t("c")))
        XCTAssertEqual(MarkdownTestTree.render(list), "- a\n\n  b\n\n- c")
    }

    func testBlockquote() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("blockquote", MarkdownTestTree.p(MarkdownTestTree.t("a")), MarkdownTestTree.p(MarkdownTestTree.t("b")))), "> a\n>\n> b")
    }

    func testFigureIsImageThenItalicCaption() {
        let figure = MarkdownTestTree.el("figure", MarkdownTestTree.img("attachments/x.jpg", alt: "A cat"), MarkdownTestTree.el("figcaption", MarkdownTestTree.t("The cat")))
        XCTAssertEqual(MarkdownTestTree.render(figure), "![A cat](attachments/x.jpg)\n\n*The cat*")
        XCTAssertEqual(MarkdownTestTree.render(figure, images: .none), "*The cat*")
    }

    func testImageModes() {
        let local = MarkdownTestTree.p(MarkdownTestTree.img("file:///tmp/x.jpg", alt: "local"))
        let remote = MarkdownTestTree.p(MarkdownTestTree.img("https://e.com/x.jpg", alt: "remote"))
        XCTAssertEqual(MarkdownTestTree.render(local, images: .remote), "local")
        XCTAssertEqual(MarkdownTestTree.render(remote, images: .remote), "![remote](https://e.com/x.jpg)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.img("attachments/a.png", alt: "bound"))), "![bound](attachments/a.png)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.img("images/a.png", alt: "rel")), images: .remote), "rel")
    }

    func testTableWithHeaderAndPipes() {
        let table = MarkdownTestTree.el("table",
                          MarkdownTestTree.el("thead", MarkdownTestTree.el("tr", MarkdownTestTree.el("th", MarkdownTestTree.t("a|b")), MarkdownTestTree.el("th", MarkdownTestTree.t("c")))),
                          MarkdownTestTree.el("tbody", MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.p(MarkdownTestTree.t("1")), MarkdownTestTree.p(MarkdownTestTree.t("2"))))))
        XCTAssertEqual(MarkdownTestTree.render(table), "| a\\|b | c |\n| --- | --- |\n| 1 2 |  |")
    }

    func testLayoutTableIsUnwrapped() {
        let table = MarkdownTestTree.el("table", MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.p(MarkdownTestTree.t("only cell")))))
        XCTAssertEqual(MarkdownTestTree.render(table), "only cell")
    }

    func testHorizontalRule() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a")), MarkdownTestTree.el("hr"), MarkdownTestTree.p(MarkdownTestTree.t("b"))), "a\n\n---\n\nb")
    }

    func testBoldAroundParagraphsAppliesToEach() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.el("b", MarkdownTestTree.p(MarkdownTestTree.t("a")), MarkdownTestTree.p(MarkdownTestTree.t("b")))), "**a**\n\n**b**")
    }

    func testSuperscriptUsesHTML() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("m"), MarkdownTestTree.el("sup", MarkdownTestTree.t("2")))), "m<sup>2</sup>")
    }

    func testNoHardWrapping() {
        let long = String(repeating: "word ", count: 100).trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t(long))), long)
    }
}
