import XCTest
@testable import BinderyKit
import HTTPTestServer

/// An archive whose pictures live on a (local) web server, bound end to end:
/// a clean book, each picture fetched once, and the same book again from the
/// cache with the server gone.
final class ExportRemoteImagesTests: XCTestCase {
    private var folder: TestFolder!
    private var server: LocalHTTPServer!

    override func setUpWithError() throws {
        folder = try TestFolder()
        let images = ExportSamplesFixture.samples.appendingPathComponent("images")
        let jpeg = try Data(contentsOf: images.appendingPathComponent("market.jpg"))
        let png = try Data(contentsOf: images.appendingPathComponent("harbour.png"))
        server = try LocalHTTPServer { path, _ in
            switch path {
            case "/photos/market.jpg": return .ok(jpeg, type: "image/jpeg")
            case "/photos/harbour.png": return .ok(png, type: "image/png")
            case "/page.html": return .ok(Data("<html>not a picture</html>".utf8), type: "image/png")
            default:
                if path.hasPrefix("/resize?url=") { return .ok(png, type: "image/png") }
                return .status(404)
            }
        }
    }

    override func tearDownWithError() throws {
        server?.stop()
        folder = nil
    }

    private func writeArchive() throws -> URL {
        let archive = folder.file("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let base = server.base
        let host = base.replacingOccurrences(of: "http://", with: "")
        let articles = [
            ("001.txt", 1_705_700_343_000, "Harbour photos", """
                <div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><img src="\(base)/photos/market.jpg" width="100%"><div><small>The market at dawn</small></div>Lead. <p>One.<br /><br />Two.</p>
                """),
            ("002.txt", 1_705_786_743_000, "More photos", """
                <p>Again the market:</p><img src="//\(host)/photos/market.jpg" alt="market again"><p>Through a proxy:</p><img src="\(base)/resize?url=\(host)/photos/harbour.png&w=800" alt="harbour"><p>Gone:</p><img src="\(base)/photos/gone.jpg" alt="a lost picture"><p>Lying:</p><img src="\(base)/page.html" alt="not an image">
                """),
        ]
        for (name, epoch, title, body) in articles {
            let text = "<!--\(epoch)-->\n[\(title)](http://news.example.com/\(name).html)\n------\n\n\(body)\n"
            try Data(text.utf8).write(to: archive.appendingPathComponent(name))
        }
        return archive
    }

    private func export(_ archive: URL, to book: URL, offline: Bool) throws -> (EPUBExport.Result, [Diagnostic]) {
        let scan = ArchiveReader().scan([archive])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(scan.articles)
        let metadata = BookMetadata.make(for: digest, clock: BuildClock(now: Date(timeIntervalSince1970: 1_706_745_600)))
        var options = AssetOptions(offline: offline, cacheDirectory: folder.file("cache"), requestTimeout: 2)
        options.proxies = [ImageProxy(host: server.base.replacingOccurrences(of: "http://", with: ""), style: .queryParameter)]
        let log = DiagnosticLog()
        let result = try EPUBExport(digest: digest, metadata: metadata, assets: options).write(to: book, log: log)
        return (result, log.all)
    }

    func testRemotePicturesAreBundledOnceAndComeBackFromTheCacheOffline() throws {
        let archive = try writeArchive()
        let online = folder.file("online.epub")
        let (first, warnings) = try export(archive, to: online, offline: false)
        XCTAssertEqual(first.summary.imageCount, 2, "market.jpg once, harbour.png once")
        XCTAssertEqual(first.missingImages, 2)
        XCTAssertEqual(server.hitCount("/photos/market.jpg"), 1, "a picture used twice is fetched once")
        XCTAssertEqual(warnings.filter { $0.message.contains("gone.jpg") }.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.filter { $0.message.contains("page.html") && $0.message.contains("not an image") }.count, 1,
                       "\(warnings)")
        XCTAssertTrue(warnings.allSatisfy { $0.file?.hasSuffix("002.txt") ?? false }, "\(warnings)")

        let check = try EPUBCheck.run(online)
        XCTAssertEqual(check.errors, 0, check.report)
        XCTAssertEqual(check.warnings, 0, check.report)
        let pages = try ZipInspection(online)
        let text = try pages.names.filter { $0.hasPrefix("EPUB/text/a") }.map { try pages.text(of: $0) }.joined()
        XCTAssertFalse(text.contains("http://127.0.0.1"), "no remote reference may remain")
        XCTAssertTrue(text.contains("a lost picture"), "a missing picture leaves its text")

        let hitsBefore = server.totalHits
        server.stop()
        let offline = folder.file("offline.epub")
        let (second, _) = try export(archive, to: offline, offline: true)
        XCTAssertEqual(second.requests, 0)
        XCTAssertEqual(server.totalHits, hitsBefore)
        XCTAssertEqual(try Data(contentsOf: online), try Data(contentsOf: offline), "the same book from the cache")
    }
}
