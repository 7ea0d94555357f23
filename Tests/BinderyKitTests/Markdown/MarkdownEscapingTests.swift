import XCTest
@testable import BinderyKit

/// Escaping: what must get a backslash, and — as important — what must not.
final class MarkdownEscapingTests: XCTestCase {
    private func text(_ s: String) -> String { MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t(s))) }

    func testOrdinaryProseStaysUnescaped() {
        let prose = [
            "A sentence with a period. Another one!",
            "A well-known co-operative (founded 1901) said: yes; no? 50% + 3 = 53.",
            "中文标点：“引号”，（括号）、顿号。！？——破折号…… 《书名》",
            "2 * 3 = 6 and a_b_c and snake_case_name",
            "a < b and c > d, Tom & Jerry, AT&T",
            "C:\\Users\\path and a trailing \\",
            "[视频]开头 and [note] in text and a] b",
            "email me at someone@example.com or visit example.com/page",
            "5 - 3 = 2, 1.5 million, No. 1",
            "-5 degrees, +3 points, 10~20 people",
            "It's \"quoted\" and 'single' and $100 ^ {braces}",
            "#1 seed and issue #42",
        ]
        for s in prose {
            XCTAssertEqual(text(s), s, "should stay as is: \(s)")
        }
    }

    func testLineStartSyntaxIsEscaped() {
        XCTAssertEqual(text("# Not a heading"), "\\# Not a heading")
        XCTAssertEqual(text("###### six"), "\\###### six")
        XCTAssertEqual(text("####### seven"), "####### seven")
        XCTAssertEqual(text("> not a quote"), "\\> not a quote")
        XCTAssertEqual(text("- not a list"), "\\- not a list")
        XCTAssertEqual(text("+ not a list"), "\\+ not a list")
        XCTAssertEqual(text("* not a list"), "\\* not a list")
        XCTAssertEqual(text("1. not a list"), "1\\. not a list")
        XCTAssertEqual(text("2024) not a list"), "2024\\) not a list")
        XCTAssertEqual(text("---"), "\\---")
        XCTAssertEqual(text("==="), "\\===")
        XCTAssertEqual(text("~~~ fence"), "\\~~~ fence")
        XCTAssertEqual(text("[label]: https://x"), "\\[label]: https://x")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("[x](y)"), MarkdownTestTree.el("br"), MarkdownTestTree.t("[x]: y"))), "\\[x\\](y)\\\n[x]: y")
        XCTAssertEqual(text("[视频] 标题"), "[视频] 标题")
    }

    func testLineStartRulesApplyAfterHardBreaks() {
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("br"), MarkdownTestTree.t("- b"), MarkdownTestTree.el("br"), MarkdownTestTree.t("--"))), "a\\\n\\- b\\\n\\--")
    }

    func testLineStartRulesDoNotApplyMidLine() {
        XCTAssertEqual(text("a # b > c - d 1. e"), "a # b > c - d 1. e")
    }

    func testEmphasisCharactersEscapedOnlyWhereTheyCouldFormEmphasis() {
        XCTAssertEqual(text("*important*"), "\\*important\\*")
        XCTAssertEqual(text("__init__"), "\\_\\_init\\_\\_")
        XCTAssertEqual(text("a*b"), "a\\*b")
        XCTAssertEqual(text("snake_case"), "snake_case")
        XCTAssertEqual(text("x ** y"), "x ** y")
        XCTAssertEqual(text("~~struck~~"), "\\~\\~struck\\~\\~")
    }

    func testLinkAndImageSyntaxInTextIsEscaped() {
        XCTAssertEqual(text("[a](b)"), "[a\\](b)")
        XCTAssertEqual(text("[a][b]"), "[a\\][b]")
        XCTAssertEqual(text("![img]"), "![img]")
        XCTAssertEqual(text("![img](x)"), "![img\\](x)")
        XCTAssertEqual(MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t("Wow!"), MarkdownTestTree.a("https://e.com/", MarkdownTestTree.t("link")))), "Wow\\![link](https://e.com/)")
        XCTAssertEqual(text("[[wiki]]"), "\\[[wiki]]")
    }

    func testHTMLAndAutolinkOpenersAreEscaped() {
        XCTAssertEqual(text("<b>bold</b>"), "\\<b>bold\\</b>")
        XCTAssertEqual(text("<https://x>"), "\\<https://x>")
        XCTAssertEqual(text("<!-- c -->"), "\\<!-- c -->")
        XCTAssertEqual(text("1 < 2"), "1 < 2")
    }

    func testEntitiesAreEscaped() {
        XCTAssertEqual(text("&amp; &#123; &#x1F600; &copy;"), "\\&amp; \\&#123; \\&#x1F600; \\&copy;")
        XCTAssertEqual(text("R&D & Q&A&"), "R&D & Q&A&")
    }

    func testBackslashBeforePunctuationAndBackticks() {
        XCTAssertEqual(text("\\*"), "\\\\\\*")
        XCTAssertEqual(text("a\\b"), "a\\b")
        XCTAssertEqual(text("use `x`"), "use \\`x\\`")
    }

    func testVaultTagsAreEscaped() {
        XCTAssertEqual(text("#MeToo movement"), "\\#MeToo movement")
        XCTAssertEqual(text("the #MeToo movement"), "the \\#MeToo movement")
        XCTAssertEqual(text("C#"), "C#")
    }

    func testPipesEscapedOnlyInTables() {
        XCTAssertEqual(text("a | b"), "a | b")
    }
}
