import XCTest
@testable import BinderyKit

/// The three formats read into entries: links resolved, text decoded, dates read.
final class FeedParserTests: XCTestCase {
    static let feedURL = URL(string: "http://127.0.0.1:8080/feeds/news.xml")!

    private func parse(_ text: String, contentType: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(Data(text.utf8), contentType: contentType, url: Self.feedURL)
    }

    private func date(_ text: String) -> Date { FeedDate.parse(text)! }

    func testRSSWithContentEncoded() throws {
        let feed = try parse(FeedFixtures.rss)
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.title, "Port Alder News")
        XCTAssertEqual(feed.siteLink?.absoluteString, "https://news.example.org/")
        XCTAssertEqual(feed.entries.count, 5)

        let first = feed.entries[0]
        XCTAssertEqual(first.id, "harbour-2024-01-08")
        XCTAssertEqual(first.title, "Harbour reopens after the January storm")
        XCTAssertEqual(first.link?.absoluteString, "https://news.example.org/port-alder/harbour-reopens.html")
        XCTAssertEqual(first.published, Date(timeIntervalSince1970: 1_704_698_100))
        XCTAssertEqual(first.author, "Jane Doe")
        XCTAssertEqual(first.imageURL?.absoluteString, "https://news.example.org/img/thumb.jpg")
        // content:encoded wins over the description; relative links resolve against the feed's URL.
        XCTAssertFalse(first.hasOnlySummary)
        XCTAssertTrue(first.bodyHTML.contains("<a href=\"http://127.0.0.1:8080/port-alder/basin.html\">inner basin</a>"), first.bodyHTML)
        XCTAssertTrue(first.bodyHTML.contains("src=\"http://127.0.0.1:8080/img/boats.jpg\""), first.bodyHTML)
        XCTAssertEqual(first.summaryHTML, "The harbour master lifted the closure order.")
    }

    func testRSSTitlesEntitiesAndMissingFields() throws {
        let entries = try parse(FeedFixtures.rss).entries
        // `&amp;` and an HTML entity XML does not know, in a title.
        XCTAssertEqual(entries[1].title, "Ferry timetable & fares — what changes on Monday")
        // RFC 822 without seconds and with a numeric zone.
        XCTAssertEqual(entries[1].published, date("2024-01-09T10:30:00Z"))
        XCTAssertEqual(entries[1].summaryHTML, "<p>Morning ferries run every <b>forty</b> minutes from Monday, and fares rise by a tenth.</p>")
        XCTAssertTrue(entries[1].hasOnlySummary)
        XCTAssertNil(entries[2].title, "no title")
        XCTAssertEqual(entries[3].link?.absoluteString, "https://news.example.org/port-alder/lanterns.html", "a permalink guid is the link")
        XCTAssertNil(entries[4].date, "no date")
    }

    func testRSSWarnsAboutUndeclaredEntities() throws {
        let warnings = try parse(FeedFixtures.rss).warnings
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings[0], "ill-formed XML (1 repair of undeclared entities, bare '&' or control characters); read as far as it goes")
    }

    func testAtomResolvesAgainstXMLBase() throws {
        let feed = try parse(FeedFixtures.atom)
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "Tidewater Notes")
        XCTAssertEqual(feed.siteLink?.absoluteString, "https://blog.example.net/")
        XCTAssertTrue(feed.warnings.isEmpty, "\(feed.warnings)")
        let salt = feed.entries[0]
        XCTAssertEqual(salt.title, "Salt marsh walks", "an HTML title is reduced to its text")
        // Entry base posts/2024/ under the feed's https://blog.example.net/.
        XCTAssertEqual(salt.link?.absoluteString, "https://blog.example.net/posts/2024/salt-marsh.html")
        // Content base images/ under the entry's base.
        XCTAssertTrue(salt.bodyHTML.contains("href=\"https://blog.example.net/posts/2024/salt-marsh-map.html\""), salt.bodyHTML)
        XCTAssertTrue(salt.bodyHTML.contains("src=\"https://blog.example.net/posts/2024/images/heron.jpg\""), salt.bodyHTML)
        XCTAssertEqual(salt.published, date("2024-01-12T08:30:00Z"))
        XCTAssertEqual(salt.updated, date("2024-01-12T10:00:00Z"))
        XCTAssertEqual(salt.author, "R. Moss")
        XCTAssertEqual(feed.entries[1].bodyHTML, "<p>High water at <strong>07:42</strong> on Saturday, the highest of the month.</p>",
                       "XHTML content without its wrapping div")
        XCTAssertNil(feed.entries[1].published)
        XCTAssertEqual(feed.entries[1].date, date("2024-01-13T08:00:00Z"), "updated stands in for published")
        XCTAssertTrue(feed.entries[2].hasOnlySummary)
        XCTAssertEqual(feed.entries[2].link?.absoluteString, "https://blog.example.net/summary-only")
    }

    func testJSONFeed() throws {
        let feed = try parse(FeedFixtures.json, contentType: "application/feed+json")
        XCTAssertEqual(feed.format, .json)
        XCTAssertEqual(feed.title, "Hill Weather")
        XCTAssertEqual(feed.entries.count, 2)
        XCTAssertEqual(feed.entries[0].author, "Met Desk")
        XCTAssertTrue(feed.entries[0].bodyHTML.contains("href=\"http://127.0.0.1:8080/maps/frost\""))
        XCTAssertEqual(feed.entries[1].id, "2", "a numeric id is read as its text")
        XCTAssertEqual(feed.entries[1].link?.absoluteString, "http://127.0.0.1:8080/2024/01/16/rain")
        XCTAssertEqual(feed.entries[1].bodyHTML, "<p>Rain arrives by noon.</p><p>Umbrellas advised in the valley.</p>")
        XCTAssertEqual(feed.entries[1].published, date("2024-01-16T05:30:00Z"))
    }

    func testRSS1RDF() throws {
        let feed = try parse(FeedFixtures.rdf)
        XCTAssertEqual(feed.format, .rdf)
        XCTAssertEqual(feed.entries.map(\.title), ["RDF item"])
        XCTAssertEqual(feed.entries[0].published, date("2024-01-05T03:00:00Z"))
    }

    func testIllFormedFeedIsReadAsFarAsItGoes() throws {
        let feed = try parse(FeedFixtures.illFormed)
        XCTAssertEqual(feed.entries.map(\.title), ["First — still fine", "Second, with a tag left open", "Third, after the damage"])
        XCTAssertEqual(feed.entries[0].summaryHTML, "AT&T says\u{00A0}hello to Café owners.")
        XCTAssertEqual(feed.entries[2].published, date("2024-01-10T10:00:00Z"))
        XCTAssertTrue(feed.warnings.contains { $0.hasPrefix("ill-formed XML (3 errors, first: line 6: Opening and ending tag mismatch") }, "\(feed.warnings)")
        XCTAssertTrue(feed.warnings.contains("1 more entry recovered by reading entries one by one"), "\(feed.warnings)")
    }

    func testAMisnestedEntryCostsOnlyItself() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title><item><title>one</item>
            <item><title>two</title><link>https://x.example/2</link></item>
            <item><title>three</title><link>https://x.example/3</link></item></channel></rss>
            """)
        XCTAssertEqual(feed.entries.map(\.title), ["two", "three"])
        XCTAssertTrue(feed.warnings.contains("1 torn entry without link or id left out"), "\(feed.warnings)")
    }

    func testACutOffFeedKeepsTheEntriesBeforeTheCut() throws {
        let cut = String(FeedFixtures.rss.prefix(FeedFixtures.rss.count * 6 / 10))
        let feed = try parse(cut)
        XCTAssertEqual(feed.entries.map(\.title), ["Harbour reopens after the January storm", "Ferry timetable & fares — what changes on Monday"])
        XCTAssertThrowsError(try parse("<rss><channel><item><title>Cut")) { error in
            XCTAssertTrue("\(error)".hasPrefix("not a feed: ill-formed XML and no entry could be read"), "\(error)")
        }
    }

    func testUndeclaredNamespacePrefixesStillMatch() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://a.example/1</link>
            <content:encoded>&lt;p&gt;Full text&lt;/p&gt;</content:encoded><dc:creator>Ann</dc:creator></item></channel></rss>
            """)
        XCTAssertEqual(feed.entries[0].contentHTML, "<p>Full text</p>")
        XCTAssertEqual(feed.entries[0].author, "Ann")
    }

    func testWhatIsNotAFeed() {
        XCTAssertThrowsError(try parse("<!DOCTYPE html><html><body><p>Hello</p></body></html>")) { error in
            XCTAssertEqual(error as? FeedParseError, .notAFeed("root element <html>"))
        }
        XCTAssertThrowsError(try parse("")) { error in
            guard case .unreadable? = error as? FeedParseError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try parse("{\"items\": []}")) { error in
            XCTAssertEqual(error as? FeedParseError, .notAFeed("JSON without a jsonfeed.org version"))
        }
        XCTAssertThrowsError(try parse("{\"version\": ")) { error in
            guard case .unreadable? = error as? FeedParseError else { return XCTFail("\(error)") }
        }
    }
}
