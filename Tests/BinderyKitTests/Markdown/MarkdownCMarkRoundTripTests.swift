import XCTest
@testable import BinderyKit

/// Reads rendered Markdown back with the reference parser, `cmark-gfm`.
final class MarkdownCMarkRoundTripTests: XCTestCase {
    private func html(_ markdown: String, allowRawHTML: Bool = true) throws -> String {
        try requireCMark { try CMark.html(markdown, allowRawHTML: allowRawHTML) }
    }

    private func htmlOfEach(_ markdowns: [String]) throws -> [String] {
        let outputs = try requireCMark { try CMark.htmlOfEach(markdowns) }
        XCTAssertEqual(outputs.count, markdowns.count, "one HTML fragment per document")
        return outputs.count == markdowns.count ? outputs : Array(repeating: "", count: markdowns.count)
    }

    private func requireCMark<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch is CMarkUnavailable {
            if CMark.isCI { XCTFail("cmark-gfm is required on CI") }
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
        return CMark.normalize(out)
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
            let markdown = MD.render(MD.p(MD.t(sample)))
            let output = try html(markdown)
            XCTAssertEqual(CMark.visibleText(output), CMark.normalize(sample), "text of \(markdown)")
            XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<p>"), true, "one paragraph for \(markdown): \(output)")
            XCTAssertTrue(structure(output).isEmpty, "no inline markup from \(markdown): \(output)")
        }
    }

    func testLinesAfterHardBreaksStayInTheParagraph() throws {
        let lines = ["- x", "1. y", "# z", "> q", "---", "===", "a | b", "--|--", "~~~", "```"]
        var children: [Node] = [MD.t("start")]
        for line in lines {
            children.append(MD.el("br"))
            children.append(MD.t(line))
        }
        let markdown = MD.render(.element(Element("p", children: children)))
        let output = try html(markdown)
        XCTAssertEqual(output.components(separatedBy: "<p>").count, 2, output)
        XCTAssertEqual(output.components(separatedBy: "<br />").count, lines.count + 1, output)
        XCTAssertEqual(CMark.visibleText(output), CMark.normalize((["start"] + lines).joined(separator: " ")))
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
                        trees.append(MD.p(MD.t("x" + before), MD.el(kind, MD.t(content)), MD.t(after + "y")))
                    }
                }
            }
        }
        let markdowns = trees.map { MD.render($0) }
        let outputs = try htmlOfEach(markdowns)
        let checked = trees.count
        var markdownCount = 0
        for (index, tree) in trees.enumerated() {
            let markdown = markdowns[index]
            let output = outputs[index]
            XCTAssertEqual(structure(output), treeStructure([tree]), "\(markdown) → \(output)")
            XCTAssertEqual(CMark.visibleText(output), visibleText([tree]), "\(markdown) → \(output)")
            if !markdown.contains("<") { markdownCount += 1 }
        }
        XCTAssertGreaterThan(markdownCount, checked / 3, "most emphasis is written as Markdown")
    }

    func testNestedAndAdjacentEmphasisKeepsStructure() throws {
        let trees: [Node] = [
            MD.p(MD.el("em", MD.el("strong", MD.t("both")))),
            MD.p(MD.el("strong", MD.el("em", MD.t("both")))),
            MD.p(MD.el("strong", MD.t("a "), MD.el("em", MD.t("b")), MD.t(" c"))),
            MD.p(MD.el("em", MD.t("a"), MD.el("strong", MD.t("b")), MD.t("c"))),
            MD.p(MD.el("em", MD.t("a")), MD.el("strong", MD.t("b"))),
            MD.p(MD.el("strong", MD.t("a")), MD.el("em", MD.t("b"))),
            MD.p(MD.t("x"), MD.el("em", MD.el("strong", MD.t("y"))), MD.t("z")),
            MD.p(MD.el("em", MD.el("strong", MD.el("del", MD.t("all"))))),
            MD.p(MD.el("strong", MD.a("https://e.com/", MD.t("link"))), MD.t("。")),
            MD.p(MD.a("https://e.com/", MD.el("strong", MD.t("bold link")))),
            MD.p(MD.el("em", MD.t("a"), MD.el("code", MD.t("c")), MD.t("b"))),
            MD.p(MD.el("strong", MD.t("*"))),
            MD.p(MD.el("em", MD.t("_")), MD.t("_")),
        ]
        for tree in trees {
            let markdown = MD.render(tree)
            let output = try html(markdown)
            XCTAssertEqual(structure(output), treeStructure([tree]), "\(markdown) → \(output)")
            XCTAssertEqual(CMark.visibleText(output), visibleText([tree]), "\(markdown) → \(output)")
        }
    }

    func testLinksReadBackWithTheirDestinations() throws {
        let urls = ["https://example.com/a_(b)", "https://example.com/a b", "https://example.com/a)b", "https://e.com/?a=1&b=2",
                    "https://e.com/?x=&amp;", "https://e.com/back\\slash*", "https://e.com/<x>", "mailto:a@b.org"]
        for url in urls {
            for text in ["text", url, "a [b] c", "*star*"] {
                let tree = MD.p(MD.a(url, MD.t(text)))
                let markdown = MD.render(tree)
                let output = try html(markdown)
                let hrefs = structure(output).filter { $0.hasPrefix("<a ") }
                XCTAssertEqual(hrefs.count, 1, "\(markdown) → \(output)")
                let href = hrefs.first.map { String($0.dropFirst("<a href=\"".count).dropLast(2)) } ?? ""
                let decoded = href.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").removingPercentEncoding
                XCTAssertEqual(decoded, url, markdown)
                XCTAssertEqual(CMark.visibleText(output), CMark.normalize(text), markdown)
            }
        }
    }

    func testTableCellsKeepPipesInTextCodeAndLinks() throws {
        let table = MD.el("table",
                          MD.el("tr", MD.el("th", MD.t("a|b")), MD.el("th", MD.el("code", MD.t("c|d")))),
                          MD.el("tr", MD.el("td", MD.a("https://e.com/x|y", MD.t("l|m"))), MD.el("td", MD.a("https://e.com/p|q", MD.t("https://e.com/p|q")))))
        let markdown = MD.render(table)
        let output = try html(markdown)
        XCTAssertEqual(output.components(separatedBy: "<td>").count + output.components(separatedBy: "<th>").count, 6, output)
        XCTAssertTrue(output.contains("<th>a|b</th>"), output)
        XCTAssertTrue(output.contains("<code>c|d</code>"), output)
        XCTAssertTrue(output.contains("<a href=\"https://e.com/x%7Cy\">l|m</a>"), output)
        XCTAssertTrue(output.contains("<a href=\"https://e.com/p%7Cq\">https://e.com/p|q</a>"), output)
    }

    func testRichArticleReadsBackWithSameTextAndNoRawHTML() throws {
        let body: [Node] = [
            MD.p(MD.t("Lead text with "), MD.el("em", MD.t("emphasis")), MD.t(", "), MD.el("strong", MD.t("strong words")),
                 MD.t(" and a "), MD.a("https://example.com/story_(1)", MD.t("link")), MD.t(".")),
            MD.el("h2", MD.t("A heading: with # and *stars*")),
            MD.el("figure", MD.img("attachments/abc.jpg", alt: "photo"), MD.el("figcaption", MD.t("A caption [1]"))),
            MD.p(MD.t("中文段落，包含“引号”和（括号）。"), MD.el("strong", MD.t("重点")), MD.t("继续。")),
            MD.el("ul", MD.el("li", MD.t("- dash item")), MD.el("li", MD.t("second"),
                  MD.el("ol", [("start", "1")], MD.el("li", MD.t("nested one")), MD.el("li", MD.t("nested two"))))),
            MD.el("ol", [("start", "4")], MD.el("li", MD.p(MD.t("four"))), MD.el("li", MD.p(MD.t("five")))),
            MD.el("blockquote", MD.p(MD.t("A quote > with > signs")), MD.el("ul", MD.el("li", MD.t("in quote")))),
            MD.el("pre", MD.t("code <here>\n  indented *not em*")),
            MD.el("table", MD.el("tr", MD.el("th", MD.t("Name")), MD.el("th", MD.t("Value|pipe"))),
                  MD.el("tr", MD.el("td", MD.t("a")), MD.el("td", MD.el("code", MD.t("x|y")))),
                  MD.el("tr", MD.el("td", MD.t("only one")))),
            MD.el("hr"),
            MD.p(MD.t("1. Starts like a list"), MD.el("br"), MD.t("# and a heading")),
        ]
        let markdown = MarkdownRenderer().render(body)
        let output = try html(markdown)
        XCTAssertEqual(CMark.visibleText(output), visibleText(body), markdown)
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
