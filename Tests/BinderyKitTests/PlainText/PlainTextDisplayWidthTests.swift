import XCTest
@testable import BinderyKit

final class PlainTextDisplayWidthTests: XCTestCase {
    func testLatinIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("Hello, world!"), 13)
        XCTAssertEqual(DisplayWidth.of("café"), 4)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testWideAndFullwidthAreTwo() {
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("ひらがなカタカナ"), 16)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("，。「」"), 8)
        XCTAssertEqual(DisplayWidth.of("ＡＢ１"), 6)
        XCTAssertEqual(DisplayWidth.of("￥"), 2)
        XCTAssertEqual(DisplayWidth.of("𠀋"), 2, "CJK Extension B")
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2, "ideographic space")
    }

    func testEmojiPresentationIsTwoAndSequencesDrawOnce() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2)
        XCTAssertEqual(DisplayWidth.of("©"), 1, "text-presentation symbol")
    }

    func testZeroWidthCharacters() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "combining acute")
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}x\u{00AD}"), 1)
        XCTAssertEqual(DisplayWidth.of("한"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}"), 2, "conjoining jamo")
    }

    func testSubstring() {
        let s = "ab中文"
        XCTAssertEqual(DisplayWidth.of(s.dropFirst(2)), 4)
    }
}
