import XCTest
@testable import BinderyKit

/// The writer copies inert text whole; anything it might escape takes the
/// careful path.
final class MarkdownInertTextTests: XCTestCase {
    func testPlainTextIsInert() {
        XCTAssertTrue(MarkdownInlineWriter.isInert("Stocks rose on Friday.", atLineStart: true))
        XCTAssertTrue(MarkdownInlineWriter.isInert("第一句话。", atLineStart: true))
        XCTAssertTrue(MarkdownInlineWriter.isInert("1. place", atLineStart: false))
    }

    func testAnythingTheWriterMayEscapeIsNot() {
        for special in ["*", "_", "~", "\\", "`", "[", "]", "!", "<", "&", "|", "#"] {
            XCTAssertFalse(MarkdownInlineWriter.isInert("a " + special + " b", atLineStart: false), special)
        }
        for start in ["1. place", "> quote", "- item", "+ item", "= underline", ": x", " lead"] {
            XCTAssertFalse(MarkdownInlineWriter.isInert(start, atLineStart: true), start)
        }
    }

    func testLineStartSyntaxIsStillEscaped() {
        XCTAssertEqual(MarkdownRenderer.render([.paragraph([.text("2024. A year")])]), "2024\\. A year")
        XCTAssertEqual(MarkdownRenderer.render([.paragraph([.text("A & B, 1 < 2")])]), "A & B, 1 < 2")
        XCTAssertEqual(MarkdownRenderer.render([.paragraph([.text("Plain words here")])]), "Plain words here")
    }
}
