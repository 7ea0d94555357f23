import XCTest
@testable import BinderyKit

/// Golden outputs of a rich article: any change in layout shows here (the
/// cmark-gfm tests check that the Markdown means what the tree means).
final class MarkdownGoldenTests: XCTestCase {
    func testMarkdownOfRichArticle() {
        XCTAssertEqual(MarkdownRenderer().render(ContentTestSupport.blocks(MarkdownGoldenFixture.body)), """
            ![抗议者在街头](attachments/3f2a9c0d1e2b4a5c.jpg)

            *资料照片：2024年1月19日，抗议者在街头。*

            美国国务院周五表示，<strong>“高度关注”</strong>事态发展。

            第一段：发言人说，美方\\*不会\\*改变立场。

            第二段 with English words, a [report](https://www.example.com/report_(2024)) and 50% growth.

            - 1\\. 第一点
            - \\# 第二点
              - 细节

            > “We will not back down,” she said.

            | 城市 | 人数 |
            | --- | --- |
            | 台北 | 1,200 |
            | New York | 300 |

            更多报道见 <https://www.example.com/more>。
            """)
    }

    func testPlainTextOfRichArticle() {
        let lines = PlainTextRenderer(wrapper: LineWrapper(width: 36), links: PlainTextLinks()).render(ContentTestSupport.blocks(MarkdownGoldenFixture.body))
        XCTAssertEqual(lines.joined(separator: "\n"), """
            [Image: 资料照片：2024年1月19日，抗
            议者在街头。]

            美国国务院周五表示，“高度关注”事态发
            展。

            第一段：发言人说，美方*不会*改变立
            场。

            第二段 with English words, a report
            [1] and 50% growth.

            - 1. 第一点
            - # 第二点
              - 细节

            > “We will not back down,” she said.

            城市      人数
            --------  -----
            台北      1,200
            New York  300

            更多报道见
            https://www.example.com/more。
            """)
    }
}
