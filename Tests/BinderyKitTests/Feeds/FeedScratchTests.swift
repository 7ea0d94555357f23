import XCTest
@testable import BinderyKit

final class FeedScratchTests: XCTestCase {
    func testDump() throws {
        for (name, data) in [("rss", Data(FeedFixtures.rss.utf8)), ("atom", Data(FeedFixtures.atom.utf8)), ("json", Data(FeedFixtures.json.utf8)),
                             ("gbk", FeedFixtures.encoded(FeedFixtures.chinese(declaring: "gb2312"), as: "GBK")),
                             ("gbk-none", FeedFixtures.encoded(FeedFixtures.chinese(declaring: nil), as: "GBK")),
                             ("big5-none", FeedFixtures.encoded(FeedFixtures.traditional, as: "BIG5")),
                             ("ill", Data(FeedFixtures.illFormed.utf8)), ("rdf", Data(FeedFixtures.rdf.utf8))] {
            do {
                let feed = try FeedParser.parse(data, contentType: nil, url: URL(string: "http://127.0.0.1:8080/feed"))
                print("== \(name) \(feed.format) \(feed.title ?? "-") \(feed.siteLink?.absoluteString ?? "-") warnings: \(feed.warnings)")
                for e in feed.entries {
                    print("  id=\(e.id ?? "-") title=\(e.title ?? "-") link=\(e.link?.absoluteString ?? "-") pub=\(e.published.map { "\($0)" } ?? "-") upd=\(e.updated.map { "\($0)" } ?? "-") author=\(e.author ?? "-") img=\(e.imageURL?.absoluteString ?? "-")")
                    print("     content=\(e.contentHTML ?? "-")")
                    print("     summary=\(e.summaryHTML ?? "-")")
                }
            } catch {
                print("== \(name) error \(error)")
            }
        }
    }
}
