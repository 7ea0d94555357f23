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

    // The tree is built from libxml2's parse events; these pin down what its
    // own tree builder did with them, which Bindery keeps.

    func testDropsANamePrefixAsLibxml2Did() {
        let nodes = HTMLParser.parseFragment("<o:p>office</o:p><x:y:z>d</x:y:z><a:>c</a:>")
        XCTAssertEqual(nodes.compactMap { $0.element?.name }, ["p", "y:z", "a:"])
    }

    func testABooleanAttributeWithoutValueHasItsName() {
        let nodes = HTMLParser.parseFragment("<input checked value>")
        XCTAssertEqual(nodes.first?.element?.attributes, [Attribute("checked", "checked"), Attribute("value", "")])
    }

    func testLineEndsAreNormalisedPerTextNodeAroundComments() {
        // libxml2 ends a text node at a comment: CR before it and LF after it are two line ends.
        XCTAssertEqual(HTMLParser.parseFragment("<p>a\r<!--x-->\nb<?pi?>\r\nc</p>").textContent, "a\n\nb\nc")
    }

    func testScriptTextIsTextWithItsLineEndsNormalised() {
        XCTAssertEqual(HTMLParser.parseFragment("<p>a<script>x\r\ny</script></p>").textContent, "ax\ny")
    }

    func testContentAfterTheBodyAndTheDocumentEndsIsKept() {
        // libxml2's tree builder hung it outside `body`, where it was lost.
        XCTAssertEqual(HTMLParser.parseFragment("<p>a</p></body>\n<p>b</p></html>\n<p>c</p>d").textContent, "abcd")
        let nodes = HTMLParser.parseFragment("<p>a</p></body></html>\n<head><title>t</title></head><body class=x>b")
        XCTAssertEqual(nodes.textContent, "ab")
        XCTAssertEqual(HTMLParser.parseFragment("<p>a</p></body>\n</html>\n"), [.element(Element("p", children: [.text("a")]))])
    }

    func testElementsBeyondTheDepthLimitBecomeOneTextNode() {
        let open = String(repeating: "<span>", count: HTMLParser.maxDepth)
        let close = String(repeating: "</span>", count: HTMLParser.maxDepth)
        var node = HTMLParser.parseFragment(open + "<b>x<!--c-->y<i></i>z</b>" + close).first
        for _ in 0..<HTMLParser.maxDepth - 1 { node = node?.element?.children.first }
        XCTAssertEqual(node?.element?.children, [.text("xyz")])
        node = HTMLParser.parseFragment(open + "<b></b>" + close).first
        for _ in 0..<HTMLParser.maxDepth - 1 { node = node?.element?.children.first }
        XCTAssertEqual(node?.element?.children, [.text("")])
    }
}
