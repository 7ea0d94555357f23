import XCTest
@testable import BinderyKit

/// Bindery's feed parser against a real third-party one: Python's
/// `feedparser` (Debian's python3-feedparser, installed by
/// `.ci/install-deps`) reads the same test feeds, and the titles, links,
/// dates and content text must agree. feedparser 6 does not read JSON Feed,
/// so that format is checked against Python's own `json`, `urljoin` and
/// `datetime.fromisoformat`.
final class FeedparserAgreementTests: XCTestCase {
    static let base = "http://127.0.0.1:8080/feeds/"

    /// Name, bytes, Content-Type.
    static var xmlFeeds: [(String, Data, String?)] {
        [
            ("rss.xml", Data(FeedFixtures.rss.utf8), "application/rss+xml"),
            ("atom.xml", Data(FeedFixtures.atom.utf8), "application/atom+xml"),
            ("gb2312.xml", FeedFixtures.encoded(FeedFixtures.chinese(declaring: "gb2312"), as: "GBK"), nil),
            ("gbk-in-http.xml", FeedFixtures.encoded(FeedFixtures.chinese(declaring: nil), as: "GBK"), "text/xml; charset=gbk"),
            ("ill-formed.xml", Data(FeedFixtures.illFormed.utf8), "text/xml"),
            ("rdf.xml", Data(FeedFixtures.rdf.utf8), "application/rdf+xml"),
        ]
    }

    static let feedparserScript = """
        import sys, json, calendar, feedparser
        out = []
        for path, url, ctype in json.load(sys.stdin):
            headers = {'content-location': url}
            if ctype: headers['content-type'] = ctype
            d = feedparser.parse(open(path, 'rb').read(), response_headers=headers)
            entries = []
            for e in d.entries:
                if not e.get('link') and not e.get('title'):
                    continue  # the torn end of a cut-off feed
                content = e.get('content')
                t = e.get('published_parsed') or e.get('updated_parsed')
                entries.append({'title': e.get('title'), 'link': e.get('link'),
                                'date': calendar.timegm(t) if t else None,
                                'html': content[0].value if content else e.get('summary', '')})
            out.append(entries)
        print(json.dumps(out))
        """

    static let jsonFeedScript = """
        import sys, json, datetime, html, urllib.parse
        path, url = json.load(sys.stdin)
        feed = json.load(open(path, encoding='utf-8'))
        out = []
        for item in feed['items']:
            link = item.get('url') or item.get('external_url')
            date = item.get('date_published') or item.get('date_modified')
            body = item.get('content_html')
            if body is None: body = html.escape(item.get('content_text', ''))
            out.append({'title': item.get('title'), 'link': urllib.parse.urljoin(url, link) if link else None,
                        'date': int(datetime.datetime.fromisoformat(date).timestamp()) if date else None, 'html': body})
        print(json.dumps(out))
        """

    private struct Expected: Decodable {
        var title: String?
        var link: String?
        var date: Int?
        var html: String
    }

    func testFeedparserReadsTheSameEntries() throws {
        let python = try Self.python(importing: "feedparser")
        let folder = try temporaryFolder()
        var jobs: [[String?]] = []
        for (name, data, type) in Self.xmlFeeds {
            try data.write(to: folder.appendingPathComponent(name))
            jobs.append([folder.appendingPathComponent(name).path, Self.base + name, type])
        }
        let output = try Self.run(python, script: Self.feedparserScript, input: try JSONSerialization.data(withJSONObject: jobs))
        let expected = try JSONDecoder().decode([[Expected]].self, from: output)
        for ((name, data, type), theirs) in zip(Self.xmlFeeds, expected) {
            let ours = try FeedParser.parse(data, contentType: type, url: URL(string: Self.base + name)).entries
            compare(ours, theirs, feed: name)
        }
    }

    func testJSONFeedAgreesWithPythonsJSONReading() throws {
        let python = try Self.python(importing: "json")
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("feed.json")
        try Data(FeedFixtures.json.utf8).write(to: path)
        let url = Self.base + "feed.json"
        let output = try Self.run(python, script: Self.jsonFeedScript, input: try JSONSerialization.data(withJSONObject: [path.path, url]))
        let ours = try FeedParser.parse(Data(FeedFixtures.json.utf8), url: URL(string: url)).entries
        compare(ours, try JSONDecoder().decode([Expected].self, from: output), feed: "feed.json")
    }

    private func compare(_ ours: [FeedEntry], _ theirs: [Expected], feed: String) {
        XCTAssertEqual(ours.count, theirs.count, "\(feed): entry count")
        for (index, (entry, other)) in zip(ours, theirs).enumerated() {
            let label = "\(feed) entry \(index + 1)"
            XCTAssertEqual(entry.title, other.title.map { (Self.text(ofHTML: $0)).collapsingWhitespace() }, label)
            XCTAssertEqual(entry.link?.absoluteString, other.link, label)
            XCTAssertEqual(entry.date.map { Int($0.timeIntervalSince1970) }, other.date, label)
            XCTAssertEqual(Self.comparableText(entry.bodyHTML), Self.comparableText(other.html), label)
            XCTAssertFalse(Self.comparableText(entry.bodyHTML).isEmpty, label)
        }
    }

    /// The text of an HTML fragment with all white space removed: the two
    /// parsers may lay out blocks differently, never the words.
    static func comparableText(_ html: String) -> String {
        String(String.UnicodeScalarView(text(ofHTML: html).unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }))
    }

    static func text(ofHTML html: String) -> String { HTMLParser.parseFragment(html).textContent }

    // MARK: - Running Python

    /// A python3 that can import `module` (skip locally, fail when CI is set).
    static func python(importing module: String) throws -> String {
        try TestPeers.python(with: [module])
    }

    static func run(_ python: String, script: String, input: Data) throws -> Data {
        try TestProcess.run(python, ["-c", script], input: input)
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-feedparser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
