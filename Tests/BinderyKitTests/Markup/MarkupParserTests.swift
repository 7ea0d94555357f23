import XCTest
@testable import BinderyKit

final class MarkupParserTests: XCTestCase {
    func testTakesBodyChildrenAndDecodesEntities() {
        let nodes = HTMLParser.parseFragment("<p>a&nbsp;b &amp; &lt;c&gt; &eacute;&#x4E2D;</p>")
        XCTAssertEqual(nodes, [.element(Element("p", children: [.text("a\u{00A0}b & <c> é中")]))])
    }

    func testLowercasesNamesAndKeepsFirstOfRepeatedAttributes() {
        let nodes = HTMLParser.parseFragment("<DIV CLASS=a class=b>x</DIV>")
        XCTAssertEqual(nodes, [.element(Element("div", attributes: [Attribute("class", "a")], children: [.text("x")]))])
    }

    func testDropsCommentsAndMergesTextAroundThem() {
        XCTAssertEqual(HTMLParser.parseFragment("<p>a<!-- c -->b</p>"), [.element(Element("p", children: [.text("ab")]))])
    }

    func testEmptyAndHeadOnlyInputGiveNoNodes() {
        XCTAssertEqual(HTMLParser.parseFragment(""), [])
        XCTAssertEqual(HTMLParser.parseFragment("<title>t</title><meta charset=utf-8>"), [])
    }

    func testParagraphIsClosedByBlockStart() {
        let nodes = HTMLParser.parseFragment("<p>a<div>b</div>")
        XCTAssertEqual(nodes.count, 2)
        XCTAssertEqual(nodes.first?.element?.name, "p")
    }

    func testNoExternalEntityExpansion() {
        let html = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>"
        XCTAssertFalse(HTMLParser.parseFragment(html).textContent.contains("root:"))
    }

    func testKeepsFourByteCharactersAndNormalizesNewlines() {
        XCTAssertEqual(HTMLParser.parseFragment("<p>😀\r\nx\ry\r\r\nz</p>").textContent, "😀\nx\ny\n\nz")
    }
}
