import XCTest
@testable import BinderyKit

final class NameTableTests: XCTestCase {
    /// Every name found with its own value, every other name not found,
    /// whatever its length: packed keys (up to seven bytes), the dictionary
    /// for longer names, and names that share their first bytes.
    func testFindsExactlyTheNamesItHolds() {
        var names = ["a", "b", "p", "br", "h1", "img", "span", "table", "strong", "caption",
                     "noscript", "blockquote", "figcaption", "bindery-credit", "#bindery-embed", "sup", "sub"]
        // Enough names that probes wrap and collide in the open-addressed part.
        names += (0..<200).map { "x\($0)" }
        let table = NameTable(names.enumerated().map { ($1, $0) })
        for (index, name) in names.enumerated() {
            XCTAssertEqual(table[name], index, name)
        }
        for absent in ["", "c", "P", "b ", " b", "a\0", "\0a", "h7", "spa", "spans", "strongs", "captio", "noscrip",
                       "blockquotes", "x200", "x-1", "xx1", "日本", "bindery-credi"] {
            XCTAssertNil(table[absent], absent.debugDescription)
        }
    }

    func testKeysTellNamesApartByLengthAndBytes() {
        XCTAssertNotEqual(NameTable<Int>.key("a"), NameTable<Int>.key("a\0"))
        XCTAssertNotEqual(NameTable<Int>.key("ab"), NameTable<Int>.key("ba"))
        XCTAssertNil(NameTable<Int>.key(""))
        XCTAssertNil(NameTable<Int>.key("eightchr"))
        XCTAssertNotNil(NameTable<Int>.key("sevench"))
    }

    func testNameSetAgreesWithSetOfStrings() {
        let words: Set<String> = ["a", "em", "div", "figure", "figcaption", "h6", "wbr", HTMLVocabulary.creditElement]
        let set = NameSet(words)
        for name in words.union(["", "A", "emm", "figur", "figcaptions", "h", "bindery-credit2"]) {
            XCTAssertEqual(set.contains(name), words.contains(name), name)
        }
        XCTAssertTrue(HTMLVocabulary.blocks.contains(HTMLVocabulary.embedElement))
        XCTAssertFalse(HTMLVocabulary.phrasing.contains("div"))
    }
}
