import XCTest
@testable import BinderyKit

final class MarkupXHTMLSerializerTests: XCTestCase {
    func testEscapesTextAndAttributesAndClosesVoidElements() {
        let nodes: [Node] = [
            .element(Element("p", attributes: [Attribute("title", "a \"b\" & <c>")], children: [
                .text("1 < 2 & 3 > 2"), .element(Element("br")),
            ])),
        ]
        XCTAssertEqual(
            XHTMLSerializer.serialize(nodes),
            "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">1 &lt; 2 &amp; 3 &gt; 2<br/></p>")
    }

    func testDropsCharactersXMLForbids() {
        XCTAssertEqual(XHTMLSerializer.serialize([.text("a\u{0}b\u{1B}c\u{FFFE}d")]), "abcd")
    }
}

final class MarkupXHTMLEscapingTests: XCTestCase {
    func testKeepsMultibyteTextAndEscapesBetweenRuns() {
        XCTAssertEqual(XHTMLSerializer.escaped("巴基斯坦 & 伊朗 <谈判> \"停火\" 🙂", quote: false),
                       "巴基斯坦 &amp; 伊朗 &lt;谈判&gt; \"停火\" 🙂")
        XCTAssertEqual(XHTMLSerializer.escaped("a\u{85}b\u{9F}c\u{A0}d"), "abc\u{A0}d")
        XCTAssertEqual(XHTMLSerializer.escaped("\u{FFFD}\u{FFFF}\u{FFFE}\u{FFFC}"), "\u{FFFD}\u{FFFC}")
        XCTAssertEqual(XHTMLSerializer.escaped("tab\tnl\ncr\r"), "tab\tnl\ncr\r")
    }
}
