import XCTest
@testable import BinderyKit

/// Encodings declared in HTTP, in the XML declaration, or nowhere.
final class FeedEncodingTests: XCTestCase {
    private let titles = ["青湾古镇灯会筹备进入最后阶段", "朱镕基故居修缮完成"]

    private func titles(_ data: Data, contentType: String? = nil) throws -> [String?] {
        try FeedParser.parse(data, contentType: contentType).entries.map(\.title)
    }

    func testGB2312DeclaredInXMLWithAGBKCharacter() throws {
        // 镕 is outside GB2312: the label is read as its superset.
        let data = FeedFixtures.encoded(FeedFixtures.chinese(declaring: "gb2312"), as: "GBK")
        XCTAssertEqual(try titles(data), titles)
        XCTAssertTrue(try FeedParser.parse(data).warnings.isEmpty)
    }

    func testGBKDeclaredOnlyInHTTP() throws {
        let data = FeedFixtures.encoded(FeedFixtures.chinese(declaring: nil), as: "GBK")
        XCTAssertEqual(try titles(data, contentType: "application/rss+xml; charset=GBK"), titles)
    }

    func testGBKDeclaredNowhereIsSniffed() throws {
        let data = FeedFixtures.encoded(FeedFixtures.chinese(declaring: nil), as: "GBK")
        XCTAssertEqual(try titles(data), titles)
    }

    func testBig5DeclaredNowhereIsSniffed() throws {
        let data = FeedFixtures.encoded(FeedFixtures.traditional, as: "BIG5")
        let feed = try FeedParser.parse(data)
        XCTAssertEqual(feed.title, "臺灣新聞")
        XCTAssertEqual(feed.entries.map(\.title), ["燈會籌備進入最後階段"])
    }

    func testAWrongHTTPCharsetLosesToTheBytes() throws {
        // The server says UTF-8, the file is GBK and says so.
        let data = FeedFixtures.encoded(FeedFixtures.chinese(declaring: "gbk"), as: "GBK")
        XCTAssertEqual(try titles(data, contentType: "text/xml; charset=utf-8"), titles)
        // A server's Latin-1 default in front of UTF-8 text.
        XCTAssertEqual(try titles(Data(FeedFixtures.chinese(declaring: nil).utf8), contentType: "text/xml; charset=ISO-8859-1"), titles)
    }

    func testUTF16WithByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        data += FeedFixtures.chinese(declaring: "UTF-16").data(using: .utf16LittleEndian)!
        XCTAssertEqual(try titles(data), titles)
    }

    func testDamagedUTF8StaysUTF8WithAWarning() throws {
        var bytes = Array(FeedFixtures.chinese(declaring: nil).utf8)
        let title = bytes.firstIndex(of: 0xE9)! // the first byte of 青
        bytes[title] = 0xFF
        let feed = try FeedParser.parse(Data(bytes))
        XCTAssertEqual(feed.title, "\u{FFFD}\u{FFFD}\u{FFFD}湾新闻", "the damaged character is replaced, the rest stays UTF-8")
        XCTAssertEqual(feed.entries.map(\.title), titles)
        XCTAssertTrue(feed.warnings.contains { $0.hasSuffix("invalid in UTF-8 replaced") }, "\(feed.warnings)")
    }

    func testLabels() {
        XCTAssertEqual(CharacterDecoding.canonicalName("gb2312"), "GB18030")
        XCTAssertEqual(CharacterDecoding.canonicalName("x-gbk"), "GB18030")
        XCTAssertEqual(CharacterDecoding.canonicalName("Big5"), "BIG5-HKSCS")
        XCTAssertEqual(CharacterDecoding.canonicalName("latin1"), "WINDOWS-1252")
        XCTAssertEqual(CharacterDecoding.canonicalName("KOI8-R"), "KOI8-R")
        XCTAssertNil(CharacterDecoding.canonicalName("no-such-encoding"))
        XCTAssertEqual(CharacterDecoding.charsetParameter("text/html; charset=\"gbk\""), "gbk")
        XCTAssertEqual(CharacterDecoding.htmlDeclaredCharset(Array("<html><head><meta charset=big5>".utf8)), "big5")
        XCTAssertEqual(CharacterDecoding.htmlDeclaredCharset(Array(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".utf8)), "gb2312")
        XCTAssertEqual(CharacterDecoding.xmlDeclaredEncoding(Array("<?xml version='1.0' encoding='GBK'?><a/>".utf8)), "GBK")
    }
}
