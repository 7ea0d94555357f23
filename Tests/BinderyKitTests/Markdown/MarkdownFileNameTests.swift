import XCTest
@testable import BinderyKit

final class MarkdownFileNameTests: XCTestCase {
    func testForbiddenCharactersBecomeSpaces() {
        XCTAssertEqual(NoteFileName.stem("a/b\\c:d*e?f\"g<h>i|j"), "a b c d e f g h i j")
        XCTAssertEqual(NoteFileName.stem("[视频]标题 #话题 ^x"), "视频 标题 话题 x")
        XCTAssertEqual(NoteFileName.stem("tab\there\nnew\u{0}null"), "tab here new null")
        XCTAssertEqual(NoteFileName.stem("中文：标题？"), "中文：标题？", "fullwidth punctuation is safe")
    }

    func testNoLeadingDotNoTrailingDotOrSpace() {
        XCTAssertEqual(NoteFileName.stem("..hidden"), "hidden")
        XCTAssertEqual(NoteFileName.stem("ends with dots... "), "ends with dots")
        XCTAssertEqual(NoteFileName.stem(" . "), "Untitled")
        XCTAssertEqual(NoteFileName.stem(""), "Untitled")
    }

    func testWindowsReservedNames() {
        XCTAssertEqual(NoteFileName.stem("CON"), "_CON")
        XCTAssertEqual(NoteFileName.stem("con.txt"), "_con.txt")
        XCTAssertEqual(NoteFileName.stem("lpt1"), "_lpt1")
        XCTAssertEqual(NoteFileName.stem("Console"), "Console")
    }

    func testLengthBoundedInUTF8BytesOnCharacterBoundaries() {
        let chinese = String(repeating: "中", count: 100)
        let stem = NoteFileName.stem(chinese)
        XCTAssertLessThanOrEqual(stem.utf8.count + " (99).md".utf8.count, NoteFileName.maximumBytes)
        XCTAssertTrue(stem.allSatisfy { $0 == "中" })
        let emoji = String(repeating: "👩‍💻", count: 40)
        XCTAssertTrue(NoteFileName.stem(emoji).allSatisfy { $0 == "👩‍💻" }, "grapheme clusters are not cut")
        let spaced = String(repeating: "word ", count: 40)
        XCTAssertFalse(NoteFileName.stem(spaced).hasSuffix(" "))
    }

    func testCollisionsResolveInOrderAndIgnoreCase() {
        var namer = NoteFileNamer()
        XCTAssertEqual(namer.claim(stem: "Title", extension: "md"), "Title.md")
        XCTAssertEqual(namer.claim(stem: "title", extension: "md"), "title (2).md")
        XCTAssertEqual(namer.claim(stem: "Title (2)", extension: "md"), "Title (2) (2).md")
        XCTAssertEqual(namer.claim(stem: "Title", extension: "md"), "Title (3).md")
        // Precomposed and decomposed forms name one file on macOS.
        XCTAssertEqual(namer.claim(stem: "Caf\u{E9}", extension: "md"), "Caf\u{E9}.md")
        XCTAssertEqual(namer.claim(stem: "CAFE\u{301}", extension: "md"), "CAFE\u{301} (2).md")
    }
}
