@testable import BinderyKit
import XCTest

/// Text whose Characters are single scalars is counted and cut by scalars
/// (`hasOneScalarPerCharacter`): the answers must be the Characters' ones.
final class SingleScalarCharactersTests: XCTestCase {
    func testTextOfTheListedRangesHasOneScalarPerCharacter() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x3000...0x3029, 0x3041...0x3096,
                                             0x30A1...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                let range = ranges.randomElement(using: &generator)!
                text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: range, using: &generator))!)
                if Bool.random(using: &generator) { text += "\n\t" }
            }
            XCTAssertTrue(text.hasOneScalarPerCharacter, text)
            XCTAssertEqual(text.count, text.unicodeScalars.count, text)
        }
    }

    func testJoiningScalarsAreNotSingle() {
        for text in ["e\u{301}", "a\r\nb", "👍🏽", "🇺🇸", "か\u{3099}", "ｶﾞ", "한\u{11A8}", "a\u{200D}b", "中\u{302A}", "नमस्ते"] {
            XCTAssertFalse(text.hasOneScalarPerCharacter, text)
        }
    }

    /// Checking only the start: when it says so, the first Characters are
    /// the first scalars, joiners after them or not.
    func testAStartOfSingleScalarsIsCutAlike() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["中", "a", " ", "，", "e\u{301}", "👍🏽", "\u{301}", "か", "\u{3099}", "\r\n"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let count = Int.random(in: 0...10, using: &generator)
            if text.startsWithOneScalarPerCharacter(count) {
                XCTAssertEqual(String(text.prefix(count)), String(text.unicodeScalars.prefix(count)), text.debugDescription)
            }
        }
        XCTAssertFalse("abc\u{301}".startsWithOneScalarPerCharacter(3), "the scalar after the start joins its last")
        XCTAssertTrue("abc\u{301}".startsWithOneScalarPerCharacter(2))
    }

    /// The summary's and the lead sentence's cuts, against the Character
    /// code they replaced, on random text of both kinds.
    func testCutsAreTheCharactersCuts() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["中", "文", "句", "，", "；", "：", "、", "。", " ", "a", "b", "word", ",", ";", ":", ".", "“", "”", "👍🏽", "é"]
        for round in 0..<600 {
            var text = ""
            for _ in 0..<Int.random(in: 0...260, using: &generator) {
                // Every other text stays on the fast path.
                var piece = pieces.randomElement(using: &generator)!
                while round.isMultiple(of: 2) && !piece.hasOneScalarPerCharacter { piece = pieces.randomElement(using: &generator)! }
                text += piece
            }
            for limit in [60, 140, 200] {
                XCTAssertEqual(ArticleSummary.shortened(text, limit: limit), Self.shortened(text, limit: limit), text)
                XCTAssertEqual(LeadSentence.bound(text, limit: limit), Self.bound(text, limit: limit), text)
            }
        }
    }

    // The code before (counting Characters).

    private static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = Array(text.prefix(limit))
        var cut: Int?
        for index in stride(from: head.count - 1, through: limit / 2, by: -1) {
            let character = head[index]
            if "，；：、".contains(character) { cut = index; break }
            if ",;:".contains(character), index + 1 < head.count, head[index + 1] == " " { cut = index; break }
        }
        guard let cut else { return bound(text, limit: limit) }
        return String(head[..<cut]) + "…"
    }

    private static func bound(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }
}
