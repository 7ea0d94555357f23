import XCTest
@testable import BinderyKit

/// Each renderer fed the content model directly: every block and inline
/// kind, and what each format makes of it.
final class ContentRendererTests: XCTestCase {
    private static let photo = Picture(source: "https://e.com/a.jpg", alt: "Harbour", width: 800, binding: .bundled(fileName: "0123456789abcdef.jpg"))
    private static let lost = Picture(source: "https://e.com/lost.jpg", alt: "Lost boat", binding: .missing)

    private static let inlines: [Inline] = [
        .text("Text "), .styled(.emphasis, [.text("em")]), .text(" "), .styled(.strong, [.text("strong")]), .text(" "),
        .styled(.strikethrough, [.text("gone")]), .text(" "), .styled(.underline, [.text("u")]), .text(" x"),
        .styled(.superscripted, [.text("2")]), .text(" H"), .styled(.subscripted, [.text("2")]), .text("O "),
        .styled(.small, [.text("small")]), .text(" "), .styled(.highlight, [.text("mark")]), .text(" "),
        .styled(.quotation, [.text("quote")]), .text(" "), .code("a*b"), .text(" "),
        .link(href: "https://e.com/x", [.text("link")]), .lineBreak, .language(LanguageSpan(language: "en", direction: .leftToRight, content: [.text("lang")])),
        .text(" "), .ruby(base: [.text("漢")], annotation: "kan"), .anchor(id: "n1"), .text(" "), .picture(lost),
    ]

    private static let body: [Block] = [
        .paragraph(inlines),
        .heading(level: 3, [.text("Heading")]),
        .list(ListBlock(ordered: true, start: 2, items: [[.plain([.text("two")])], [.plain([.text("three")])]])),
        .definitions([.term([.text("Term")]), .description([.plain([.text("Meaning")])])]),
        .quote([.paragraph([.text("Quoted")])]),
        .code("let x = 1"),
        .figure(Figure(pictures: [photo], caption: [.text("A harbour")])),
        .figure(Figure(pictures: [lost], caption: [.text("Storm")])),
        .table(Table(caption: [.text("Cap")], head: [[TableCell(isHeader: true, content: [.plain([.text("H")])])]],
                     bodies: [[[TableCell(content: [.plain([.text("C")])])]]])),
        .rule,
        .embed(Embed(kind: .video, url: "https://e.com/v")),
    ]

    func testXHTML() {
        XCTAssertEqual(ContentXHTML().string(Self.body), [
            "<p>Text <em>em</em> <strong>strong</strong> <del>gone</del> <u>u</u> x<sup>2</sup> H<sub>2</sub>O <small>small</small> ",
            "<mark>mark</mark> <q>quote</q> <code>a*b</code> <a href=\"https://e.com/x\">link</a><br/><span lang=\"en\" dir=\"ltr\">lang</span> ",
            "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><span id=\"n1\"></span> <span class=\"image-text\">Lost boat</span></p>",
            "<h3>Heading</h3><ol start=\"2\"><li>two</li><li>three</li></ol><dl><dt>Term</dt><dd>Meaning</dd></dl>",
            "<blockquote><p>Quoted</p></blockquote><pre>let x = 1</pre>",
            "<figure><img src=\"../images/0123456789abcdef.jpg\" alt=\"Harbour\" width=\"800\"/><figcaption>A harbour</figcaption></figure>",
            // A picture the book lacks is marked before its caption.
            "<figure><figcaption><span class=\"missing-mark\">[Picture not loaded]</span>Storm</figcaption></figure>",
            "<table><caption>Cap</caption><thead><tr><th>H</th></tr></thead><tbody><tr><td>C</td></tr></tbody></table><hr/>",
            // An embed's link reads as its host, not the raw URL.
            "<p class=\"embed\">▶ Video: <a href=\"https://e.com/v\">e.com</a></p>",
        ].joined())
    }

    func testMarkdown() {
        XCTAssertEqual(MarkdownRenderer().render(Self.body), """
            Text *em* **strong** ~~gone~~ u x<sup>2</sup> H<sub>2</sub>O small mark “quote” `a*b` [link](https://e.com/x)\\
            lang 漢(kan) Lost boat

            ### Heading

            2. two
            3. three

            **Term**

            Meaning

            > Quoted

            ```
            let x = 1
            ```

            ![Harbour](attachments/0123456789abcdef.jpg)

            *A harbour*

            *Storm*

            *Cap*

            | H |
            | --- |
            | C |

            ---

            ▶ Video: <https://e.com/v>
            """)
    }

    func testPlainText() {
        let links = PlainTextLinks()
        let text = PlainTextRenderer(wrapper: LineWrapper(width: 0), links: links).render(Self.body).joined(separator: "\n")
        XCTAssertEqual(text, """
            Text em strong gone u x2 H2O small mark “quote” a*b link [1]
            lang 漢(kan) [Image: Lost boat]

            Heading

            2. two
            3. three

            Term

            Meaning

            > Quoted

                let x = 1

            [Image: A harbour]

            [Image: Storm]

            Cap

            H
            C

            * * *

            ▶ Video: https://e.com/v
            """)
        XCTAssertEqual(links.urls, ["https://e.com/x"])
    }
}
