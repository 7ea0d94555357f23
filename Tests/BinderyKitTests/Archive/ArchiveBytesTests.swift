import Foundation
import XCTest
@testable import BinderyKit

/// `ArchiveReader.read(bytes:as:)`: one article file from memory, read as
/// `scan` and `loadBody` read it from disk.
final class ArchiveBytesTests: XCTestCase {
    private let file = SourceFile(url: URL(fileURLWithPath: "/archive/a.txt"), root: URL(fileURLWithPath: "/archive"), displayName: "a.txt")

    func testReadsTheSameArticleAndBodyAsTheFileReader() throws {
        let text = ArchiveFixtures.article(body: "<p>Text \u{4E2D}\u{6587}.</p>")
        let folder = try ArchiveFixtureFolder()
        try folder.write("a.txt", "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"))
        let reader = ArchiveReader()
        let scanned = try XCTUnwrap(reader.scan([folder.url]).articles.first)

        let read = reader.read(bytes: Array(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8), as: file)
        let article = try XCTUnwrap(read.article)
        XCTAssertEqual(article.title, scanned.title)
        XCTAssertEqual(article.url, scanned.url)
        XCTAssertEqual(article.instant, scanned.instant)
        XCTAssertEqual(read.body, try reader.loadBody(of: scanned))
        XCTAssertTrue(read.body.hasSuffix("<p>Text \u{4E2D}\u{6587}.</p>"), read.body)
    }

    func testBytesThatAreNoArticleSaySo() {
        let read = ArchiveReader().read(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], as: file)
        XCTAssertNil(read.article)
        XCTAssertEqual(read.diagnostics.map(\.message), ["not an article (binary data: contains NUL bytes); skipped"])
    }

    /// Found by fuzzing: DEL in a title reached the plain text (XHTML
    /// already dropped it); a terminal acts on such characters.
    func testControlCharactersLeaveTitleAndAuthor() throws {
        let text = ArchiveFixtures.article(title: "Qing\u{7F}an lantern \u{9B}31mmakers",
                                           dateLine: "<div><i>Anna\u{7F} Keller<br>2024-02-12T15:17:20+08:00</i></div>")
        let article = try XCTUnwrap(ArchiveReader().read(bytes: Array(text.utf8), as: file).article)
        XCTAssertEqual(article.title, "Qingan lantern 31mmakers")
        XCTAssertEqual(article.author, "Anna Keller")
    }
}
