import XCTest
@testable import BinderyKit

final class MarkupRemovalRuleTests: XCTestCase {
    func testDropNonContent() {
        let (out, _) = MarkupTestSupport.applying(
            before: [DropNonContent()],
            to: "<p>a<script>x()</script><style>p{}</style><svg><text>s</text></svg><object><param name=a></object><input value=v>b</p>")
        XCTAssertEqual(out, "<p>ab</p>")
    }

    func testKeepNoscriptImagesKeepsOnlyImages() {
        let (out, _) = MarkupTestSupport.applying(
            before: [KeepNoscriptImages()], to: "<div><noscript><p>Enable JS <img src=\"https://x/a.jpg\"></p></noscript></div>")
        XCTAssertEqual(out, "<div><img src=\"https://x/a.jpg\"/></div>")
    }

    func testUnwrapFormControlsKeepsText() {
        let (out, _) = MarkupTestSupport.applying(
            before: [UnwrapFormControls()], to: "<div><form><label>Name</label><button>Go</button></form></div>")
        XCTAssertEqual(out, "<div>NameGo</div>")
    }

    func testUnwrapUnknownElementsKeepsText() {
        let (out, _) = MarkupTestSupport.applying(
            before: [UnwrapUnknownElements()], to: "<p><font color=red>red</font> <blink>b</blink> <x-widget>w</x-widget></p>")
        XCTAssertEqual(out, "<p>red b w</p>")
    }

    func testFilterAttributesKeepsOnlyValidOnes() {
        let (out, _) = MarkupTestSupport.applying(
            before: [FilterAttributes()],
            to: "<p class=c style=s onclick=x align=center lang=zh-Hant dir=RTL data-x=1>t<img src=a alt=b width=\"100%\" height=\"240\" border=0></p><td colspan=0 rowspan=2 nowrap valign=top>c</td><ol start=3 type=i reversed></ol><p lang=\"not a tag\">x</p>")
        XCTAssertEqual(out, "<p lang=\"zh-Hant\" dir=\"rtl\">t<img src=\"a\" alt=\"b\" height=\"240\"/></p><td rowspan=\"2\">c</td><ol start=\"3\" type=\"i\" reversed=\"reversed\"></ol><p>x</p>")
    }

    func testDropEmptyLinksMovesIDToSpan() {
        let (out, _) = MarkupTestSupport.applying(
            after: [DropEmptyLinks()], to: "<p><a href=\"https://x\"> </a><a id=t href=\"#u\"></a><a href=\"https://y\"><img src=i></a></p>")
        XCTAssertEqual(out, "<p> <span id=\"t\"></span><a href=\"https://y\"><img src=\"i\"/></a></p>")
    }

    func testRemoveDateLineVariants() {
        let variants = [
            "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>",
            "<div><i>Reporter Name<br>2024-01-19T21:23:59+08:00</i></div>",
            "<div><i>2020年 6月 27日</i></div>",
            "<div><i>2024-01-19 21:23:59</i></div>",
            "<div>19/01/2024 - 21:23</div>",
            "<div></div>",
        ]
        for line in variants {
            let (out, _) = MarkupTestSupport.applying(body: [RemoveDateLine()], to: line + "<p>Body</p>")
            XCTAssertEqual(out, "<p>Body</p>", line)
        }
        let (kept, _) = MarkupTestSupport.applying(body: [RemoveDateLine()], to: "<p>Body</p><div><i>later</i></div>")
        XCTAssertEqual(kept, "<p>Body</p><div><i>later</i></div>")
        let (text, _) = MarkupTestSupport.applying(body: [RemoveDateLine()], to: "<div>Not a date line</div>")
        XCTAssertEqual(text, "<div>Not a date line</div>")
    }

    func testRemoveDateLineInsideJekyllWrapper() {
        let (out, _) = MarkupTestSupport.applying(body: [RemoveDateLine()], to: "<div><div><i>Fri, 19 Jan 2024</i></div><p>Body</p></div>")
        XCTAssertEqual(out, "<div><p>Body</p></div>")
    }

    func testRemoveFeedFooterVariants() {
        let footers = [
            "<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a></div>",
            "<hr><div>获取更多RSS</div>",
            "<br/><br/><hr/><p>More RSS: <a href=\"https://feedx.site\">feedx</a></p>\n",
        ]
        for footer in footers {
            let (out, _) = MarkupTestSupport.applying(body: [RemoveFeedFooter()], to: "<p>Body</p>" + footer)
            XCTAssertEqual(out, "<p>Body</p>", footer)
        }
        let (kept, _) = MarkupTestSupport.applying(body: [RemoveFeedFooter()], to: "<p>Body about RSS readers</p>")
        XCTAssertEqual(kept, "<p>Body about RSS readers</p>")
    }
}
