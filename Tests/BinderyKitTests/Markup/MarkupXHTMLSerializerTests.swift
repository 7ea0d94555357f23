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

    /// Random text of Chinese, ASCII, controls, C1 controls and non-characters,
    /// in runs long and short, against escaping written scalar by scalar.
    /// (Written for an eight-bytes-at-a-time fast path, measured and not
    /// kept; it guards the byte loop the serializer has.)
    func testEscapesRandomTextAsScalarByScalarRulesSay() {
        let pieces: [String] = ["中", "国", "，", "。", "！", "（", "a", "Z", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r",
                                "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{FFFE}", "\u{FFFF}",
                                "\u{FF01}", "🙂", "abcdefgh", "巴基斯坦伊朗谈判", "ãõ"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<500 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for quote in [false, true] {
                var expected = ""
                for scalar in text.unicodeScalars {
                    switch scalar.value {
                    case 0x26: expected += "&amp;"
                    case 0x3C: expected += "&lt;"
                    case 0x3E: expected += "&gt;"
                    case 0x22 where quote: expected += "&quot;"
                    case 0x09, 0x0A, 0x0D: expected.unicodeScalars.append(scalar)
                    case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: break
                    default: expected.unicodeScalars.append(scalar)
                    }
                }
                XCTAssertEqual(XHTMLSerializer.escaped(text, quote: quote), expected, "round \(round): \(text.debugDescription)")
            }
        }
    }
}
