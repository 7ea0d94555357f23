import XCTest
@testable import BinderyKit

final class PlainTextExporterTests: XCTestCase {
    typealias F = MarkdownExportFixtures

    private func render(_ nodes: Node..., width: Int = 40) -> (text: String, links: [String]) {
        let links = PlainTextLinks()
        let lines = PlainTextRenderer(wrapper: LineWrapper(width: width), links: links).render(ContentTestSupport.blocks(nodes))
        return (lines.joined(separator: "\n"), links.urls)
    }

    func testParagraphsWrapAndSeparate() {
        let result = render(MarkdownTestTree.p(MarkdownTestTree.t("one two three four five six seven eight nine ten eleven")), MarkdownTestTree.p(MarkdownTestTree.t("next")), width: 20)
        XCTAssertEqual(result.text, "one two three four\nfive six seven eight\nnine ten eleven\n\nnext")
    }

    func testHardBreaksAndDoubleBreaks() {
        XCTAssertEqual(render(MarkdownTestTree.p(MarkdownTestTree.t("a"), MarkdownTestTree.el("br"), MarkdownTestTree.t("b"), MarkdownTestTree.el("br"), MarkdownTestTree.el("br"), MarkdownTestTree.t("c"))).text, "a\nb\n\nc")
    }

    func testLinksAreNumberedAndListedOnce() {
        let result = render(MarkdownTestTree.p(MarkdownTestTree.t("See "), MarkdownTestTree.a("https://a.example/", MarkdownTestTree.t("this")), MarkdownTestTree.t(" and "),
                                 MarkdownTestTree.a("https://b.example/", MarkdownTestTree.t("that")), MarkdownTestTree.t(", again "), MarkdownTestTree.a("https://a.example/", MarkdownTestTree.t("this")),
                                 MarkdownTestTree.t(" or "), MarkdownTestTree.a("https://c.example/", MarkdownTestTree.t("https://c.example/"))), width: 0)
        XCTAssertEqual(result.text, "See this [1] and that [2], again this [1] or https://c.example/")
        XCTAssertEqual(result.links, ["https://a.example/", "https://b.example/"])
    }

