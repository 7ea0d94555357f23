import XCTest
@testable import BinderyKit

final class MarkdownFrontMatterTests: XCTestCase {
    static let nastyTitles = [
        "Plain title",
        "Title: with a colon",
        "\"Quoted\" title",
        "It's a title",
        "- leading dash",
        "! bang", "& anchor", "* alias", "? question", "| pipe", "> folded", "% percent", "@ at", "` tick",
        "[bracketed] title", "{braced}", "# hash", "a # comment-looking",
        "back\\slash \\n not a newline",
        "line\nbreak\r\nand\ttab",
        "null \u{0} bell \u{7} escape \u{1B} del \u{7F} c1 \u{85} ls \u{2028} ps \u{2029} bom \u{FEFF}",
        "中文标题：“引号”【括号】",
        "emoji 😀👩‍💻",
        "yes", "no", "null", "~", "true", "1.5", "0x1F", "2024-01-19",
        "  spaces around  ",
        "",
    ]

    func testQuotedScalarsEscapeOnlyWhatYAMLNeeds() {
        XCTAssertEqual(YAMLScalar.quoted("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"")
        XCTAssertEqual(YAMLScalar.quoted("a\nb\tc"), "\"a\\nb\\tc\"")
        XCTAssertEqual(YAMLScalar.quoted("中文: #1"), "\"中文: #1\"")
        XCTAssertEqual(YAMLScalar.quoted("\u{7F}\u{2028}"), "\"\\u007F\\L\"")
        // Escapes found by their UTF-8 bytes: C1 controls, NEL, separators,
        // the byte-order mark and non-characters; neighbours stay as they are.
        XCTAssertEqual(YAMLScalar.quoted("\u{80}\u{85}\u{9F}\u{A0}é"), "\"\\u0080\\N\\u009F\u{A0}é\"")
        XCTAssertEqual(YAMLScalar.quoted("\u{2027}\u{2029}\u{201C}"), "\"\u{2027}\\P\u{201C}\"")
        XCTAssertEqual(YAMLScalar.quoted("\u{FEFF}\u{FFFE}\u{FFFF}\u{FFFD}😀"), "\"\\uFEFF\\uFFFE\\uFFFF\u{FFFD}😀\"")
        XCTAssertEqual(YAMLScalar.quoted("\u{1}\u{1F}"), "\"\\u0001\\u001F\"")
    }

    func testEveryValueIsOneLine() {
        for title in Self.nastyTitles {
            XCTAssertFalse(YAMLScalar.quoted(title).contains(where: { $0.isNewline }), title)
        }
    }

    func testFrontMatterLayout() {
        let fm = MarkdownFrontMatter(title: "T", source: "https://e.com/x", author: "e.com", published: "2024-01-20T05:23:59+08:00",
                                     created: "2024-01-21", description: "Lead.", tags: ["news", "week"])
        XCTAssertEqual(fm.text, """
            ---
            title: "T"
            source: "https://e.com/x"
            author: "e.com"
            published: "2024-01-20T05:23:59+08:00"
            created: "2024-01-21"
            description: "Lead."
            tags:
              - "news"
              - "week"
            ---

            """)
    }

    func testExistingCreatedDateIsFound() {
        let fm = MarkdownFrontMatter(title: "T", source: nil, author: nil, published: nil, created: "2023-05-06", description: nil, tags: [])
        XCTAssertEqual(MarkdownFrontMatter.existingCreated(in: fm.text + "\nbody\ncreated: \"1999-01-01\"\n"), "2023-05-06")
        XCTAssertNil(MarkdownFrontMatter.existingCreated(in: "no front matter"))
    }

    func testTagsAreNormalised() {
        let options = MarkdownExportOptions(tags: ["news", " #World News ", "news", "", "#"])
        XCTAssertEqual(options.normalizedTags, ["news", "World-News"])
    }

    /// Parses the front matter back with PyYAML (a YAML 1.1 parser, like
    /// those of Obsidian and Jekyll in spirit): skipped without it unless CI.
    func testPyYAMLReadsEveryValueBack() throws {
        let python = try TestPeers.python(with: ["yaml"])
        var documents: [String] = []
        for title in Self.nastyTitles {
            let fm = MarkdownFrontMatter(title: title, source: "https://e.com/a?b=c&d=\"e\"", author: title, published: "2024-01-20T05:23:59+08:00",
                                         created: "2024-01-21", description: title, tags: ["news", title.isEmpty ? "x" : title])
            documents.append(fm.text)
        }
        // One JSON array of the parsed documents.
        let script = """
            import sys, json, yaml
            docs = sys.stdin.read().split("\\u0000")
            out = []
            for d in docs:
                body = d.split("---\\n")[1]
                out.append(yaml.safe_load(body))
            print(json.dumps(out, default=str))
            """
        let output = try TestProcess.run(python, ["-c", script], input: Data(documents.joined(separator: "\u{0}").utf8))
        let parsed = try JSONSerialization.jsonObject(with: output) as? [[String: Any]] ?? []
        XCTAssertEqual(parsed.count, Self.nastyTitles.count)
        for (title, doc) in zip(Self.nastyTitles, parsed) {
            XCTAssertEqual(doc["title"] as? String, title, "title \(title.debugDescription)")
            XCTAssertEqual(doc["author"] as? String, title)
            XCTAssertEqual(doc["description"] as? String, title.isEmpty ? nil : title)
            XCTAssertEqual(doc["source"] as? String, "https://e.com/a?b=c&d=\"e\"")
            XCTAssertEqual(doc["published"] as? String, "2024-01-20T05:23:59+08:00")
            XCTAssertEqual(doc["tags"] as? [String], ["news", title.isEmpty ? "x" : title])
        }
    }
}
