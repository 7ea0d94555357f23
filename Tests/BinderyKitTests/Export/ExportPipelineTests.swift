import XCTest
@testable import BinderyKit
import HTTPTestServer

/// The pipeline binds one batch while it cleans the next: whatever the batch
/// size, articles, their new pictures, prepared pages and diagnostics must
/// come out in book order, as if articles went through one at a time.
final class ExportPipelineTests: XCTestCase {
    private struct Run: Equatable {
        var articles: [String] = []
        var newAssets: [[String]] = []
        var prepared: [String] = []
        var diagnostics: [String] = []
    }

    /// Twelve articles: a picture three of them share, one each of their
    /// own, pictures that are not there, bodies with nothing to read.
    private func archive() throws -> URL {
        let root = try AssetsFixtures.temporaryFolder()
        try PictureFixtures.photo(width: 40, height: 30, as: ".png").write(to: root.appendingPathComponent("shared.png"))
        for index in 1...12 {
            try PictureFixtures.photo(width: 20 + index, height: 10, as: ".png")
                .write(to: root.appendingPathComponent("own-\(index).png"))
            var body = "<p>Article \(index).</p>"
            if index % 4 == 1 { body += "<img src=\"shared.png\" alt=\"shared\">" }
            if index % 3 == 0 { body += "<img src=\"own-\(index).png\" alt=\"own\">" }
            if index % 5 == 2 { body += "<img src=\"gone-\(index).png\" alt=\"gone\">" }
            if index % 6 == 4 { body = "<script>x()</script>" }
            let text = "<!--\(1_700_000_000_000 + index * 60_000)-->\n[Title \(index)](https://news.example/\(index))\n------\n\n\(body)\n"
            try text.write(to: root.appendingPathComponent(String(format: "%03d_a.txt", index)), atomically: true, encoding: .utf8)
        }
        return root
    }

    private func run(_ archive: URL, batchSize: Int) throws -> Run {
        let scan = ArchiveReader().scan([archive])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(scan.articles)
        var options = AssetsFixtures.options(cache: archive.appendingPathComponent("cache"), offline: true)
        options.acceptedTypes = AssetOptions.epubTypes
        let log = DiagnosticLog()
        let pipeline = ArticlePipeline(digest: digest, binding: .init(resolver: AssetResolver(options: options)),
                                       log: log, batchSize: batchSize)
        var run = Run()
        try pipeline.forEachArticle(preparing: { $0.article.origin.displayName + ":" + String($0.cleaned.body.count) }) { article, prepared in
            run.articles.append(article.article.origin.displayName)
            run.newAssets.append(article.newAssets.map(\.fileName))
            run.prepared.append(prepared)
        }
        run.diagnostics = log.all.map { "\($0.file ?? ""): \($0.message)" }
        XCTAssertEqual(run.articles, digest.articles.map(\.origin.displayName), "book order, batch size \(batchSize)")
        return run
    }

    func testEveryBatchSizeGivesTheSameArticlesPicturesAndDiagnosticsInBookOrder() throws {
        let archive = try archive()
        defer { try? FileManager.default.removeItem(at: archive) }
        let reference = try run(archive, batchSize: 1)
        XCTAssertEqual(reference.articles.count, 12)
        // The shared picture is new once, in the first article showing it; each own picture once.
        XCTAssertEqual(reference.newAssets.map(\.count), [1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1])
        // Article by article, in book order.
        XCTAssertEqual(reference.diagnostics.map { $0.split(separator: "/").last.map(String.init) ?? $0 }, [
            "002_a.txt: image gone-2.png left out: not in the image cache (offline)",
            "004_a.txt: the article body has no readable content",
            "007_a.txt: image gone-7.png left out: not in the image cache (offline)",
            "010_a.txt: the article body has no readable content",
            "012_a.txt: image gone-12.png left out: not in the image cache (offline)",
        ])
        for batchSize in [2, 3, 5, 64] {
            XCTAssertEqual(try run(archive, batchSize: batchSize), reference, "batch size \(batchSize)")
        }
    }

    func testAConsumerThatStopsEndsTheProducerToo() {
        let (digest, _) = ExportSamplesFixture.digest()
        struct Stop: Error {}
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: DiagnosticLog(), batchSize: 2)
        var seen = 0
        XCTAssertThrowsError(try pipeline.forEachArticle { _ in
            seen += 1
            if seen == 3 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 3)
    }

    /// A consumer that gives up after dawdling: once it has refused a batch,
    /// no picture is downloaded for any later batch. (Run after the other
    /// tests here, this also caught a heap corruption at a thread's exit,
    /// in half the runs, when each export invalidated its own URLSession:
    /// see `SessionHub`.)
    func testNoPictureIsFetchedForBatchesAfterTheConsumerGivesUp() throws {
        let png = try PictureFixtures.photo(width: 20, height: 10, as: ".png")
        let server = try LocalHTTPServer { path, _ in path.hasPrefix("/p") ? .ok(png, type: "image/png") : .status(404) }
        defer { server.stop() }
        let root = try AssetsFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 1...6 {
            let text = "<!--\(1_700_000_000_000 + index * 60_000)-->\n[Title \(index)](https://news.example/\(index))\n------\n\n<p>Article \(index).</p><img src=\"\(server.base)/p\(index).png\" alt=\"p\">\n"
            try text.write(to: root.appendingPathComponent(String(format: "%03d_a.txt", index)), atomically: true, encoding: .utf8)
        }
        let scan = ArchiveReader().scan([root])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(scan.articles)
        var options = AssetsFixtures.options(cache: root.appendingPathComponent("cache"))
        options.acceptedTypes = AssetOptions.epubTypes
        let pipeline = ArticlePipeline(digest: digest, binding: .init(resolver: AssetResolver(options: options)),
                                       log: DiagnosticLog(), batchSize: 1)
        struct Stop: Error {}
        XCTAssertThrowsError(try pipeline.forEachArticle { _ in
            Thread.sleep(forTimeInterval: 1)
            throw Stop()
        }) { XCTAssertTrue($0 is Stop) }
        let fetched = (1...6).filter { server.hitCount("/p\($0).png") > 0 }
        XCTAssertEqual(fetched, [1, 2, 3], "pictures fetched for batches after the refused one")
    }
}
