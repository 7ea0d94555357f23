import XCTest
@testable import BinderyKit

/// Reads rendered Markdown back with the reference parser, `cmark-gfm`.
final class MarkdownCMarkRoundTripTests: XCTestCase {
    private func html(_ markdown: String, allowRawHTML: Bool = true) throws -> String {
        try requireCMark { try MarkdownCMark.html(markdown, allowRawHTML: allowRawHTML) }
    }

    private func htmlOfEach(_ markdowns: [String]) throws -> [String] {
        let outputs = try requireCMark { try MarkdownCMark.htmlOfEach(markdowns) }
        XCTAssertEqual(outputs.count, markdowns.count, "one HTML fragment per document")
        return outputs.count == markdowns.count ? outputs : Array(repeating: "", count: markdowns.count)
    }

    private func requireCMark<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch is MarkdownCMarkUnavailable {
            if MarkdownCMark.isCI { XCTFail("cmark-gfm is required on CI") }
            throw XCTSkip("cmark-gfm not installed")
        }
    }

    /// Visible text of a tree, as a reader sees it (images contribute nothing).
    private func visibleText(_ nodes: [Node]) -> String {
        var out = ""
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let s): out += s
                case .element(let e):
                    if e.name == "img" { continue }
                    out += " "
                    walk(e.children)
                    out += " "
                }
            }
        }
        walk(nodes)
        return MarkdownCMark.normalize(out)
    }

    /// The inline structure tags of HTML, in order.
    private func structure(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "</?(em|strong|del|a|code|sup)( href=\"[^\"]*\")?>")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { String(html[Range($0.range, in: html)!]) }
    }

    private func treeStructure(_ nodes: [Node]) -> [String] {
        var tags: [String] = []
        func walk(_ nodes: [Node]) {
            for case .element(let e) in nodes {
                let name: String? = ["figcaption": "em", "pre": "code", "em": "em", "i": "em", "strong": "strong", "b": "strong", "del": "del", "a": "a", "code": "code", "sup": "sup"][e.name]
                if let name {
                    tags.append(name == "a" ? "<a href=\"\(e[attribute: "href"] ?? "")\">" : "<\(name)>")
                }
                walk(e.children)
                if let name { tags.append("</\(name)>") }
            }
        }
        walk(nodes)
        return tags
    }

    func testProseAndEscapedSyntaxReadBackAsPlainText() throws {
        let samples = [
            "A sentence with a period. Another one!", "中文标点：“引号”，（括号）、顿号。！？——破折号……",
            "2 * 3 = 6 and a_b_c and snake_case_name", "a < b and c > d, Tom & Jerry, AT&T", "C:\\Users\\path",
            "[视频]开头 and [note]", "# Not a heading", "> not a quote", "- not a list", "+ plus", "* star",
            "1. not a list", "2024) x", "---", "===", "***", "___", "~~~ fence", "``` fence", "[label]: https://x",
            "*important*", "__init__", "a*b*c", "**bold**", "~~struck~~", "[a](b)", "[a][b]", "![img](x)", "<b>bold</b>",
            "<https://x>", "<!-- c -->", "&amp; &#123; &copy;", "\\*", "use `x`", "| a | b |", "a\\", "#tag",
            "_a_ *b* **c** __d__", "**记者：**内容", "x**y**z", "foo*", "*foo", "[^1]", "[x]: y \"t\"",
        ]
        for sample in samples {
            let markdown = MarkdownTestTree.render(MarkdownTestTree.p(MarkdownTestTree.t(sample)))
            let output = try html(markdown)
            XCTAssertEqual(MarkdownCMark.visibleText(output), MarkdownCMark.normalize(sample), "text of \(markdown)")
            XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<p>"), true, "one paragraph for \(markdown): \(output)")
            XCTAssertTrue(structure(output).isEmpty, "no inline markup from \(markdown): \(output)")
        }
    }

    func testLinesAfterHardBreaksStayInTheParagraph() throws {
        let lines = ["- x", "1. y", "# z", "> q", "---", "===", "a | b", "--|--", "~~~", "```"]
        var children: [Node] = [MarkdownTestTree.t("start")]
        for line in lines {
            children.append(MarkdownTestTree.el("br"))
            children.append(MarkdownTestTree.t(line))
        }
        let markdown = MarkdownTestTree.render(.element(Element("p", children: children)))
        let output = try html(markdown)
        XCTAssertEqual(output.components(separatedBy: "<p>").count, 2, output)
        XCTAssertEqual(output.components(separatedBy: "<br />").count, lines.count + 1, output)
        XCTAssertEqual(MarkdownCMark.visibleText(output), MarkdownCMark.normalize((["start"] + lines).joined(separator: " ")))
    }

    func testEmphasisInEveryContextKeepsItsStructure() throws {
        let neighbours = ["", " ", "a", "中", "。", "“", "(", "*", "_", "-", "1", "😀"]
        let contents = ["b", " b ", "中文", "“引”", "b.", "(b)", "*", "b_c", "😀"]
        let kinds = ["em", "strong", "del"]
        var trees: [Node] = []
        for before in neighbours {
            for after in neighbours {
                for content in contents {
                    for kind in kinds {
                        trees.append(MarkdownTestTree.p(MarkdownTestTree.t("x" + before), MarkdownTestTree.el(kind, MarkdownTestTree.t(content)), MarkdownTestTree.t(after + "y")))
                    }
                }
            }
        }
        let markdowns = trees.map { MarkdownTestTree.render($0) }
        let outputs = try htmlOfEach(markdowns)
        let checked = trees.count
        var markdownCount = 0
        for (index, tree) in trees.enumerated() {
            let markdown = markdowns[index]
            let output = outputs[index]
            XCTAssertEqual(structure(output), treeStructure([tree]), "\(markdown) → \(output)")
            XCTAssertEqual(MarkdownCMark.visibleText(output), visibleText([tree]), "\(markdown) → \(output)")
            if !markdown.contains("<") { markdownCount += 1 }
        }
        XCTAssertGreaterThan(markdownCount, checked / 3, "most emphasis is written as Markdown")
    }

    func testNestedAndAdjacentEmphasisKeepsStructure() throws {
        let trees: [Node] = [
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.el("strong", MarkdownTestTree.t("both")))),
            MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.el("em", MarkdownTestTree.t("both")))),
            MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.t("a "), MarkdownTestTree.el("em", MarkdownTestTree.t("b")), MarkdownTestTree.t(" c"))),
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.t("a"), MarkdownTestTree.el("strong", MarkdownTestTree.t("b")), MarkdownTestTree.t("c"))),
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.t("a")), MarkdownTestTree.el("strong", MarkdownTestTree.t("b"))),
            MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.t("a")), MarkdownTestTree.el("em", MarkdownTestTree.t("b"))),
            MarkdownTestTree.p(MarkdownTestTree.t("x"), MarkdownTestTree.el("em", MarkdownTestTree.el("strong", MarkdownTestTree.t("y"))), MarkdownTestTree.t("z")),
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.el("strong", MarkdownTestTree.el("del", MarkdownTestTree.t("all"))))),
            MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.a("https://e.com/", MarkdownTestTree.t("link"))), MarkdownTestTree.t("。")),
            MarkdownTestTree.p(MarkdownTestTree.a("https://e.com/", MarkdownTestTree.el("strong", MarkdownTestTree.t("bold link")))),
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.t("a"), MarkdownTestTree.el("code", MarkdownTestTree.t("c")), MarkdownTestTree.t("b"))),
            MarkdownTestTree.p(MarkdownTestTree.el("strong", MarkdownTestTree.t("*"))),
            MarkdownTestTree.p(MarkdownTestTree.el("em", MarkdownTestTree.t("_")), MarkdownTestTree.t("_")),
        ]
        for tree in trees {
            let markdown = MarkdownTestTree.render(tree)
            let output = try html(markdown)
            XCTAssertEqual(structure(output), treeStructure([tree]), "\(markdown) → \(output)")
            XCTAssertEqual(MarkdownCMark.visibleText(output), visibleText([tree]), "\(markdown) → \(output)")
        }
    }

    func testLinksReadBackWithTheirDestinations() throws {
        let urls = ["https://example.com/a_(b)", "https://example.com/a b", "https://example.com/a)b", "https://e.com/?a=1&b=2",
                    "https://e.com/?x=&amp;", "https://e.com/back\\slash*", "https://e.com/<x>", "mailto:a@b.org"]
        for url in urls {
            for text in ["text", url, "a [b] c", "*star*"] {
                let tree = MarkdownTestTree.p(MarkdownTestTree.a(url, MarkdownTestTree.t(text)))
                let markdown = MarkdownTestTree.render(tree)
                let output = try html(markdown)
                let hrefs = structure(output).filter { $0.hasPrefix("<a ") }
                XCTAssertEqual(hrefs.count, 1, "\(markdown) → \(output)")
                let href = hrefs.first.map { String($0.dropFirst("<a href=\"".count).dropLast(2)) } ?? ""
                let decoded = href.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").removingPercentEncoding
                XCTAssertEqual(decoded, url, markdown)
                XCTAssertEqual(MarkdownCMark.visibleText(output), MarkdownCMark.normalize(text), markdown)
            }
        }
    }

    func testTableCellsKeepPipesInTextCodeAndLinks() throws {
        let table = MarkdownTestTree.el("table",
                          MarkdownTestTree.el("tr", MarkdownTestTree.el("th", MarkdownTestTree.t("a|b")), MarkdownTestTree.el("th", MarkdownTestTree.el("code", MarkdownTestTree.t("c|d")))),
                          MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.a("https://e.com/x|y", MarkdownTestTree.t("l|m"))), MarkdownTestTree.el("td", MarkdownTestTree.a("https://e.com/p|q", MarkdownTestTree.t("https://e.com/p|q")))))
        let markdown = MarkdownTestTree.render(table)
        let output = try html(markdown)
        XCTAssertEqual(output.components(separatedBy: "<td>").count + output.components(separatedBy: "<th>").count, 6, output)
        XCTAssertTrue(output.contains("<th>a|b</th>"), output)
        XCTAssertTrue(output.contains("<code>c|d</code>"), output)
        XCTAssertTrue(output.contains("<a href=\"https://e.com/x%7Cy\">l|m</a>"), output)
        XCTAssertTrue(output.contains("<a href=\"https://e.com/p%7Cq\">https://e.com/p|q</a>"), output)
    }

    func testRichArticleReadsBackWithSameTextAndNoRawHTML() throws {
        let body: [Node] = [
            MarkdownTestTree.p(MarkdownTestTree.t("Lead text with "), MarkdownTestTree.el("em", MarkdownTestTree.t("emphasis")), MarkdownTestTree.t(", "), MarkdownTestTree.el("strong", MarkdownTestTree.t("strong words")),
                 MarkdownTestTree.t(" and a "), MarkdownTestTree.a("https://example.com/story_(1)", MarkdownTestTree.t("link")), MarkdownTestTree.t(".")),
            MarkdownTestTree.el("h2", MarkdownTestTree.t("A heading: with # and *stars*")),
            MarkdownTestTree.el("figure", MarkdownTestTree.img("attachments/abc.jpg", alt: "photo"), MarkdownTestTree.el("figcaption", MarkdownTestTree.t("A caption [1]"))),
            MarkdownTestTree.p(MarkdownTestTree.t("中文段落，包含“引号”和（括号）。"), MarkdownTestTree.el("strong", MarkdownTestTree.t("重点")), MarkdownTestTree.t("继续。")),
            MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("- dash item")), MarkdownTestTree.el("li", MarkdownTestTree.t("second"),
                  MarkdownTestTree.el("ol", [("start", "1")], MarkdownTestTree.el("li", MarkdownTestTree.t("nested one")), MarkdownTestTree.el("li", MarkdownTestTree.t("nested two"))))),
            MarkdownTestTree.el("ol", [("start", "4")], MarkdownTestTree.el("li", MarkdownTestTree.p(MarkdownTestTree.t("four"))), MarkdownTestTree.el("li", MarkdownTestTree.p(MarkdownTestTree.t("five")))),
            MarkdownTestTree.el("blockquote", MarkdownTestTree.p(MarkdownTestTree.t("A quote > with > signs")), MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("in quote")))),
            MarkdownTestTree.el("pre", MarkdownTestTree.t("code <here>\n  indented *not em*")),
            MarkdownTestTree.el("table", MarkdownTestTree.el("tr", MarkdownTestTree.el("th", MarkdownTestTree.t("Name")), MarkdownTestTree.el("th", MarkdownTestTree.t("Value|pipe"))),
                  MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("a")), MarkdownTestTree.el("td", MarkdownTestTree.el("code", MarkdownTestTree.t("x|y")))),
                  MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("only one")))),
            MarkdownTestTree.el("hr"),
            MarkdownTestTree.p(MarkdownTestTree.t("1. Starts like a list"), MarkdownTestTree.el("br"), MarkdownTestTree.t("# and a heading")),
        ]
        let markdown = MarkdownRenderer().render(ContentTestSupport.blocks(body))
        let output = try html(markdown)
        XCTAssertEqual(MarkdownCMark.visibleText(output), visibleText(body), markdown)
        XCTAssertFalse(try html(markdown, allowRawHTML: false).contains("raw HTML omitted"), "no raw HTML needed:\n\(markdown)")
        XCTAssertEqual(output.components(separatedBy: "<table>").count, 2)
        XCTAssertEqual(output.components(separatedBy: "<li>").count, 8, output)
        XCTAssertEqual(output.components(separatedBy: "<blockquote>").count, 2)
        XCTAssertEqual(output.components(separatedBy: "<pre>").count, 2)
        XCTAssertTrue(output.contains("<ol start=\"4\">"), output)
        XCTAssertTrue(output.contains("<img src=\"attachments/abc.jpg\" alt=\"photo\" />"), output)
        XCTAssertTrue(output.contains("<hr />"), output)
        XCTAssertEqual(structure(output), treeStructure(body))
    }
}
