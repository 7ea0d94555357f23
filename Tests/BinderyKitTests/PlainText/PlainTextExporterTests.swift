import XCTest
@testable import BinderyKit

final class PlainTextExporterTests: XCTestCase {
    typealias F = MarkdownExportFixtures

    private func render(_ nodes: Node..., width: Int = 40) -> (text: String, links: [String]) {
        let links = PlainTextLinks()
        let lines = PlainTextRenderer(wrapper: LineWrapper(width: width), links: links).render(nodes)
        return (lines.joined(separator: "\n"), links.urls)
    }

    func testParagraphsWrapAndSeparate() {
        let result = render(MD.p(MD.t("one two three four five six seven eight nine ten eleven")), MD.p(MD.t("next")), width: 20)
        XCTAssertEqual(result.text, "one two three four\nfive six seven eight\nnine ten eleven\n\nnext")
    }

    func testHardBreaksAndDoubleBreaks() {
        XCTAssertEqual(render(MD.p(MD.t("a"), MD.el("br"), MD.t("b"), MD.el("br"), MD.el("br"), MD.t("c"))).text, "a\nb\n\nc")
    }

    func testLinksAreNumberedAndListedOnce() {
        let result = render(MD.p(MD.t("See "), MD.a("https://a.example/", MD.t("this")), MD.t(" and "),
                                 MD.a("https://b.example/", MD.t("that")), MD.t(", again "), MD.a("https://a.example/", MD.t("this")),
                                 MD.t(" or "), MD.a("https://c.example/", MD.t("https://c.example/"))), width: 0)
        XCTAssertEqual(result.text, "See this [1] and that [2], again this [1] or https://c.example/")
        XCTAssertEqual(result.links, ["https://a.example/", "https://b.example/"])
    }

    func testListsHaveHangingIndents() {
        let list = MD.el("ul", MD.el("li", MD.t("alpha beta gamma delta epsilon")),
                         MD.el("li", MD.t("two"), MD.el("ol", [("start", "9")], MD.el("li", MD.t("nine ten eleven twelve")), MD.el("li", MD.t("ten")))))
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
        let quote = MD.el("blockquote", MD.p(MD.t("quoted words that wrap around")), MD.p(MD.t("second")))
        XCTAssertEqual(render(quote, width: 16).text, "> quoted words\n> that wrap\n> around\n>\n> second")
    }

    func testImagesAndFigures() {
        let figure = MD.el("figure", MD.img("attachments/x.jpg", alt: "alt text"), MD.el("figcaption", MD.t("The caption")))
        XCTAssertEqual(render(figure).text, "[Image: The caption]")
        XCTAssertEqual(render(MD.el("figure", MD.img("x.jpg", alt: "only alt"))).text, "[Image: only alt]")
        XCTAssertEqual(render(MD.p(MD.t("a "), MD.img("x.jpg"), MD.t(" b"))).text, "a [Image] b")
    }

    func testTablesAlignByDisplayWidthOrFallBackToRows() {
        let table = MD.el("table", MD.el("tr", MD.el("th", MD.t("城市")), MD.el("th", MD.t("Pop"))),
                          MD.el("tr", MD.el("td", MD.t("上海")), MD.el("td", MD.t("24m"))),
                          MD.el("tr", MD.el("td", MD.t("Oslo")), MD.el("td", MD.t("0.7m"))))
        XCTAssertEqual(render(table).text, "城市  Pop\n----  ----\n上海  24m\nOslo  0.7m")
        let wide = MD.el("table", MD.el("tr", MD.el("td", MD.t("Name")), MD.el("td", MD.t("A long description of the thing"))),
                         MD.el("tr", MD.el("td", MD.t("X")), MD.el("td", MD.t("Short"))))
        XCTAssertEqual(render(wide, width: 26).text, "Name | A long description\n  of the thing\nX | Short")
    }

    func testCodeIsIndentedAndNotWrapped() {
        let pre = MD.el("pre", MD.t("let x = 1 // a long line that is not wrapped at all\n  y"))
        XCTAssertEqual(render(pre, width: 10).text, "    let x = 1 // a long line that is not wrapped at all\n      y")
    }

    func testExportWritesTheWholeDigest() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("digest.txt")
        let exporter = PlainTextExporter(metadata: F.metadata, digest: F.digest, width: 30)
        try exporter.export(F.source, to: .file(file))
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("============\nWeek 3: News\n============\n\n\n2024-01-20\n==========\n\n\n"), text)
        XCTAssertTrue(text.contains("""
            Markets: "rally" [live]
            -----------------------
            example.com ·
            2024-01-20T05:43:59+08:00
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
            MD.el("blockquote", MD.p(MD.t("Quoted.")), MD.el("ul", MD.el("li", MD.t("inside a quote")))),
            MD.el("ol", MD.el("li", MD.t("item"), MD.el("blockquote", MD.t("quote in item")))),
        ]
        XCTAssertEqual(renderer.render(tree).joined(separator: "\n"), """
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
            .render([MD.el("ul", MD.el("li", MD.t(text))), MD.el("blockquote", MD.p(MD.t(text)))])
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