    func testListsHaveHangingIndents() {
        let list = MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("alpha beta gamma delta epsilon")),
                         MarkdownTestTree.el("li", MarkdownTestTree.t("two"), MarkdownTestTree.el("ol", [("start", "9")], MarkdownTestTree.el("li", MarkdownTestTree.t("nine ten eleven twelve")), MarkdownTestTree.el("li", MarkdownTestTree.t("ten")))))
        XCTAssertEqual(render(list, width: 20).text, """
            - alpha beta gamma
              delta epsilon
            - two
              9. nine ten eleven
                 twelve
              10. ten
            """)
    }

    func testQuotesArePrefixed() {
        let quote = MarkdownTestTree.el("blockquote", MarkdownTestTree.p(MarkdownTestTree.t("quoted words that wrap around")), MarkdownTestTree.p(MarkdownTestTree.t("second")))
        XCTAssertEqual(render(quote, width: 16).text, "> quoted words\n> that wrap\n> around\n>\n> second")
    }

    func testImagesAndFigures() {
        let figure = MarkdownTestTree.el("figure", MarkdownTestTree.img("attachments/x.jpg", alt: "alt text"), MarkdownTestTree.el("figcaption", MarkdownTestTree.t("The caption")))
        XCTAssertEqual(render(figure).text, "[Image: The caption]")
        XCTAssertEqual(render(MarkdownTestTree.el("figure", MarkdownTestTree.img("x.jpg", alt: "only alt"))).text, "[Image: only alt]")
        XCTAssertEqual(render(MarkdownTestTree.p(MarkdownTestTree.t("a "), MarkdownTestTree.img("x.jpg"), MarkdownTestTree.t(" b"))).text, "a [Image] b")
    }

    func testTablesAlignByDisplayWidthOrFallBackToRows() {
        let table = MarkdownTestTree.el("table", MarkdownTestTree.el("tr", MarkdownTestTree.el("th", MarkdownTestTree.t("城市")), MarkdownTestTree.el("th", MarkdownTestTree.t("Pop"))),
                          MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("上海")), MarkdownTestTree.el("td", MarkdownTestTree.t("24m"))),
                          MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("Oslo")), MarkdownTestTree.el("td", MarkdownTestTree.t("0.7m"))))
        XCTAssertEqual(render(table).text, "城市  Pop\n----  ----\n上海  24m\nOslo  0.7m")
        let wide = MarkdownTestTree.el("table", MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("Name")), MarkdownTestTree.el("td", MarkdownTestTree.t("A long description of the thing"))),
                         MarkdownTestTree.el("tr", MarkdownTestTree.el("td", MarkdownTestTree.t("X")), MarkdownTestTree.el("td", MarkdownTestTree.t("Short"))))
        XCTAssertEqual(render(wide, width: 26).text, "Name | A long description\n  of the thing\nX | Short")
    }

    func testCodeIsIndentedAndNotWrapped() {
        let pre = MarkdownTestTree.el("pre", MarkdownTestTree.t("let x = 1 // a long line that is not wrapped at all\n  y"))
        XCTAssertEqual(render(pre, width: 10).text, "    let x = 1 // a long line that is not wrapped at all\n      y")
    }

    func testExportWritesTheWholeDigest() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("digest.txt")
        let exporter = PlainTextExporter(metadata: F.metadata, digest: F.digest, width: 30)
        try exporter.export(F.source, to: .file(file))
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("============\nWeek 3: News\n============\n\n\nSaturday, 20 January 2024\n=========================\n\n\n"), text)
        XCTAssertTrue(text.contains("""
            Markets: "rally" [live]
            -----------------------
            example.com · 20 January 2024,
            05:43
            https://www.example.com/a

            [Image: The chart]

            Stocks rose on Friday. Then
            they fell.
            """), text)
        XCTAssertTrue(text.contains("Same title\n----------\n"), text)
        XCTAssertTrue(text.contains("第一句话。第二句话。"), text)
        XCTAssertTrue(text.hasSuffix("No date\n-------\nexample.net\nhttps://example.net/d\n"), text)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(files, ["digest.txt"], "no temporary file left")

        try exporter.export(F.source, to: .file(file))
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), text, "deterministic")
    }

    func testTitleUnderlineMatchesDisplayWidth() {
        let exporter = PlainTextExporter(metadata: F.metadata, digest: F.digest)
        let article = BoundArticle(chapterIndex: 0, cleaned: CleanedArticle(article: F.article("中文标题 ok", nil, url: "https://e.com/"), body: []))
        XCTAssertTrue(exporter.article(article).hasPrefix("中文标题 ok\n-----------\n"))
    }
}

final class PlainTextLayoutTests: XCTestCase {
    func testQuoteHoldingAListAndAListHoldingAQuote() {
        let links = PlainTextLinks()
        let renderer = PlainTextRenderer(wrapper: LineWrapper(width: 30), links: links)
        let tree: [Node] = [
            MarkdownTestTree.el("blockquote", MarkdownTestTree.p(MarkdownTestTree.t("Quoted.")), MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t("inside a quote")))),
            MarkdownTestTree.el("ol", MarkdownTestTree.el("li", MarkdownTestTree.t("item"), MarkdownTestTree.el("blockquote", MarkdownTestTree.t("quote in item")))),
        ]
        XCTAssertEqual(renderer.render(ContentTestSupport.blocks(tree)).joined(separator: "\n"), """
            > Quoted.
            >
            > - inside a quote

            1. item

               > quote in item
            """)
    }

    func testLongChineseArticleKeepsEveryLineWithinWidth() {
        let text = String(repeating: "中国国家统计局周三公布的数据显示，“经济增长”超过预期（百分之五）。Apple和Google的股价上涨了3%！", count: 20)
        let links = PlainTextLinks()
        let lines = PlainTextRenderer(wrapper: LineWrapper(width: 40), links: links)
            .render(ContentTestSupport.blocks([MarkdownTestTree.el("ul", MarkdownTestTree.el("li", MarkdownTestTree.t(text))), MarkdownTestTree.el("blockquote", MarkdownTestTree.p(MarkdownTestTree.t(text)))]))
        for line in lines {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, line)
            for bad in ["，", "。", "）", "”", "！", "%"] {
                let body = line.drop(while: { " >-".contains($0) })
                XCTAssertFalse(body.hasPrefix(bad), "line starts with \(bad): \(line)")
            }
            XCTAssertFalse(line.hasSuffix("“") || line.hasSuffix("（"), line)
        }
    }
}
