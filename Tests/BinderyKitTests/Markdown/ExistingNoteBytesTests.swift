@testable import BinderyKit
import XCTest

/// A note already in the vault is read as UTF-8 bytes (its `created` date,
/// whether it is this exporter's note for the same article): the answers
/// must be those of the Character code that did it before, on random notes
/// made of the pieces that could tell the two apart (CR LF, combining marks,
/// decomposed letters, fences, near-miss `created` lines).
final class ExistingNoteBytesTests: XCTestCase {
    private static let pieces = [
        "\n", "\n", "\n", "\r\n", "\r", "---", "---\n", "created: \"2024-01-02\"", "created: \"2024-01-02\"\n",
        "created: \"20240102xx\"", "created: \"2024-1-02\"", "created: \"2024-01-0２\"", "created: \"2024-01-02\"\u{301}",
        "\u{301}", "title: \"T\"", "source: \"https://a.example/1\"", "\nsource: \"https://a.example/1\"\n", "中文", "é", "e\u{301}",
        "body text ", "👍🏽", "\"",
    ]

    private static func note(_ random: inout SplitMix64, lines: ClosedRange<Int> = 0...60) -> String {
        (0..<Int.random(in: lines, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    func testCreatedDateIsTheCharacterCodesAnswer() {
        var random = SplitMix64(state: 17)
        var found = 0
        for round in 0..<4000 {
            let start = ["---\n", "---\r\n", "", "---\n\u{301}"][round % 4]
            let note = start + Self.note(&random)
            let expected = Self.existingCreatedByCharacters(in: note)
            XCTAssertEqual(MarkdownFrontMatter.existingCreated(in: note), expected, note.debugDescription)
            if expected != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 300, "the random notes reach the date often")
        // The 40th line runs to the end of the note.
        let late = "---\n" + String(repeating: "x\n", count: 39) + "created: \"2024-01-02\""
        XCTAssertEqual(MarkdownFrontMatter.existingCreated(in: late), "2024-01-02")
        XCTAssertNil(MarkdownFrontMatter.existingCreated(in: late + "\n"))
        XCTAssertNil(MarkdownFrontMatter.existingCreated(in: "---\nx\r\ncreated: \"2024-01-02\"\n"), "CR LF is not a line break here")
    }

    func testOwnNoteIsRecognisedAsByCharacters() {
        var random = SplitMix64(state: 29)
        let title = "Caf\u{E9} 中文"
        let parts = MarkdownExporter.NoteParts(stem: "x", nameKey: "x", head: "", tail: "",
                                               ownPrefix: "---\ntitle: " + YAMLScalar.quoted(title) + "\n",
                                               ownSourceLine: "\nsource: \"https://a.example/1\"\n")
        var own = 0
        for round in 0..<4000 {
            let titles = [title, "Cafe\u{301} 中文", "Caf\u{E9} 中文\u{301}", "Other"]
            let note = "---\ntitle: " + YAMLScalar.quoted(titles[round % titles.count]) + "\n" + Self.note(&random, lines: 0...12)
            for parts in [parts, MarkdownExporter.NoteParts(stem: "x", nameKey: "x", head: "", tail: "", ownPrefix: parts.ownPrefix, ownSourceLine: nil)] {
                let expected = Self.mayReplaceByCharacters(parts, note)
                XCTAssertEqual(parts.mayReplace(.file(bytes: Array(note.utf8), text: note)), expected, note.debugDescription)
                if expected && parts.ownSourceLine != nil { own += 1 }
            }
        }
        XCTAssertGreaterThan(own, 300, "the random notes are often this exporter's")
        let sourceLine = "---\ntitle: \"Café 中文\"\nsource: \"https://a.example/1\"\n"
        XCTAssertTrue(parts.mayReplace(.file(bytes: [], text: sourceLine + "body")))
        XCTAssertFalse(parts.mayReplace(.file(bytes: [], text: sourceLine + "\u{301}body")),
                       "a mark after the source line's break joins it, for Foundation's search")
    }

    /// The code `existingCreated` replaced.
    private static func existingCreatedByCharacters(in note: String) -> String? {
        guard note.hasPrefix("---\n") else { return nil }
        for line in note.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: false).dropFirst() {
            if line == "---" { break }
            guard line.hasPrefix("created: \""), line.hasSuffix("\""), line.count == "created: \"YYYY-MM-DD\"".count else { continue }
            let value = line.dropFirst("created: \"".count).dropLast()
            if value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) { return String(value) }
        }
        return nil
    }

    /// The code `mayReplace` replaced, for a note that is a UTF-8 file.
    private static func mayReplaceByCharacters(_ parts: MarkdownExporter.NoteParts, _ text: String) -> Bool {
        guard text.hasPrefix(parts.ownPrefix) else { return false }
        return parts.ownSourceLine.map { text.contains($0) } ?? true
    }
}
