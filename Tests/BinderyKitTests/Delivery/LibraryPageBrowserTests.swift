import Foundation
import XCTest
@testable import BinderyKit

/// The HTML library page in a real browser: headless Chromium loads it,
/// and the DOM it builds has every book, its cover and its download link,
/// with no script anywhere (e-reader browsers run none).
final class LibraryPageBrowserTests: XCTestCase {
    static func chromium(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let path = ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser") else {
            throw TestPeers.missing("chromium is not installed", file: file, line: line)
        }
        return path
    }

    func testChromiumRendersEveryBookWithCoverAndDownloadLink() throws {
        let chromium = try Self.chromium()
        let folder = try TestFolder()
        try DeliveryFixtures.samplesBook(at: folder.file("samples.epub"))
        try DeliveryFixtures.write(.init(title: "Harbour weekly <2024-W03>", authors: ["Port Alder Gazette"],
                                         cover: (DeliveryFixtures.jpeg, .jpeg)), to: folder.file("harbour.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let profile = try TestFolder()
        let result = try ExternalTool.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.url.path)",
            "--dump-dom", server.base + "/",
        ])
        let dom = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertTrue(dom.contains("Harbour weekly &lt;2024-W03&gt;"), dom)
        XCTAssertTrue(dom.contains("新闻月报 · 2024年1月"), dom)
        for book in server.server.library.current().newest {
            XCTAssertTrue(dom.contains("href=\"\(CatalogPaths.book(book))\""), book.fileName)
            let cover = try XCTUnwrap(book.coverType)
            XCTAssertTrue(dom.contains("src=\"\(CatalogPaths.thumbnail(book, type: cover))\""), book.fileName)
        }
        XCTAssertFalse(dom.lowercased().contains("<script"))
        // The browser fetched the page and both thumbnails.
        XCTAssertTrue(server.log.contains { $0.contains("\"GET /\" 200") }, server.log.joined(separator: "\n"))
        XCTAssertEqual(server.log.filter { $0.contains("\"GET /thumbnails/") && $0.contains("\" 200 ") }.count, 2,
                       server.log.joined(separator: "\n"))
    }

    func testSearchAndPagesWorkWithoutJavaScript() throws {
        let folder = try TestFolder()
        for number in 1...3 {
            try DeliveryFixtures.write(.init(title: "Digest \(number)"), to: folder.file("d\(number).epub"))
        }
        let server = try LoopbackLibraryServer(folder: folder.url) { $0.pageSize = 2 }
        let first = String(decoding: try server.get("/?sort=title").body, as: UTF8.self)
        XCTAssertTrue(first.contains("Digest 1") && first.contains("Digest 2") && !first.contains("Digest 3"))
        XCTAssertTrue(first.contains("href=\"/?sort=title&amp;page=2\""), first)
        let second = String(decoding: try server.get("/?sort=title&page=2").body, as: UTF8.self)
        XCTAssertTrue(second.contains("Digest 3") && !second.contains("Digest 1"))
        let search = String(decoding: try server.get("/?q=digest+2").body, as: UTF8.self)
        XCTAssertTrue(search.contains("Digest 2") && !search.contains("Digest 3"), search)
        XCTAssertTrue(first.contains("<form action=\"/\" method=\"get\">"))
        XCTAssertEqual(try server.get("/?page=9").status, 404)
    }
}
