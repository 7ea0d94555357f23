import Foundation
import XCTest
@testable import BinderyKit

/// The catalog as a real feed reader sees it: Python's feedparser reads
/// every feed over HTTP, and the test checks the OPDS link relations and
/// types, pagination, search, and downloads through the acquisition link.
final class OPDSFeedParserTests: XCTestCase {
    /// Reads each feed path given and prints what feedparser understood, as JSON.
    static let reader = #"""
    import feedparser, json, sys
    base = sys.argv[1]
    def links(items):
        return [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href"), "length": l.get("length")} for l in items]
    result = {}
    for path in sys.argv[2:]:
        d = feedparser.parse(base + path)
        result[path] = {
            "status": d.get("status"), "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
            "version": d.version, "title": d.feed.get("title"), "id": d.feed.get("id"),
            "updated": d.feed.get("updated"), "links": links(d.feed.get("links", [])),
            "total": d.feed.get("opensearch_totalresults"),
            "entries": [{
                "title": e.get("title"), "id": e.get("id"), "updated": e.get("updated"),
                "updated_parsed": e.get("updated_parsed") is not None,
                "authors": [a.get("name") for a in e.get("authors", [])],
                "language": e.get("dcterms_language"), "summary": e.get("summary"),
                "links": links(e.get("links", [])),
            } for e in d.entries],
        }
    print(json.dumps(result))
    """#

    struct Feed: Decodable {
        struct Link: Decodable, Equatable {
            var rel: String?
            var type: String?
            var href: String?
            var length: String?
        }
        struct Entry: Decodable {
            var title: String?
            var id: String?
            var updated: String?
            var updated_parsed: Bool
            var authors: [String?]
            var language: String?
            var summary: String?
            var links: [Link]
            func link(_ rel: String) -> Link? { links.first { $0.rel == rel } }
        }
        var status: Int?
        var bozo: Bool
        var bozo_exception: String
        var version: String
        var title: String?
        var id: String?
        var links: [Link]
        var total: String?
        var entries: [Entry]
        func link(_ rel: String) -> Link? { links.first { $0.rel == rel } }
    }

    private func read(_ server: LoopbackLibraryServer, _ paths: [String]) throws -> [String: Feed] {
        let python = try TestPeers.python(with: ["feedparser"])
        let result = try TestPeers.runPython(python, Self.reader, [server.base] + paths)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode([String: Feed].self, from: result.stdout)
    }

    func testFeedsParseAsAtomWithOPDSRelationsAndTypes() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.samplesBook(at: folder.file("新闻 2024-W03.epub"))
        try DeliveryFixtures.write(.init(title: "Harbour weekly", authors: ["Port Alder Gazette"], series: "Harbour", summary: "Boats & storms",
                                         cover: (DeliveryFixtures.jpeg, .jpeg)), to: folder.file("harbour.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let feeds = try read(server, ["/opds", "/opds/new", "/opds/all", "/opds/series"])
        for (path, feed) in feeds {
            XCTAssertEqual(feed.status, 200, path)
            XCTAssertFalse(feed.bozo, "\(path): \(feed.bozo_exception)")
            XCTAssertEqual(feed.version, "atom10", path)
            XCTAssertNotNil(feed.id, path)
            XCTAssertEqual(feed.link("start")?.type, OPDSFeed.navigationType, path)
            XCTAssertEqual(feed.link("search")?.type, "application/opensearchdescription+xml", path)
        }
        let root = try XCTUnwrap(feeds["/opds"])
        XCTAssertEqual(root.link("self")?.type, OPDSFeed.navigationType)
        XCTAssertEqual(root.entries.map(\.title), ["Newest", "All books", "By series"])
        XCTAssertEqual(root.entries[0].links.first?.rel, "http://opds-spec.org/sort/new")
        XCTAssertEqual(root.entries[0].links.first?.type, OPDSFeed.acquisitionType)
        XCTAssertEqual(root.entries[2].links.first?.type, OPDSFeed.navigationType)

        let all = try XCTUnwrap(feeds["/opds/all"])
        XCTAssertEqual(all.link("self")?.type, OPDSFeed.acquisitionType)
        XCTAssertEqual(all.total, "2")
        XCTAssertEqual(all.entries.count, 2)
        for entry in all.entries {
            XCTAssertTrue(entry.updated_parsed, "\(entry.title ?? "")")
            XCTAssertFalse(entry.authors.isEmpty)
            XCTAssertNotNil(entry.language)
            let acquisition = try XCTUnwrap(entry.link("http://opds-spec.org/acquisition"))
            XCTAssertEqual(acquisition.type, "application/epub+zip")
            let image = try XCTUnwrap(entry.link("http://opds-spec.org/image"))
            let thumbnail = try XCTUnwrap(entry.link("http://opds-spec.org/image/thumbnail"))
            XCTAssertTrue(["image/jpeg", "image/png"].contains(image.type ?? ""), "\(image)")
            XCTAssertEqual(image.type, thumbnail.type)

            // Through the links exactly as the reader resolved them.
            let download = try fetch(server, try XCTUnwrap(acquisition.href))
            XCTAssertEqual(download.status, 200)
            let file = server.server.library.current().newest.first { $0.info.title == entry.title }!
            XCTAssertEqual(download.body, try Data(contentsOf: file.url), "\(entry.title ?? "")")
            XCTAssertEqual(acquisition.length, String(download.body.count))
            for link in [image, thumbnail] {
                let picture = try fetch(server, try XCTUnwrap(link.href))
                XCTAssertEqual(picture.status, 200)
                XCTAssertEqual(ImageType.sniff(picture.body)?.mediaType, link.type)
            }
        }
        let harbour = try XCTUnwrap(all.entries.first { $0.title == "Harbour weekly" })
        XCTAssertEqual(harbour.summary, "Boats & storms")
        XCTAssertEqual(harbour.authors, ["Port Alder Gazette"])

        let series = try XCTUnwrap(feeds["/opds/series"])
        XCTAssertEqual(series.entries.map(\.title), ["Bindery", "Harbour"])
        let harbourSeries = try XCTUnwrap(series.entries.first { $0.title == "Harbour" }?.links.first)
        XCTAssertEqual(harbourSeries.type, OPDSFeed.acquisitionType)
        let seriesFeed = try read(server, [try XCTUnwrap(URL(string: harbourSeries.href ?? "")?.path)])
        XCTAssertEqual(seriesFeed.values.first?.entries.map(\.title), ["Harbour weekly"])
    }

    func testLargeFoldersArePaginatedAndSearchable() throws {
        let folder = try TestFolder()
        for number in 1...5 {
            try DeliveryFixtures.write(.init(title: "Digest \(number)", authors: number == 3 ? ["Special Desk"] : ["news.example.com"]),
                                       to: folder.file("digest-\(number).epub"))
        }
        let server = try LoopbackLibraryServer(folder: folder.url) { $0.pageSize = 2 }
        let feeds = try read(server, ["/opds/all", "/opds/all?page=2", "/opds/all?page=3", "/opds/search?q=special%20desk"])
        let first = try XCTUnwrap(feeds["/opds/all"])
        XCTAssertEqual(first.entries.map(\.title), ["Digest 1", "Digest 2"])
        XCTAssertEqual(first.total, "5")
        XCTAssertEqual(first.link("next")?.type, OPDSFeed.acquisitionType)
        XCTAssertTrue(first.link("next")?.href?.hasSuffix("/opds/all?page=2") ?? false)
        XCTAssertNil(first.link("previous"))
        XCTAssertTrue(first.link("last")?.href?.hasSuffix("/opds/all?page=3") ?? false)
        XCTAssertEqual(feeds["/opds/all?page=2"]?.entries.map(\.title), ["Digest 3", "Digest 4"])
        let last = try XCTUnwrap(feeds["/opds/all?page=3"])
        XCTAssertEqual(last.entries.map(\.title), ["Digest 5"])
        XCTAssertNil(last.link("next"))
        XCTAssertTrue(last.link("previous")?.href?.hasSuffix("/opds/all?page=2") ?? false)
        XCTAssertEqual(try server.get("/opds/all?page=4").status, 404)
        XCTAssertEqual(feeds["/opds/search?q=special%20desk"]?.entries.map(\.title), ["Digest 3"])
    }

    func testOpenSearchDescriptionNamesTheSearchFeed() throws {
        let folder = try TestFolder()
        let server = try LoopbackLibraryServer(folder: folder.url)
        let python = try TestPeers.python(with: ["feedparser"])
        let program = #"""
        import sys, urllib.request, xml.etree.ElementTree as ET
        root = ET.fromstring(urllib.request.urlopen(sys.argv[1] + "/opensearch.xml").read())
        ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
        url = root.find("os:Url", ns)
        print(url.get("type")); print(url.get("template"))
        """#
        let result = try TestPeers.runPython(python, program, [server.base])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [OPDSFeed.acquisitionType, server.base + "/opds/search?q={searchTerms}"])
    }

    private func fetch(_ server: LoopbackLibraryServer, _ href: String) throws -> RawHTTP.Response {
        let url = try XCTUnwrap(URL(string: href))
        XCTAssertEqual(url.host, "127.0.0.1")
        let target = url.query.map { url.path + "?" + $0 } ?? href.replacingOccurrences(of: server.base, with: "")
        return try server.get(href.hasPrefix(server.base) ? String(href.dropFirst(server.base.count)) : target)
    }
}
