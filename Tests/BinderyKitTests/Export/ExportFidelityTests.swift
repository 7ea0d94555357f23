import XCTest
@testable import BinderyKit

/// Every word of every sample article survives into Markdown (as a real
/// CommonMark parser reads it) and into plain text (with its wrapping undone).
final class ExportFidelityTests: XCTestCase {
    func testSamplesLoseNoTextInMarkdownAsCmarkReadsIt() throws {
        try requireCmark()
        let articles = try ExportSamplesFixture.cleanedArticles()
        XCTAssertGreaterThanOrEqual(articles.count, 20)
        let renderer = MarkdownRenderer(images: .remote)
        let htmls = try MarkdownCMark.htmlOfEach(articles.map { renderer.render($0.cleaned.body) })
        XCTAssertEqual(htmls.count, articles.count, "an article's Markdown broke the document apart")
        for (article, html) in zip(articles, htmls) {
            ExportSamplesFixture.assertRunsAppearInOrder(
                ExportSamplesFixture.textRuns(article.cleaned.body), in: MarkdownCMark.visibleText(html),
                article.article.origin.displayName)
        }
    }

    func testSamplesLoseNoTextInPlainText() throws {
        let (digest, metadata) = ExportSamplesFixture.digest()
        let exporter = PlainTextExporter(metadata: metadata, digest: digest, width: 40)
        for article in try ExportSamplesFixture.cleanedArticles() {
            let text = exporter.article(article)
            // Undo the layout: quote markers at line starts go, line breaks are whitespace.
            let unwrapped = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: #"^[ >]*"#, with: "", options: .regularExpression) }
                .joined(separator: "\n")
            ExportSamplesFixture.assertRunsAppearInOrder(
                ExportSamplesFixture.textRuns(article.cleaned.body), in: unwrapped, article.article.origin.displayName)
            for line in text.split(separator: "\n") where DisplayWidth.of(line) > 40 {
                // Only an unbreakable token (a URL, a long word) may overflow.
                let longest = line.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0
                XCTAssertGreaterThan(longest, 32, "\(article.article.origin.displayName): line wider than 40 columns: \(line)")
            }
        }
    }

    func testSampleNotesFrontMatterParsesAsYAMLWithTheRightTitles() throws {
        let python = try TestPeers.python(with: ["yaml"])
        let (digest, metadata) = ExportSamplesFixture.digest()
        let folder = try TestFolder()
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: DiagnosticLog())
        let summary = try MarkdownExporter(options: MarkdownExportOptions(images: .remote), metadata: metadata, digest: digest)
            .export(pipeline, to: folder.url)
        XCTAssertEqual(summary.notes.count, digest.articleCount)
        let script = """
            import json, sys, yaml
            out = []
            for path in sys.argv[1:]:
                text = open(path, encoding="utf-8").read()
                assert text.startswith("---\\n"), path
                meta = yaml.safe_load(text[4:text.index("\\n---\\n", 4)])
                out.append([meta["title"], meta["published"], meta["tags"]])
            print(json.dumps(out, ensure_ascii=False))
            """
        let paths = summary.notes.map { folder.url.appendingPathComponent($0).path }
        let result = try ExternalTool.run(python, ["-c", script] + paths)
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONSerialization.jsonObject(with: result.stdout) as? [[Any]] ?? []
        // Titles as readers see them: a site rule's marker ("[视频] …") included.
        XCTAssertEqual(parsed.compactMap { $0.first as? String }, digest.articles.map(\.displayTitle))
        for entry in parsed {
            XCTAssertNotNil((entry[1] as? String).flatMap { ISO8601DateFormatter().date(from: $0) }, "\(entry)")
            // The export's tag first, then the article's own (rel=tag links).
            XCTAssertEqual((entry[2] as? [String])?.first, "news", "\(entry)")
        }
    }

    private func requireCmark() throws {
        guard MarkdownCMark.path != nil else {
            if MarkdownCMark.isCI { XCTFail("cmark-gfm is required in CI (.ci/install-deps)") }
            throw XCTSkip("cmark-gfm is not installed")
        }
    }
}
