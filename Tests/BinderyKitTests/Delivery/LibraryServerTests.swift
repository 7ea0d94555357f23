import Foundation
import XCTest
@testable import BinderyKit

/// The library server over real HTTP on loopback: downloads, ranges,
/// validators, authentication, and that nothing but listed books is served.
final class LibraryServerTests: XCTestCase {
    private func library(_ books: [String: DeliveryFixtures.Book]) throws -> TestFolder {
        let folder = try TestFolder()
        for (name, book) in books { try DeliveryFixtures.write(book, to: folder.file(name)) }
        return folder
    }

    private func bookPath(_ server: LoopbackLibraryServer, _ name: String) throws -> String {
        let book = try XCTUnwrap(server.server.library.current().newest.first { $0.fileName == name }, "\(name) not listed")
        return CatalogPaths.book(book)
    }

    func testDownloadIsByteIdenticalWithLengthAndValidators() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.samplesBook(at: folder.file("Samples 样本.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let path = try bookPath(server, "Samples 样本.epub")
        XCTAssertTrue(path.hasSuffix("/Samples%20%E6%A0%B7%E6%9C%AC.epub"), path)
        let response = try server.get(path)
        let original = try Data(contentsOf: folder.file("Samples 样本.epub"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, original)
        XCTAssertEqual(response.header("Content-Length"), String(original.count))
        XCTAssertEqual(response.header("Content-Type"), "application/epub+zip")
        XCTAssertEqual(response.header("Accept-Ranges"), "bytes")
        XCTAssertTrue(response.header("Content-Disposition")?.contains("filename*=UTF-8''Samples%20%E6%A0%B7%E6%9C%AC.epub") ?? false)
        let etag = try XCTUnwrap(response.header("ETag"))
        let lastModified = try XCTUnwrap(response.header("Last-Modified"))
        XCTAssertTrue(lastModified.hasSuffix(" GMT"), lastModified)

        XCTAssertEqual(try server.get(path, headers: ["If-None-Match": etag]).status, 304)
        XCTAssertEqual(try server.get(path, headers: ["If-Modified-Since": lastModified]).status, 304)
        let head = try server.get(path, method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), String(original.count))
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertEqual(try server.get(path, method: "POST").status, 405)
        XCTAssertTrue(server.log.contains { $0.contains("\"GET \(path)\" 200 \(original.count) ") }, server.log.joined(separator: "\n"))
    }

    func testRangeRequestsReturnTheRightBytes() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.samplesBook(at: folder.file("book.epub"))
        let original = try Data(contentsOf: folder.file("book.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let path = try bookPath(server, "book.epub")
        let size = original.count

        let middle = try server.get(path, headers: ["Range": "bytes=100-1099"])
        XCTAssertEqual(middle.status, 206)
        XCTAssertEqual(middle.body, original[100...1099])
        XCTAssertEqual(middle.header("Content-Range"), "bytes 100-1099/\(size)")
        XCTAssertEqual(middle.header("Content-Length"), "1000")

        let suffix = try server.get(path, headers: ["Range": "bytes=-500"])
        XCTAssertEqual(suffix.body, original.suffix(500))
        let open = try server.get(path, headers: ["Range": "bytes=\(size - 10)-"])
        XCTAssertEqual(open.body, original.suffix(10))
        let past = try server.get(path, headers: ["Range": "bytes=\(size)-"])
        XCTAssertEqual(past.status, 416)
        XCTAssertEqual(past.header("Content-Range"), "bytes */\(size)")
        // A stale If-Range gets the whole (new) file.
        let stale = try server.get(path, headers: ["Range": "bytes=0-9", "If-Range": "\"stale\""])
        XCTAssertEqual(stale.status, 200)
        XCTAssertEqual(stale.body, original)
    }

    func testTraversalEncodedSlashesAndUnlistedPathsGet404() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.write(.init(title: "Inside"), to: folder.file("inside.epub"))
        try Data("secret".utf8).write(to: folder.file("notes.txt"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let path = try bookPath(server, "inside.epub")
        XCTAssertEqual(try server.get(path).status, 200)
        let id = path.split(separator: "/")[1]
        for target in [
            "/books/\(id)/../../../../etc/passwd", "/books/\(id)/%2e%2e/%2e%2e/etc/passwd", "/books/\(id)%2Finside.epub",
            "/books%2F\(id)%2Finside.epub", "/books/\(id)/..%2F..%2Fnotes.txt", "/books/\(id)/notes.txt", "/notes.txt",
            "/inside.epub", "/books/\(id)/inside.epub/", "/books/\(id)/./inside.epub", "/books/\(id)/inside.epub%00",
            "/books/\(id)\\inside.epub", "/covers/\(id).jpg", "/etc/passwd", "/opds/series/../../notes.txt",
            "/books/0000000000000000/inside.epub",
        ] {
            XCTAssertEqual(try server.get(target).status, 404, target)
        }
    }

    func testSymbolicLinksOutOfTheFolderAreNeitherListedNorServed() throws {
        let outside = try TestFolder()
        try DeliveryFixtures.write(.init(title: "Outside secret"), to: outside.file("secret.epub"))
        let folder = try TestFolder()
        try DeliveryFixtures.write(.init(title: "Inside"), to: folder.file("inside.epub"))
        try FileManager.default.createDirectory(at: folder.file("shelf"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("linked-out.epub").path, withDestinationPath: outside.file("secret.epub").path)
        try FileManager.default.createSymbolicLink(atPath: folder.file("shelf/outside").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: folder.file("shelf/again.epub").path, withDestinationPath: folder.file("inside.epub").path)
        let server = try LoopbackLibraryServer(folder: folder.url)
        let listed = server.server.library.current().newest.map(\.relativePath).sorted()
        XCTAssertEqual(listed, ["inside.epub", "shelf/again.epub"])
        let feed = String(decoding: try server.get("/opds/all").body, as: UTF8.self)
        XCTAssertFalse(feed.contains("Outside secret"))
        for relative in ["linked-out.epub", "shelf/outside/secret.epub"] {
            let id = LibraryScanner.id(for: relative)
            XCTAssertEqual(try server.get("/books/\(id)/\(relative.split(separator: "/").last!)").status, 404, relative)
        }
    }

    func testBasicAuthIsEnforcedOnEveryPath() throws {
        let folder = try library(["a.epub": .init(title: "A")])
        let server = try LoopbackLibraryServer(folder: folder.url) { $0.auth = BasicAuth(user: "reader", password: "s3cret pass") }
        let path = try bookPath(server, "a.epub")
        for target in ["/", "/opds", path, "/nothing"] {
            let denied = try server.get(target)
            XCTAssertEqual(denied.status, 401, target)
            XCTAssertTrue(denied.header("WWW-Authenticate")?.hasPrefix("Basic realm=") ?? false)
        }
        func basic(_ text: String) -> [String: String] { ["Authorization": "Basic " + Data(text.utf8).base64EncodedString()] }
        XCTAssertEqual(try server.get("/opds", headers: basic("reader:wrong")).status, 401)
        XCTAssertEqual(try server.get("/opds", headers: basic("other:s3cret pass")).status, 401)
        XCTAssertEqual(try server.get("/opds", headers: basic("reader:s3cret pass")).status, 200)
        XCTAssertEqual(try server.get(path, headers: basic("reader:s3cret pass")).status, 200)
        XCTAssertEqual(try server.get("/nothing", headers: basic("reader:s3cret pass")).status, 404)
    }

    func testCoversAndThumbnailsAreJPEGOrPNG() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.samplesBook(at: folder.file("samples.epub"))
        try DeliveryFixtures.write(.init(title: "JPEG", cover: (DeliveryFixtures.jpeg, .jpeg)), to: folder.file("jpeg.epub"))
        try DeliveryFixtures.write(.init(title: "Legacy", cover: (DeliveryFixtures.jpeg, .jpeg), legacyCover: true), to: folder.file("legacy.epub"))
        try DeliveryFixtures.write(.init(title: "GIF", cover: (Data("GIF89a....".utf8), .gif)), to: folder.file("gif.epub"))
        // Declared JPEG, but the bytes are not: never served.
        try DeliveryFixtures.write(.init(title: "Liar", cover: (Data("<html>".utf8), .jpeg)), to: folder.file("liar.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let books = Dictionary(uniqueKeysWithValues: server.server.library.current().newest.map { ($0.fileName, $0) })
        // Bindery's own book carries its drawn cover, a JPEG.
        for (name, type) in [("samples.epub", ImageType.jpeg), ("jpeg.epub", .jpeg), ("legacy.epub", .jpeg)] {
            let book = try XCTUnwrap(books[name])
            XCTAssertEqual(book.coverType, type, name)
            for path in [CatalogPaths.cover(book, type: type), CatalogPaths.thumbnail(book, type: type)] {
                let response = try server.get(path)
                XCTAssertEqual(response.status, 200, path)
                XCTAssertEqual(response.header("Content-Type"), type.mediaType)
                XCTAssertEqual(ImageType.sniff(response.body), type, path)
            }
        }
        XCTAssertNil(books["gif.epub"]?.coverType)
        XCTAssertEqual(try server.get("/covers/\(books["gif.epub"]!.id).png").status, 404)
        XCTAssertEqual(try server.get(CatalogPaths.cover(books["liar.epub"]!, type: .jpeg)).status, 404)
    }

    func testNewBooksAppearWithoutARestart() throws {
        let folder = try library(["first.epub": .init(title: "First")])
        let server = try LoopbackLibraryServer(folder: folder.url)
        XCTAssertFalse(String(decoding: try server.get("/opds/new").body, as: UTF8.self).contains("Second"))
        try DeliveryFixtures.write(.init(title: "Second"), to: folder.file("second.epub"))
        let feed = String(decoding: try server.get("/opds/new").body, as: UTF8.self)
        XCTAssertTrue(feed.contains("<title>Second</title>"), feed)
        XCTAssertEqual(try server.get(try bookPath(server, "second.epub")).status, 200)
    }

    func testBrokenFilesAreSkippedAndTheRestListed() throws {
        let folder = try library(["good.epub": .init(title: "Good")])
        try Data("not a zip".utf8).write(to: folder.file("broken.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        XCTAssertEqual(server.server.library.current().newest.map(\.fileName), ["good.epub"])
    }

    func testBusyServerTurnsAwayWhatCannotWait() throws {
        let folder = try library(["book.epub": .init(title: "Large", padding: 16 << 20)])
        let server = try LoopbackLibraryServer(folder: folder.url) {
            $0.maxConcurrent = 1
            $0.queueTimeout = 0.3
        }
        let path = try bookPath(server, "book.epub")
        // Hold the only slot with a download whose client does not read.
        let fd = try Self.connect(server.port)
        defer { close(fd) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: x\r\nRange: bytes=0-\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        // 16 MB cannot fit in the socket buffers: the first download holds the slot.
        let deadline = Date().addingTimeInterval(5)
        while server.server.activeRequests == 0 && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(server.server.activeRequests, 1)
        let busy = try server.get("/opds")
        XCTAssertEqual(busy.status, 503)
        XCTAssertEqual(busy.header("Retry-After"), "5")
    }

    func testStalledConnectionsAreClosedAfterTheIdleTimeout() throws {
        let folder = try library(["a.epub": .init(title: "A")])
        let server = try LoopbackLibraryServer(folder: folder.url) { $0.idleTimeout = 1 }
        let fd = try Self.connect(server.port)
        defer { close(fd) }
        // Half a request line, then nothing.
        _ = Array("GET /op".utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        let started = Date()
        var byte: UInt8 = 0
        XCTAssertLessThanOrEqual(recv(fd, &byte, 1, 0), 0, "the server should close the stalled connection")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testStoppingLetsADownloadInFlightFinish() throws {
        let folder = try library(["big.epub": .init(title: "Big", padding: 16 << 20)])
        let original = try Data(contentsOf: folder.file("big.epub"))
        let server = try LoopbackLibraryServer(folder: folder.url)
        let path = try bookPath(server, "big.epub")
        let fd = try Self.connect(server.port)
        defer { close(fd) }
        _ = Array("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        let deadline = Date().addingTimeInterval(5)
        while server.server.activeRequests == 0 && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(server.server.activeRequests, 1, "the download should be in flight")
        let stopped = DispatchSemaphore(value: 0)
        let running = server.server
        Task.detached {
            await running.stop(grace: 10)
            stopped.signal()
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        XCTAssertEqual(stopped.wait(timeout: .now() + 15), .success)
        let body = received.range(of: Data("\r\n\r\n".utf8)).map { received[$0.upperBound...] }
        XCTAssertEqual(body.map { Data($0) }, original)
        XCTAssertNotEqual(try? RawHTTP.request(port: server.port, target: "/opds").status, 200, "a stopped server accepts nothing new")
    }

    /// A connected socket with a small receive buffer (so a download that
    /// is not read stalls in the server).
    static func connect(_ port: UInt16) throws -> Int32 {
        try RawHTTP.connect(port: port, receiveBuffer: 4096)
    }
}
