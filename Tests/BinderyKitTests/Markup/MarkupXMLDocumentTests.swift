import XCTest
@testable import BinderyKit

/// XML documents into Swift values: repairs, CDATA, namespaces, `xml:base`, errors.
final class MarkupXMLDocumentTests: XCTestCase {
    private func parse(_ text: String, url: String? = nil) -> ParsedXML {
        XMLDocumentParser.parse(Array(text.utf8), documentURL: url.flatMap(URL.init(string:)))
    }

    func testHTMLEntitiesAndBareAmpersandsAreMended() {
        let document = parse("<a>caf&eacute;&nbsp;&amp; AT&T &unknown; &#233; &#x1F600; &#0;</a>")
        XCTAssertEqual(document.root?.text, "café\u{00A0}& AT&T &unknown; é 😀 \u{FFFD}")
        XCTAssertEqual(document.repairs, 5)
        XCTAssertTrue(document.isWellFormed, "\(document.errors)")
    }

    func testALessThanSignThatStartsNoTagIsText() {
        let document = parse("<a>1 < 2, x <= y, <b>bold</b> <3</a>")
        XCTAssertEqual(document.root?.text, "1 < 2, x <= y, bold <3")
        XCTAssertEqual(document.repairs, 3)
        XCTAssertTrue(document.isWellFormed, "\(document.errors)")
    }

    func testCDATACommentsAndDeclaredEntitiesAreLeftAlone() {
        let document = parse("""
            <!DOCTYPE a [<!ENTITY me "Moss">]><a><![CDATA[<p>AT&T &nbsp;</p>]]><!-- & --><b>&me;</b></a>
            """)
        XCTAssertEqual(document.root?.children.first, .text("<p>AT&T &nbsp;</p>"))
        XCTAssertEqual(document.root?.elements.first?.text, "Moss")
        XCTAssertEqual(document.repairs, 0)
        XCTAssertTrue(document.isWellFormed)
    }

    func testControlCharactersAreDropped() {
        let document = parse("<a>one\u{01}two\u{0B}</a>")
        XCTAssertEqual(document.root?.text, "onetwo")
        XCTAssertEqual(document.repairs, 2)
    }

    func testNamespacesAndUndeclaredPrefixes() {
        let root = parse("<r xmlns:x=\"urn:x\"><x:a x:b=\"1\"/><y:c/></r>").root!
        XCTAssertEqual(root.elements[0].name, "a")
        XCTAssertEqual(root.elements[0].namespace, "urn:x")
        XCTAssertEqual(root.elements[0].attribute("b", namespace: "urn:x"), "1")
        XCTAssertEqual(root.elements[1].name, "y:c", "an undeclared prefix stays in the name")
        XCTAssertNil(root.elements[1].namespace)
    }

    func testXMLBaseIsResolvedDownTheTree() {
        let root = parse("""
            <r xml:base="https://a.example/x/"><s xml:base="y/"><t xml:base="/z/"/></s><u xml:base="https://b.example/"/></r>
            """, url: "http://feed.example/feed.xml").root!
        XCTAssertEqual(root.base?.absoluteString, "https://a.example/x/")
        XCTAssertEqual(root.elements[0].base?.absoluteString, "https://a.example/x/y/")
        XCTAssertEqual(root.elements[0].elements[0].base?.absoluteString, "https://a.example/z/")
        XCTAssertEqual(root.elements[1].base?.absoluteString, "https://b.example/")
        XCTAssertEqual(parse("<r/>", url: "http://feed.example/feed.xml").root?.base?.absoluteString, "http://feed.example/feed.xml")
    }

    func testIllFormedDocumentsAreRecoveredWithTheirErrors() {
        let document = parse("<r><a>one</a><b>two<c></b><d>three</d>")
        XCTAssertEqual(document.root?.elements.first?.text, "one")
        XCTAssertFalse(document.isWellFormed)
        XCTAssertGreaterThanOrEqual(document.errorCount, 1)
        XCTAssertTrue(document.errors[0].hasPrefix("line 1: "), document.errors[0])
        XCTAssertNil(parse("   ").root)
        XCTAssertEqual(parse("   ").errors.last, "the document is empty")
        XCTAssertNil(parse("just text").root)
    }

    func testNoExternalEntitiesAreLoaded() {
        let document = parse("""
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """)
        XCTAssertFalse(document.root?.text.contains("root:") ?? false)
    }
}
