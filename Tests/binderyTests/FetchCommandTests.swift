import XCTest
import HTTPTestServer

/// `bindery fetch` as a user runs it: feeds from a loopback server into a
/// folder, then `bindery list` and `bindery epub` on that folder.
final class FetchCommandTests: XCTestCase {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Port Alder News</title>
        <link>https://news.example.org/</link>
        <item><title>Harbour reopens after the storm</title><link>https://news.example.org/harbour.html</link>
        <guid isPermaLink="false">h1</guid><pubDate>Mon, 08 Jan 2024 07:15:00 GMT</pubDate>
        <description>Short.</description>
        <content:encoded><![CDATA[<p>The harbour master lifted the closure order shortly after dawn.</p><p>Boats <b>returned</b> on Monday.</p><script>x()</script>]]></content:encoded></item>
        <item><title>Ferry fares &amp; times</title><link>https://news.example.org/ferry.html</link>
        <pubDate>Tue, 09 Jan 2024 18:30:00 +0800</pubDate><description>&lt;p&gt;Ferries every forty minutes.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/posts/"><title>Tidewater</title>
        <id>tag:t</id><updated>2024-01-12T10:00:00Z</updated>
        <entry><title type="html">Salt &lt;em&gt;marsh&lt;/em&gt; walks</title><link href="salt-marsh.html"/><id>tag:t:1</id>
        <published>2024-01-12T09:30:00+01:00</published><updated>2024-01-12T10:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Three loops across the marsh.</p></div></content></entry>
        </feed>
        """

    static let json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Hill Weather", "items": [
          {"id": "frost", "url": "https://weather.example.com/frost", "title": "Frost warning",
           "content_text": "Frost expected above 300 m.", "date_published": "2024-01-15T06:00:00Z"}]}
        """

    private var server: LocalHTTPServer!

    override func setUpWithError() throws {
        server = try LocalHTTPServer { path, _ in
            switch path {
            case "/rss.xml": return .ok(Data(Self.rss.utf8), type: "application/rss+xml")
            case "/atom.xml": return .ok(Data(Self.atom.utf8), type: "application/atom+xml")
            case "/feed.json": return .ok(Data(Self.json.utf8), type: "application/feed+json")
            case "/broken.xml": return .ok(Data("<rss><channel><item><title>Cut".utf8), type: "text/xml")
            default: return .status(404)
            }
        }
    }

    override func tearDownWithError() throws { server.stop() }

    private func fetch(_ arguments: [String]) throws -> BinderyProcess.Result {
        try BinderyProcess.run(["fetch"] + arguments + ["--host-delay", "0", "--timeout", "5"])
    }

    func testFetchedFeedsListAndBindIntoAValidBook() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let archive = folder.appendingPathComponent("news")
        let feeds = ["/rss.xml", "/atom.xml", "/feed.json"].map { server.base + $0 }
        let fetched = try fetch(feeds + ["--into", archive.path])
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        XCTAssertTrue(fetched.stderr.contains("\(server.base)/rss.xml: 2 new, 0 updated, 0 unchanged"), fetched.stderr)
        XCTAssertTrue(fetched.stderr.contains("3 feeds: 4 new, 0 updated, 0 unchanged → \(archive.path)"), fetched.stderr)

        let list = try BinderyProcess.run(["list", archive.path, "--time-zone", "UTC", "--language", "en", "--group-by", "day"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stderr, "")
        for line in [
            "  8 January 2024, 07:15  Harbour reopens after the storm",
            "  9 January 2024, 10:30  Ferry fares & times",
            "  12 January 2024, 08:30  Salt marsh walks",
            "      blog.example.net · 0 images · news/blog.example.net/2024-01-12_salt-marsh-walks_",
            "  15 January 2024, 06:00  Frost warning",
            "4 articles, 4 chapters",
        ] {
            XCTAssertTrue(list.stdout.contains(line), "missing \(line) in\n\(list.stdout)")
        }

        let book = folder.appendingPathComponent("news.epub")
        let bound = try BinderyProcess.run(["epub", archive.path, "-o", book.path, "--time-zone", "UTC", "--strict"])
        XCTAssertEqual(bound.status, 0, bound.stderr)
        let check = try ExternalTool.epubcheck(book)
        XCTAssertEqual(check.errors, 0, check.output)
        XCTAssertEqual(check.warnings, 0, check.output)
        let text = try BookContents(book).allText
        for expected in ["The harbour master lifted the closure order", "Three loops across the marsh.", "Frost expected above 300 m."] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        XCTAssertTrue(try BookContents(book).xhtmlFiles.contains { $0.1.contains("href=\"https://blog.example.net/posts/salt-marsh.html\"") },
                      "the link to the original, resolved against xml:base")

        // Again: nothing new, and the folder is as it was.
        let again = try fetch(feeds + ["--into", archive.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("3 feeds: 0 new, 0 updated, 4 unchanged"), again.stderr)
    }

    func testFeedsFromAnOPMLFileAndAFailingFeed() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let opml = folder.appendingPathComponent("subscriptions.opml")
        try Data("""
            <opml version="2.0"><body><outline text="News"><outline xmlUrl="\(server.base)/rss.xml"/>
            <outline xmlUrl="\(server.base)/gone.xml"/></outline></body></opml>
            """.utf8).write(to: opml)
        let result = try fetch(["--feeds", opml.path, "--into", folder.appendingPathComponent("a").path])
        XCTAssertEqual(result.status, 0, "one feed failing is not the run failing: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("warning: \(server.base)/gone.xml: HTTP status 404"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 feeds: 2 new, 0 updated, 0 unchanged, 1 failed"), result.stderr)
    }

    func testEveryFeedFailingExitsOne() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let result = try fetch(["\(server.base)/gone.xml", "\(server.base)/broken.xml", "--into", folder.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: every feed failed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(server.base)/broken.xml: failed: "), result.stderr)
    }

    func testUsageErrors() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        for arguments in [["--into", folder.path], ["ftp://x.example/feed", "--into", folder.path],
                          ["https://x.example/feed"], ["https://x.example/feed", "--into", folder.path, "--jobs", "0"],
                          ["--feeds", folder.appendingPathComponent("none.opml").path, "--into", folder.path]] {
            let result = try BinderyProcess.run(["fetch"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
        }
        let help = try BinderyProcess.run(["help", "fetch"])
        for option in ["--into", "--feeds", "--full-text", "--jobs", "--host-delay", "--timeout", "--max-retry-wait"] {
            XCTAssertTrue(help.stdout.contains(option), option)
        }
    }
}
