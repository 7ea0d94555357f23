import XCTest
@testable import BinderyKit

/// The small parts of `bindery fetch`: dates, file names and layout, feed
/// lists, Retry-After, the main-content extractor.
final class FeedPiecesTests: XCTestCase {
    private func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func testDatesFeedsWrite() {
        let cases: [(String, String)] = [
            ("Fri, 19 Jan 2024 21:23:59 GMT", "2024-01-19T21:23:59Z"),
            ("Fri, 19 Jan 2024 21:23:59 +0800", "2024-01-19T13:23:59Z"),
            ("19 Jan 2024 21:23 +08:00", "2024-01-19T13:23:00Z"),
            ("Friday, 19 January 2024 21:23:59 EST", "2024-01-20T02:23:59Z"),
            ("Fri, 19 Jan 24 21:23:59 GMT", "2024-01-19T21:23:59Z"),
            ("Fri, 19 Jan 2024 21:23:59 +0800 (CST)", "2024-01-19T13:23:59Z"),
            ("Fri, 19 Jan 2024 21:23:59 CET", "2024-01-19T20:23:59Z"),
            ("Fri Jan 19 2024 21:23:59 GMT+0800 (China Standard Time)", "2024-01-19T13:23:59Z"),
            ("Jan 19, 2024 21:23:59 +0000", "2024-01-19T21:23:59Z"),
            ("2024-01-19T21:23:59.250+08:00", "2024-01-19T13:23:59Z"),
            ("2024-01-19 21:23:59", "2024-01-19T21:23:59Z"),
            ("2024-01-19", "2024-01-19T12:00:00Z"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(FeedDate.parse(text)?.timeIntervalSince1970.rounded(.down), utc(expected).timeIntervalSince1970, text)
        }
        XCTAssertNil(FeedDate.parse("yesterday"))
        XCTAssertNil(FeedDate.parse("31 Feb 2024"))
        XCTAssertEqual(FeedDate.rfc1123(utc("2024-01-19T21:23:59Z")), "Fri, 19 Jan 2024 21:23:59 GMT")
        XCTAssertEqual(FeedDate.rfc1123(utc("1969-12-31T23:59:59Z")), "Wed, 31 Dec 1969 23:59:59 GMT")
    }

    func testRetryAfter() {
        let now = utc("2024-01-19T21:00:00Z")
        XCTAssertEqual(PoliteClient.retryAfter("120", now: now), 120)
        XCTAssertEqual(PoliteClient.retryAfter("Fri, 19 Jan 2024 21:05:00 GMT", now: now), 300)
        XCTAssertEqual(PoliteClient.retryAfter("Fri, 19 Jan 2024 20:00:00 GMT", now: now), 0)
        XCTAssertNil(PoliteClient.retryAfter("soon", now: now))
        XCTAssertNil(PoliteClient.retryAfter(nil, now: now))
    }

    func testFileNames() {
        let instant = utc("2024-01-19T21:23:59Z")
        let path = ArchiveEntryFile.relativePath(host: "www.Example.com_8080", instant: instant, title: "Ça va? “Yes” — 5 things",
                                                 identity: "id", contentHash: "h")
        XCTAssertTrue(path.hasPrefix("example.com_8080/2024-01-19_ça-va-yes-5-things_"), path)
        XCTAssertEqual(path, ArchiveEntryFile.relativePath(host: "www.Example.com_8080", instant: instant,
                                                           title: "Ça va? “Yes” — 5 things", identity: "id", contentHash: "h"))
        XCTAssertNotEqual(path, ArchiveEntryFile.relativePath(host: "www.Example.com_8080", instant: instant,
                                                              title: "Ça va? “Yes” — 5 things", identity: "id", contentHash: "h2"))
        XCTAssertEqual(ArchiveEntryFile.slug("青湾古镇灯会：筹备进入最后阶段"), "青湾古镇灯会-筹备进入最后阶段")
        XCTAssertEqual(ArchiveEntryFile.slug("!!! ???"), "entry")
        XCTAssertEqual(ArchiveEntryFile.slug("The town hall is closed on Friday for the lantern festival preparations."),
                       "the-town-hall-is-closed-on-friday-for-the-lantern-festival", "cut between words")
        XCTAssertLessThanOrEqual(ArchiveEntryFile.slug(String(repeating: "灯会", count: 50)).utf8.count, 60)
        XCTAssertEqual(ArchiveEntryFile.folderName("..:evil/../host"), "evil_.._host")
    }

    func testTrickyTitlesAndURLsReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-entry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            ("[视频] Brackets ] and ( parentheses )", "https://a.example/wiki/Tide_(sea)"),
            ("AT&T &amp; friends &copy; <b>not bold</b>", "https://a.example/q?a=1&b=(2"),
            ("Title with ](x) inside", "https://a.example/x"),
        ]
        for (index, (title, url)) in cases.enumerated() {
            let file = ArchiveEntryFile(title: title, url: URL(string: url)!, instant: utc("2024-01-19T21:23:59Z"),
                                        published: nil, author: nil, bodyHTML: "<p>Body \(index)\u{0}.</p>")
            try file.bytes.write(to: folder.appendingPathComponent("\(index).txt"))
        }
        let scan = ArchiveReader().scan([folder])
        XCTAssertEqual(scan.diagnostics, [])
        for (index, (title, url)) in cases.enumerated() {
            let article = scan.articles.first { $0.origin.url.lastPathComponent == "\(index).txt" }
            XCTAssertEqual(article?.title, title)
            XCTAssertEqual(article.flatMap(\.url).map { $0.absoluteString.replacingOccurrences(of: "%28", with: "(") }, url)
            XCTAssertEqual(article?.instant, utc("2024-01-19T21:23:59Z"))
        }
    }

    func testFeedLists() {
        let opml = """
            <?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
            <outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed.xml"/>
            <outline text="B" xmlUrl="https://b.example/atom"/></outline>
            <outline text="Site" type="link" url="https://c.example/"/><outline text="Bad" xmlUrl="ftp://d.example/f"/>
            <outline text="A again" xmlUrl="https://a.example/feed.xml"/></body></opml>
            """
        let read = FeedList.read(Data(opml.utf8))
        XCTAssertEqual(read.feeds.map(\.absoluteString), ["https://a.example/feed.xml", "https://b.example/atom"])
        XCTAssertEqual(read.problems, ["outline 'Bad': 'ftp://d.example/f' is not an http(s) URL"])
        let plain = FeedList.read(Data("# my feeds\n\nhttps://a.example/feed.xml\n  https://b.example/atom  \nnot a url\n".utf8))
        XCTAssertEqual(plain.feeds.map(\.absoluteString), ["https://a.example/feed.xml", "https://b.example/atom"])
        XCTAssertEqual(plain.problems, ["line 5: 'not a url' is not an http(s) URL"])
    }

    func testMainContentIsFoundAndNoiseLeftOut() throws {
        let nodes = try XCTUnwrap(MainContentExtractor.extract(FeedFetchTests.articlePage))
        let text = nodes.textContent
        XCTAssertTrue(text.contains("The estuary empties at low water"))
        XCTAssertTrue(text.contains("the lantern festival posters glow"))
        for noise in ["Home", "Most read", "Copyright", "tracking"] { XCTAssertFalse(text.contains(noise), noise) }
        XCTAssertNil(MainContentExtractor.extract("<html><body><nav><a href=/>Home</a></nav><p>Short.</p></body></html>"))
    }

    func testMainContentOfAChinesePage() throws {
        let paragraph = "距离元宵灯会还有一个多月，青湾古镇的手工艺人已经开始赶制今年的花灯，街道两旁挂满了彩灯。"
        let page = """
            <html><body><div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div>
            <div class="content"><p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></div>
            <div class="comments"><p>评论：好，很好，非常好，太好了，真好。</p></div></body></html>
            """
        let text = try XCTUnwrap(MainContentExtractor.extract(page)).textContent
        XCTAssertEqual(text, paragraph + paragraph + paragraph)
    }
}
