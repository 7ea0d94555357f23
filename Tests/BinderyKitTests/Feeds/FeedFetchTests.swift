import XCTest
@testable import BinderyKit
import HTTPTestServer

/// `FeedFetcher` against feeds served from a loopback server: what is
/// written, what is asked, and how politely.
final class FeedFetchTests: XCTestCase {
    private var server: LocalHTTPServer!
    private var folder: URL!
    private let changing = MutableFeed()

    static let summaryFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Estuary</title><id>tag:e</id><updated>2024-01-20T10:00:00Z</updated>
        <entry><title>The estuary in winter</title><link href="/articles/estuary.html"/><id>tag:e:1</id>
        <updated>2024-01-20T10:00:00Z</updated><summary>Birds, mud flats and winter light.</summary></entry></feed>
        """

    static let articlePage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>The estuary in winter</title><style>p { color: red }</style></head><body>
        <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
        <div class="sidebar"><p>Most read: a long list of links that is never part of the article, whatever its length.</p></div>
        <div id="main"><article><h1>The estuary in winter</h1>
        <p>The estuary empties at low water, and the mud flats shine under a low sun, a mile wide and full of birds.</p>
        <p>Curlews, redshanks and a single heron work the channels, while the wind, the tide and the light keep changing.</p>
        <p>By four the ferry is lit, the harbour lamps come on, and the <a href="/lanterns">lantern festival</a> posters glow.</p>
        </article></div>
        <footer><p>Copyright 2024 Tidewater Notes. All rights reserved, here, there, everywhere, always.</p></footer>
        <script>document.write("tracking")</script></body></html>
        """

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-feeds-\(UUID().uuidString)")
        let gbk = FeedFixtures.encoded(FeedFixtures.chinese(declaring: nil), as: "GBK")
        let rss = Data(FeedFixtures.rss.utf8)
        let gzipped = try Self.gzip(Data(FeedFixtures.atom.utf8))
        let changing = self.changing
        server = try LocalHTTPServer(detailedHandler: { request in
            switch request.pathAndQuery {
            case "/rss.xml":
                if request.headers["if-none-match"] == "\"v1\"" { return .init(status: 304, headers: [("ETag", "\"v1\"")]) }
                return .init(status: 200, headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v1\""),
                                                    ("Last-Modified", "Mon, 15 Jan 2024 10:00:00 GMT")], body: rss)
            case "/atom.xml": return .ok(Data(FeedFixtures.atom.utf8), type: "application/atom+xml")
            case "/feed.json": return .ok(Data(FeedFixtures.json.utf8), type: "application/feed+json")
            case "/gbk.xml": return .ok(gbk, type: "application/rss+xml; charset=GBK")
            case "/ill.xml": return .ok(Data(FeedFixtures.illFormed.utf8), type: "text/xml")
            case "/moved.xml": return .redirect("/rdf.xml", status: 301)
            case "/elsewhere.xml": return .redirect("/rdf.xml", status: 302)
            case "/rdf.xml": return .ok(Data(FeedFixtures.rdf.utf8), type: "application/rdf+xml")
            case "/busy.xml":
                return request.previousHits == 0
                    ? .init(status: 429, headers: [("Retry-After", "1")], body: Data("slow down".utf8))
                    : .ok(Data(FeedFixtures.json.utf8), type: "application/feed+json")
            case "/closed.xml": return .init(status: 503, headers: [("Retry-After", "3600")])
            case "/gzip.xml":
                guard request.headers["accept-encoding"]?.contains("gzip") == true else { return .status(406) }
                return .init(status: 200, headers: [("Content-Type", "application/atom+xml"), ("Content-Encoding", "gzip")], body: gzipped)
            case "/changing.xml": return .ok(Data(changing.text.utf8), type: "application/rss+xml")
            case "/summary.xml": return .ok(Data(Self.summaryFeed.utf8), type: "application/atom+xml")
            case "/articles/estuary.html": return .ok(Data(Self.articlePage.utf8), type: "text/html; charset=utf-8")
            case "/html.xml": return .ok(Data("<html><body>Not a feed</body></html>".utf8), type: "text/html")
            default: return .status(404)
            }
        })
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func options(hostDelay: TimeInterval = 0, fullText: Bool = false) -> FeedFetchOptions {
        var options = FeedFetchOptions()
        options.hostDelay = hostDelay
        options.timeout = 5
        options.retryDelay = 0.1
        options.maxRetryWait = 5
        options.fullText = fullText
        return options
    }

    private func fetch(_ paths: [String], options: FeedFetchOptions? = nil) throws -> (reports: [FeedReport], warnings: [Diagnostic]) {
        let log = DiagnosticLog()
        let fetcher = try FeedFetcher(archive: folder, options: options ?? self.options(), log: log)
        return (try fetcher.run(paths.map { server.url($0) }), log.all)
    }

    /// The archive files, relative to the folder, with their bytes.
    private func archiveFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "txt" else { continue }
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    private func scan() -> ArchiveScan { ArchiveReader().scan([folder]) }

    // MARK: - Writing and reading back

    func testEveryEntryIsWrittenAndReadsBackWithItsTitleURLAndInstant() throws {
        let start = Date()
        let (reports, warnings) = try fetch(["/rss.xml", "/atom.xml", "/feed.json", "/gbk.xml", "/ill.xml"])
        XCTAssertEqual(reports.map(\.status), [.fetched(.rss), .fetched(.atom), .fetched(.json), .fetched(.rss), .fetched(.rss)])
        XCTAssertEqual(reports.map(\.new), [5, 3, 2, 2, 3])
        XCTAssertEqual(warnings.filter { $0.file == server.url("/ill.xml").absoluteString }.count, 2, "\(warnings)")

        let scan = self.scan()
        XCTAssertEqual(scan.diagnostics, [], "the archive reader reads every file without complaint")
        XCTAssertEqual(scan.articles.count, 15)
        // Each entry as the parser read it, against the article the reader made of its file.
        for (path, text) in [("/rss.xml", FeedFixtures.rss), ("/atom.xml", FeedFixtures.atom), ("/feed.json", FeedFixtures.json),
                             ("/ill.xml", FeedFixtures.illFormed)] {
            for entry in try FeedParser.parse(Data(text.utf8), url: server.url(path)).entries {
                let article = try XCTUnwrap(scan.articles.first { $0.url == entry.link }, "\(entry.link?.absoluteString ?? "-")")
                if let title = entry.title { XCTAssertEqual(article.title, title) }
                if let date = entry.date {
                    XCTAssertEqual(article.instant, date)
                } else {
                    // Undated: the first-seen time.
                    XCTAssertEqual(article.instant!.timeIntervalSince1970, start.timeIntervalSince1970, accuracy: 60)
                }
            }
        }
        XCTAssertEqual(scan.articles.first { $0.url?.host == "www.example.cn" && $0.title.hasPrefix("朱镕基") }?.instant,
                       Date(timeIntervalSince1970: 1_704_765_600))
        // No title: the first words of the text stand in.
        XCTAssertTrue(scan.articles.contains { $0.title == "The town hall is closed on Friday for the lantern festival preparations." })
    }

    func testAFileHasTheArchiversLayout() throws {
        _ = try fetch(["/rss.xml"])
        let files = try archiveFiles()
        let name = try XCTUnwrap(files.keys.first { $0.hasPrefix("news.example.org/2024-01-08_harbour-reopens-after-the-january-storm_") })
        XCTAssertTrue(name.hasSuffix(".txt"))
        XCTAssertEqual(name.count, "news.example.org/2024-01-08_harbour-reopens-after-the-january-storm_".count + 10 + 4)
        XCTAssertEqual(String(decoding: files[name]!, as: UTF8.self), """
            <!--1704698100000-->
            [Harbour reopens after the January storm](https://news.example.org/port-alder/harbour-reopens.html)
            ------

            <div><i>Jane Doe<br>Mon, 08 Jan 2024 07:15:00 GMT</i></div><p>The harbour master lifted the closure order shortly after dawn, four days after waves damaged the northern breakwater.</p><p>Fishing boats returned to the <a href="\(server.base)/port-alder/basin.html">inner basin</a> on Monday morning.</p><img src="\(server.base)/img/boats.jpg" alt="Boats in the basin"/>

            """)
        let ferry = try XCTUnwrap(files.first { $0.key.contains("ferry-timetable-fares-what-changes-on-monday") })
        XCTAssertTrue(String(decoding: ferry.value, as: UTF8.self).contains("[Ferry timetable &amp; fares — what changes on Monday]"),
                      "a literal & is written as an entity the reader decodes")
        // The picture the feed names beside a summary goes in front of it.
        let lanterns = try XCTUnwrap(files.first { $0.key.contains("lantern-festival-volunteers-wanted") })
        XCTAssertFalse(String(decoding: lanterns.value, as: UTF8.self).contains("<img"))
    }

    // MARK: - Idempotence

    func testASecondRunAsksConditionallyAndWritesNothing() throws {
        _ = try fetch(["/rss.xml", "/atom.xml"])
        let before = try archiveFiles()
        let stateBefore = try Data(contentsOf: folder.appendingPathComponent(".bindery-feeds.json"))
        let (reports, _) = try fetch(["/rss.xml", "/atom.xml"])
        XCTAssertEqual(reports[0].status, .notModified)
        XCTAssertEqual(reports[0].summaryLine, "\(server.base)/rss.xml: not modified")
        XCTAssertEqual(reports[1].status, .fetched(.atom))
        XCTAssertEqual([reports[1].new, reports[1].updated, reports[1].unchanged], [0, 0, 3])
        XCTAssertEqual(try archiveFiles(), before, "no file written or changed")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(".bindery-feeds.json")), stateBefore)
        let second = server.requests.filter { $0.pathAndQuery == "/rss.xml" }.last!
        XCTAssertEqual(second.headers["if-none-match"], "\"v1\"")
        XCTAssertEqual(second.headers["if-modified-since"], "Mon, 15 Jan 2024 10:00:00 GMT")
    }

    func testAChangedEntryGetsANewFileWithANewerInstant() throws {
        changing.text = FeedFixtures.rdf
        _ = try fetch(["/changing.xml"])
        changing.text = FeedFixtures.rdf.replacingOccurrences(of: "An RSS 1.0 item.", with: "An RSS 1.0 item, corrected.")
        let (reports, _) = try fetch(["/changing.xml"])
        XCTAssertEqual([reports[0].new, reports[0].updated, reports[0].unchanged], [0, 1, 0])
        let articles = scan().articles.filter { $0.url?.absoluteString == "https://rdf.example.org/a" }
        XCTAssertEqual(articles.count, 2, "the old copy stays; readers keep the newest")
        XCTAssertEqual(articles[1].instant!.timeIntervalSince(articles[0].instant!), 0.001, accuracy: 0.0001)
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(articles)
        XCTAssertEqual(digest.articleCount, 1)
        let kept = try XCTUnwrap(digest.chapters.first?.articles.first)
        XCTAssertTrue(try ArchiveReader().loadBody(of: kept).contains("corrected"))
        // And again: nothing new.
        XCTAssertEqual(try fetch(["/changing.xml"]).reports[0].unchanged, 1)
    }

    func testTheSameArticleInTwoFeedsIsArchivedOnce() throws {
        changing.text = FeedFixtures.rdf
        _ = try fetch(["/rdf.xml", "/changing.xml"])
        XCTAssertEqual(scan().articles.count, 1)
    }

    func testALostStateFileWritesNothingTwice() throws {
        _ = try fetch(["/atom.xml"])
        let before = try archiveFiles()
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".bindery-feeds.json"))
        let (reports, _) = try fetch(["/atom.xml"])
        XCTAssertEqual(reports[0].unchanged, 3)
        XCTAssertEqual(try archiveFiles(), before)
    }

    // MARK: - The network

    func testRetryAfterIsHonoured() throws {
        let (reports, _) = try fetch(["/busy.xml"])
        XCTAssertEqual(reports[0].status, .fetched(.json))
        let asked = server.requests.filter { $0.pathAndQuery == "/busy.xml" }
        XCTAssertEqual(asked.count, 2)
        XCTAssertGreaterThanOrEqual(asked[1].received.timeIntervalSince(asked[0].answered!), 0.9)
    }

    func testALongerRetryAfterIsRememberedNotWaitedFor() throws {
        let start = Date()
        let (reports, _) = try fetch(["/closed.xml", "/rdf.xml"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "the hour is not waited for")
        guard case .failed(let reason) = reports[0].status else { return XCTFail("\(reports[0].status)") }
        XCTAssertTrue(reason.hasPrefix("HTTP status 503, asked to wait 3600 s"), reason)
        XCTAssertTrue(reports[1].failed, "the host asked for a pause: its other feeds wait too")
        XCTAssertEqual(server.hitCount("/rdf.xml"), 0)
        let again = try fetch(["/closed.xml"]).reports[0]
        guard case .waiting(let until) = again.status else { return XCTFail("\(again.status)") }
        XCTAssertEqual(until.timeIntervalSince(start), 3600, accuracy: 10)
        XCTAssertEqual(server.hitCount("/closed.xml"), 1, "not asked again before the time it named")
    }

    func testAPermanentRedirectIsRememberedATemporaryOneIsNot() throws {
        let first = try fetch(["/moved.xml", "/elsewhere.xml"]).reports
        XCTAssertEqual(first[0].movedTo, server.url("/rdf.xml"))
        XCTAssertTrue(first[0].summaryLine.hasSuffix("(moved permanently to \(server.base)/rdf.xml)"))
        XCTAssertNil(first[1].movedTo)
        _ = try fetch(["/moved.xml", "/elsewhere.xml"])
        XCTAssertEqual(server.hitCount("/moved.xml"), 1, "asked at its new address")
        XCTAssertEqual(server.hitCount("/elsewhere.xml"), 2)
        XCTAssertEqual(scan().articles.count, 1)
    }

    func testGzipIsAskedForAndDecoded() throws {
        let (reports, _) = try fetch(["/gzip.xml"])
        XCTAssertEqual(reports[0].status, .fetched(.atom))
        XCTAssertEqual(reports[0].new, 3)
    }

    func testOneRequestAtATimePerHostWithAPause() throws {
        _ = try fetch(["/rss.xml", "/atom.xml", "/feed.json"], options: options(hostDelay: 0.3))
        let requests = server.requests.sorted { $0.received < $1.received }
        XCTAssertEqual(requests.count, 3)
        for (earlier, later) in zip(requests, requests.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later.received.timeIntervalSince(earlier.answered!), 0.25)
        }
        for request in requests {
            XCTAssertEqual(request.headers["user-agent"], BinderyVersion.userAgent)
            XCTAssertTrue(request.headers["accept"]?.hasPrefix("application/rss+xml, application/atom+xml") == true)
        }
    }

    func testFailuresAreReportedAndTheOtherFeedsStillFetched() throws {
        let (reports, _) = try fetch(["/missing.xml", "/html.xml", "/rdf.xml"])
        XCTAssertEqual(reports[0].status, .failed("HTTP status 404"))
        XCTAssertEqual(reports[1].status, .failed("not a feed (root element <html>)"))
        XCTAssertEqual(reports[2].new, 1)
    }

    func testTwoRunsCannotWriteIntoOneFolderAtOnce() throws {
        let first = try FeedFetcher(archive: folder, options: options(), log: DiagnosticLog())
        XCTAssertThrowsError(try FeedFetcher(archive: folder, options: options(), log: DiagnosticLog())) { error in
            XCTAssertTrue("\(error)".hasSuffix("another bindery fetch is writing into this folder"), "\(error)")
        }
        withExtendedLifetime(first) {}
    }

    // MARK: - Full text

    func testFullTextKeepsTheArticlePagesMainContentLabelled() throws {
        _ = try fetch(["/summary.xml"], options: options(fullText: true))
        let body = try XCTUnwrap(try archiveFiles().values.first).utf8String
        XCTAssertTrue(body.contains(ArchiveEntryFile.fullTextLabel))
        XCTAssertTrue(body.contains("Curlews, redshanks and a single heron"))
        XCTAssertTrue(body.contains("href=\"\(server.base)/lanterns\""), "links resolved against the page")
        for noise in ["Most read", "Home", "Copyright", "tracking", "color: red"] {
            XCTAssertFalse(body.contains(noise), "\(noise) in \(body)")
        }
        XCTAssertFalse(body.contains("Birds, mud flats"), "the summary is replaced")
    }

    func testWithoutFullTextTheSummaryIsKept() throws {
        _ = try fetch(["/summary.xml"])
        let body = try XCTUnwrap(try archiveFiles().values.first).utf8String
        XCTAssertTrue(body.contains("Birds, mud flats and winter light."))
        XCTAssertEqual(server.hitCount("/articles/estuary.html"), 0)
    }

    // MARK: - Helpers

    static func gzip(_ data: Data) throws -> Data {
        try TestProcess.run("/bin/gzip", ["-c", "-n"], input: data)
    }
}

/// A feed a test changes between runs.
final class MutableFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    var text: String {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}

extension Data {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
