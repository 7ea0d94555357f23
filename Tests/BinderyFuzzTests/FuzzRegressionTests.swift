import Foundation
import XCTest
@testable import BinderyKit

/// The fuzz oracle outside libFuzzer: every input fuzzing found a problem
/// with (Fuzz/Regressions, one small file per finding) and every sample
/// article passes it, and the oracle itself notices what it is there to
/// notice (each check is fed an output that breaks it).
final class FuzzRegressionTests: XCTestCase {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    private func assertPasses(_ file: URL, line: UInt = #line) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        XCTAssertEqual(ArticleOracle.findings(bytes).map(\.description), [], file.lastPathComponent, line: line)
    }

    func testRegressionInputsPass() throws {
        let folder = Self.fuzzFolder.appendingPathComponent("Regressions")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files.sorted(by: { $0.path < $1.path }) {
            try assertPasses(file)
            // Each was a real article: the oracle had text to look for.
            let read = ArchiveReader().read(bytes: [UInt8](try Data(contentsOf: file)), as: ArticleOracle.file)
            XCTAssertNotNil(read.article, file.lastPathComponent)
            XCTAssertFalse(VisibleText.runs(HTMLParser.parseFragment(read.body)).isEmpty, file.lastPathComponent)
        }
    }

    func testSamplesPass() throws {
        let samples = Self.fuzzFolder.deletingLastPathComponent().appendingPathComponent("Samples")
        let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { ["txt", "md"].contains($0.pathExtension) && $0.lastPathComponent != "README.md" }
        XCTAssertGreaterThanOrEqual(files.count, 20)
        for file in files { try assertPasses(file) }
    }

    // MARK: The oracle notices

    func testVisibleTextSkipsOnlyWhatReadersDoNotSee() {
        let body = HTMLParser.parseFragment("""
            <div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>a<script>s()</script><noscript>n</noscript>b<video>v</video>\
            <dialog>d</dialog><dialog open>o</dialog><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>c<wbr>w</p>\
            <div>获取更多RSS：<a href="https://feedx.net">feedx</a></div>
            """)
        XCTAssertEqual(VisibleText.runs(body).filter { !$0.isBlank }, ["a", "b", "o", "漢", "kan", "c", "w"])
    }

    func testSkeletonsIgnoreLayoutButNotText() {
        let runs = TextRuns(["Port Alder harbour", "重新开放", "a > b"], .lineOriented)
        XCTAssertNil(runs.firstMissing(in: "Port\n> Alder  harbour 重新\n开放 a b"))
        XCTAssertEqual(runs.firstMissing(in: "Port Alder harbor 重新开放 a > b"), "Port Alder harbour")
        XCTAssertEqual(TextRuns(["x", "x"], .xhtml).firstMissing(in: "x y"), "x", "a run twice in the input must be there twice")
        XCTAssertEqual(TextRuns(["a>b"], .xhtml).firstMissing(in: "ab"), "a>b")
    }

    func testXHTMLChecksCatchWhatMustNotBeInABook() {
        let checks = XHTMLChecks(imageFolder: "../images/")
        func problems(_ body: String) -> [String] {
            checks.check("""
                <?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>\
                <body>\(body)</body></html>
                """).problems
        }
        XCTAssertEqual(problems("<p id=\"x\">ok <a href=\"#x\">here</a> <a href=\"https://e.example/\">e</a><img src=\"../images/a.png\" alt=\"\"/></p>"), [])
        XCTAssertFalse(problems("<p>unclosed</b></p>").isEmpty)
        XCTAssertFalse(problems("<p>&nbsp;</p>").isEmpty, "HTML entities are not XML's")
        XCTAssertFalse(problems("<script>alert(1)</script>").isEmpty)
        XCTAssertFalse(problems("<p onclick=\"x()\">p</p>").isEmpty)
        XCTAssertFalse(problems("<p style=\"color:red\">p</p>").isEmpty)
        XCTAssertFalse(problems("<a href=\"javascript:alert(1)\">a</a>").isEmpty)
        XCTAssertFalse(problems("<a href=\" javascript:alert(1)\">a</a>").isEmpty)
        XCTAssertFalse(problems("<a href=\"file:///etc/passwd\">a</a>").isEmpty)
        XCTAssertFalse(problems("<img src=\"https://e.example/a.png\" alt=\"\"/>").isEmpty)
        XCTAssertFalse(problems("<img src=\"../images/../../a.png\" alt=\"\"/>").isEmpty)
        XCTAssertFalse(problems("<a href=\"#nowhere\">a</a>").isEmpty)
        XCTAssertFalse(problems("<span id=\"d\"></span><span id=\"d\"></span>").isEmpty)
    }

    func testMarkdownChecksCatchSyntaxThatIsNotBinderys() {
        let checks = MarkdownChecks(attachmentsFolder: "attachments")
        XCTAssertEqual(checks.check("a <sup>2</sup> \\<script> `<b>` [w](https://e.example/) <https://e.example/x> ![p](attachments/a.png)\n\n```\n<div>\n```").problems, [])
        // Link text stays (its `[` too: the check looks for runs, not syntax).
        XCTAssertEqual(checks.check("\\*not\\* `co\\|de` [t](https://e.example/)").text, "*not* co|de [t\n")
        XCTAssertFalse(checks.check("a <script>x</script>").problems.isEmpty)
        XCTAssertFalse(checks.check("[a](javascript:alert(1))").problems.isEmpty)
        XCTAssertFalse(checks.check("<javascript:alert(1)>").problems.isEmpty)
        XCTAssertFalse(checks.check("![p](https://e.example/a.png)").problems.isEmpty)
        XCTAssertFalse(checks.check("![p](file:///etc/passwd)").problems.isEmpty)
        XCTAssertFalse(checks.check("- item <img src=x onerror=alert(1)>").problems.isEmpty)
    }

    func testOracleReportsLostTextAndForbiddenLinks() {
        let header = "<!--1705700343000-->\n[Title](https://example.com/a.html)\n------\n\n"
        XCTAssertEqual(ArticleOracle.findings(Array((header + "<p>fine <b>text</b></p>").utf8)).map(\.description), [])
        // The model's promises are checked before any renderer sees it.
        XCTAssertEqual(ArticleOracle.modelFindings([.paragraph([.link(href: "javascript:x", [.text("a")])])]).count, 1)
        XCTAssertEqual(ArticleOracle.modelFindings([.paragraph([.link(href: "#gone", [.text("a")])])]).count, 1)
        XCTAssertEqual(ArticleOracle.modelFindings([.embed(Embed(kind: .video, url: "file:///x"))]).count, 1)
    }
}
