import XCTest
@testable import BinderyKit

/// Cleaned HTML → content: one literal case per block and inline kind,
/// through the whole cleaner as an export runs it.
final class ContentConverterTests: XCTestCase {
    private func body(_ html: String) -> [Block] {
        ArticleCleaner().clean(MarkupTestSupport.article(), html: html).0.body
    }

    private func inlines(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> [Inline] {
        guard case .paragraph(let content)? = body("<p>\(html)</p>").first else {
            XCTFail("not one paragraph: \(body("<p>\(html)</p>"))", file: file, line: line)
            return []
        }
        return content
    }

    // MARK: Blocks

    func testParagraph() {
        XCTAssertEqual(body("<p>One</p>Loose lead"), [.paragraph([.text("One")]), .paragraph([.text("Loose lead")])])
    }

    func testDivDissolvesAndItsTextBecomesAParagraph() {
        XCTAssertEqual(body("<div>Own text<p>Inner</p></div>"), [.paragraph([.text("Own text")]), .paragraph([.text("Inner")])])
    }

    func testPlainTextInAContainer() {
        XCTAssertEqual(body("<ul><li>item <b>x</b></li></ul>"),
                       [.list(ListBlock(ordered: false, items: [[.plain([.text("item "), .styled(.strong, [.text("x")])])]]))])
    }

    func testHeadingIsDemotedBelowThePagesOwn() {
        XCTAssertEqual(body("<h1>Top</h1><h4>Low</h4>"), [.heading(level: 3, [.text("Top")]), .heading(level: 4, [.text("Low")])])
    }

    func testOrderedListKeepsItsStartAndNestedLists() {
        XCTAssertEqual(body("<ol start=\"3\"><li>three<ul><li>sub</li></ul></li><li><p>four</p></li></ol>"), [
            .list(ListBlock(ordered: true, start: 3, items: [
                [.plain([.text("three")]), .list(ListBlock(ordered: false, items: [[.plain([.text("sub")])]]))],
                [.paragraph([.text("four")])],
            ])),
        ])
    }

    func testDefinitions() {
        XCTAssertEqual(body("<dl><dt>Term</dt><dd>Meaning</dd></dl>"),
                       [.definitions([.term([.text("Term")]), .description([.plain([.text("Meaning")])])])])
    }

    func testQuote() {
        XCTAssertEqual(body("<blockquote><p>Said.</p>— Someone</blockquote>"),
                       [.quote([.paragraph([.text("Said.")]), .plain([.text("— Someone")])])])
    }

    func testPreformattedCode() {
        XCTAssertEqual(body("<pre><code>let a = 1<br>let b = 2\n</code></pre>"), [.code("let a = 1\nlet b = 2")])
    }

    func testFigureWithCaption() {
        XCTAssertEqual(body("<figure><img src=\"https://e.com/a.jpg\" width=\"640\"><figcaption>A <i>harbour</i></figcaption></figure>"), [
            .figure(Figure(pictures: [Picture(source: "https://e.com/a.jpg", alt: "A harbour", width: 640)],
                           caption: [.text("A "), .styled(.emphasis, [.text("harbour")])])),
        ])
    }

    func testTable() {
        XCTAssertEqual(body("<table><caption>Votes</caption><tr><th colspan=\"2\">Head</th></tr><tr><td>a</td><td rowspan=\"2\">b</td></tr></table>"), [
            .table(Table(caption: [.text("Votes")], bodies: [[
                [TableCell(isHeader: true, columnSpan: 2, content: [.plain([.text("Head")])])],
                [TableCell(content: [.plain([.text("a")])]), TableCell(rowSpan: 2, content: [.plain([.text("b")])])],
            ]])),
        ])
    }

    func testRule() {
        XCTAssertEqual(body("<p>a</p><hr><p>b</p>"), [.paragraph([.text("a")]), .rule, .paragraph([.text("b")])])
    }

    func testEmbed() {
        XCTAssertEqual(body("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe><audio src=\"https://e.com/x.mp3\"></audio>"), [
            .embed(Embed(kind: .video, url: "https://www.youtube.com/watch?v=abc")),
            .embed(Embed(kind: .audio, url: "https://e.com/x.mp3")),
        ])
    }

    // MARK: Inlines

    func testText() {
        XCTAssertEqual(inlines("a &amp; b"), [.text("a & b")])
    }

    func testEveryStyle() {
        let cases: [(String, InlineStyle)] = [
            ("em", .emphasis), ("i", .emphasis), ("cite", .emphasis), ("strong", .strong), ("b", .strong),
            ("del", .strikethrough), ("s", .strikethrough), ("u", .underline), ("ins", .underline),
            ("sup", .superscripted), ("sub", .subscripted), ("small", .small), ("mark", .highlight), ("q", .quotation),
        ]
        for (name, style) in cases {
            XCTAssertEqual(inlines("x<\(name)>y</\(name)>"), [.text("x"), .styled(style, [.text("y")])], name)
        }
    }

    func testCodeSpanKeepsItsTextOnly() {
        XCTAssertEqual(inlines("run <code>a<b>b</b></code> and <kbd>Ctrl</kbd>"),
                       [.text("run "), .code("ab"), .text(" and "), .code("Ctrl")])
    }

    func testLink() {
        XCTAssertEqual(inlines("<a href=\"/x\">here</a>"), [.link(href: "https://www.example.com/x", [.text("here")])])
    }

    func testPictureInline() {
        XCTAssertEqual(inlines("see <img src=\"https://e.com/p.png\" alt=\"P\">"),
                       [.text("see "), .picture(Picture(source: "https://e.com/p.png", alt: "P"))])
    }

    func testLineBreak() {
        XCTAssertEqual(inlines("a<br>b"), [.text("a"), .lineBreak, .text("b")])
    }

    func testLanguageSpan() {
        XCTAssertEqual(inlines("中文<span lang=\"en\">English</span><bdi>x</bdi>"), [
            .text("中文"), .language(LanguageSpan(language: "en", direction: nil, content: [.text("English")])),
            .language(LanguageSpan(language: nil, direction: .auto, content: [.text("x")])),
        ])
    }

    func testLanguageOfABlockReachesItsText() {
        XCTAssertEqual(body("<p lang=\"en\">Hello</p>"), [.paragraph([.language(LanguageSpan(language: "en", direction: nil, content: [.text("Hello")]))])])
    }

    func testRuby() {
        XCTAssertEqual(inlines("<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby>"),
                       [.ruby(base: [.text("漢")], annotation: "kan"), .ruby(base: [.text("字")], annotation: "ji")])
    }

    func testAnchorWhereALinkPointsIt() {
        XCTAssertEqual(body("<p><a href=\"#n1\">1</a></p><h3 id=\"n1\">Note</h3>"), [
            .paragraph([.link(href: "#n1", [.text("1")])]),
            .heading(level: 3, [.anchor(id: "n1"), .text("Note")]),
        ])
    }

    func testInlineWrapperAroundBlocksAppliesToEachRun() {
        XCTAssertEqual(body("<a href=\"https://e.com/\"><div>one</div><div>two</div></a>"), [
            .paragraph([.link(href: "https://e.com/", [.text("one")])]),
            .paragraph([.link(href: "https://e.com/", [.text("two")])]),
        ])
    }
}
