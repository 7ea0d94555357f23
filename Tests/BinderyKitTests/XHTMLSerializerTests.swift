import XCTest
@testable import BinderyKit

final class XHTMLSerializerTests: XCTestCase {
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
