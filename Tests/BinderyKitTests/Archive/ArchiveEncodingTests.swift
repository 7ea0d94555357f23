@testable import BinderyKit
import XCTest

/// Line ends, byte-order marks, damaged UTF-8, and what `loadBody` returns.
final class ArchiveEncodingTests: XCTestCase {
    private func scanAndLoad(_ bytes: [UInt8], name: String = "a.txt") throws -> (ArchiveScan, String) {
        let folder = try ArchiveFixtureFolder()
        try folder.write(name, bytes: bytes)
        let reader = ArchiveReader()
        let scan = reader.scan([folder.url])
        let article = try XCTUnwrap(scan.articles.first)
        return (scan, try reader.loadBody(of: article))
    }

    func testCRLF() throws {
        let text = ArchiveFixtures.article(body: "<p>a\nb</p>").replacingOccurrences(of: "\n", with: "\r\n")
        let (scan, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(scan.diagnostics, [])
        XCTAssertEqual(scan.articles.first?.title, "A title")
        XCTAssertEqual(body, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>a\nb</p>")
    }

    func testBareCR() throws {
        let text = ArchiveFixtures.article(body: "<p>a\nb</p>").replacingOccurrences(of: "\n", with: "\r")
        let (scan, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(scan.articles.first?.url?.absoluteString, "https://www.example.com/a.html")
        XCTAssertEqual(body, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>a\nb</p>")
    }

    func testByteOrderMark() throws {
        let (scan, body) = try scanAndLoad([0xEF, 0xBB, 0xBF] + Array(ArchiveFixtures.article().utf8))
        XCTAssertEqual(scan.articles.first?.instant, Date(timeIntervalSince1970: 1_705_700_343))
        XCTAssertFalse(body.unicodeScalars.contains("\u{FEFF}"))
    }

    func testInvalidUTF8IsRepaired() throws {
        let head = Array(ArchiveFixtures.article(title: "Bad \u{00E9}", body: "<p>x").utf8)
        let (scan, body) = try scanAndLoad(head + [0xFF, 0xC3, 0x28] + Array("y</p>".utf8))
        XCTAssertEqual(scan.diagnostics, [])
        XCTAssertTrue(body.hasSuffix("<p>x\u{FFFD}\u{FFFD}(y</p>"), body)
    }

    func testInvalidUTF8InTitle() throws {
        let bytes = Array("<!--1705700343000-->\n[Caf".utf8) + [0xE9] + Array("](https://example.com/c)\n---\n\n<p>x</p>".utf8)
        let (scan, _) = try scanAndLoad(bytes)
        XCTAssertEqual(scan.articles.first?.title, "Caf\u{FFFD}")
    }

    func testEmojiAndNoBreakSpacesSurvive() throws {
        let (_, body) = try scanAndLoad(Array(ArchiveFixtures.article(body: "<p>😀\u{00A0}&nbsp;\u{200B}</p>").utf8))
        XCTAssertTrue(body.hasSuffix("<p>😀\u{00A0}&nbsp;\u{200B}</p>"))
    }

    func testJekyllBodyIsUnwrapped() throws {
        let text = "---\ntitle: T\nlink: https://example.com/j\n---\n\n[T](https://example.com/j)\n------\n\n<div><div><i>2024-01-18T01:30:00Z</i></div><p>Body <div>inner</div></p></div>\n"
        let (_, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(body, "<div><i>2024-01-18T01:30:00Z</i></div><p>Body <div>inner</div></p>")
    }

    func testJekyllBodyNotWrappedStaysIntact() {
        let body = Array("<div><i>x</i></div><p>y</p><div>z</div>".utf8)[...]
        XCTAssertEqual(Array(JekyllBody.unwrapped(body)), Array(body))
    }

    func testLoadBodyOfAMissingFileThrowsNamingIt() throws {
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("gone.txt", ArchiveFixtures.article())
        let reader = ArchiveReader()
        let article = try XCTUnwrap(reader.scan([folder.url]).articles.first)
        try FileManager.default.removeItem(at: file)
        XCTAssertThrowsError(try reader.loadBody(of: article)) { error in
            guard case let ArchiveError.unreadable(name, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "Archive/gone.txt")
            XCTAssertTrue("\(error)".contains("Archive/gone.txt"))
        }
    }

    func testDamageCounting() {
        XCTAssertEqual(TextBytes.damage(of: Array("héllo 😀".utf8)[...]).invalidBytes, 0)
        XCTAssertEqual(TextBytes.damage(of: [0x41, 0xFF, 0xC0, 0x80, 0x00][...]).invalidBytes, 3)
        XCTAssertEqual(TextBytes.damage(of: [0x41, 0x00][...]).nulBytes, 1)
        // A sequence cut off by the read limit is not damage.
        XCTAssertEqual(TextBytes.damage(of: Array(Array("中".utf8).dropLast())[...]).invalidBytes, 0)
    }

    func testNormalisation() {
        XCTAssertEqual(TextBytes.normalized([0xEF, 0xBB, 0xBF, 65, 13, 10, 66, 13, 67, 13]), [65, 10, 66, 10, 67, 10])
        XCTAssertEqual(TextBytes.normalized([65, 10]), [65, 10])
    }
}
