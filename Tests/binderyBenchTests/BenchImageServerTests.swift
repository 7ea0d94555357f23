import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import bindery_bench

final class BenchImageServerTests: XCTestCase {
    /// Sends `request` on a fresh connection and reads until the server closes it.
    private func exchange(_ request: String, port: UInt16, host: String = "127.0.0.1") throws -> [UInt8] {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(connection) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr(host))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchError.failed("connect: \(String(cString: strerror(errno)))") }
        _ = Array(request.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            // A timeout (-1) would mean the server kept a `Connection: close` connection open.
            guard count >= 0 else { throw BenchError.failed("server did not close the connection") }
            if count == 0 { return received }
            received += chunk[0..<count]
        }
    }

    private func body(of response: [UInt8]) -> [UInt8] {
        let text = response
        for index in 0..<(text.count - 3) where Array(text[index..<(index + 4)]) == [13, 10, 13, 10] {
            return Array(text[(index + 4)...])
        }
        return []
    }

    func testServesTheBytesCountsRequestsAndClosesWhenAsked() throws {
        let jpeg = BenchImages.image(0), png = BenchImages.image(1)
        let server = try LoopbackImageServer(files: [("/img/\(jpeg.name)", jpeg.data), ("/img/\(png.name)", png.data)])
        defer { server.stop() }
        XCTAssertEqual(server.baseURL, "http://127.0.0.1:\(server.port)")

        let first = try exchange("GET /img/000.jpg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        XCTAssertTrue(String(decoding: first.prefix(200), as: UTF8.self).hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"))
        XCTAssertEqual(body(of: first), [UInt8](jpeg.data))

        // Two pipelined requests on one kept-alive connection, the second closing it.
        let both = try exchange("GET /img/001.png HTTP/1.1\r\nHost: x\r\n\r\nGET /img/404.png?w=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                port: server.port)
        let text = String(decoding: both, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: \(png.data.count)\r\nConnection: keep-alive"))
        XCTAssertTrue(text.hasSuffix("Connection: close\r\n\r\nnot found\n"))
        XCTAssertEqual(server.requestCount, 3)
    }

    func testAMatchingETagGetsNotModified() throws {
        let jpeg = BenchImages.image(0)
        let server = try LoopbackImageServer(files: [("/img/\(jpeg.name)", jpeg.data)], host: 2)
        defer { server.stop() }
        XCTAssertEqual(server.baseURL, "http://127.0.0.2:\(server.port)")
        let first = String(decoding: try exchange("GET /img/000.jpg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                                  port: server.port, host: "127.0.0.2"), as: UTF8.self)
        let etag = try XCTUnwrap(first.split(separator: "\r\n").first { $0.hasPrefix("ETag: ") }?.dropFirst(6))
        let second = String(decoding: try exchange("GET /img/000.jpg HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\nConnection: close\r\n\r\n",
                                                   port: server.port, host: "127.0.0.2"), as: UTF8.self)
        XCTAssertTrue(second.hasPrefix("HTTP/1.1 304 Not Modified\r\n"), second)
        XCTAssertTrue(second.hasSuffix("Content-Length: 0\r\nConnection: close\r\nETag: \(etag)\r\n\r\n"), second)
    }

    func testStopEndsIdleConnectionsAndTheListener() throws {
        let server = try LoopbackImageServer(files: [])
        let port = server.port
        // An idle keep-alive connection must not keep stop() waiting.
        let idle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(idle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(idle, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        usleep(50_000)
        let start = ChildProcess.monotonicSeconds()
        server.stop()
        XCTAssertLessThan(ChildProcess.monotonicSeconds() - start, 1)
        XCTAssertThrowsError(try exchange("GET / HTTP/1.1\r\n\r\n", port: port))
    }

    func testRequestHeadRules() {
        XCTAssertTrue(HTTPRequestHead("GET /a HTTP/1.1\r\nHost: x").keepsAlive)
        XCTAssertFalse(HTTPRequestHead("GET /a HTTP/1.1\r\nConnection: Keep-Alive, CLOSE").keepsAlive)
        XCTAssertFalse(HTTPRequestHead("GET /a HTTP/1.0").keepsAlive)
        XCTAssertTrue(HTTPRequestHead("GET /a HTTP/1.0\r\nConnection: keep-alive").keepsAlive)
        XCTAssertEqual(HTTPRequestHead("GET /img/1.jpg?x=2 HTTP/1.1").path, "/img/1.jpg")
        XCTAssertTrue(HTTPRequestHead("POST /a HTTP/1.1\r\nContent-Length: 3").hasBody)
    }
}

final class BenchImageArchiveTests: XCTestCase {
    func testImagesAreDistinctSniffableAndSized() {
        let images = (0..<6).map { BenchImages.image($0) }
        XCTAssertEqual(images.map(\.name), ["000.jpg", "001.png", "002.jpg", "003.png", "004.jpg", "005.png"])
        XCTAssertEqual(Set(images.map(\.data)).count, 6)
        for (index, image) in images.enumerated() {
            XCTAssertEqual(Array(image.data.prefix(3)), index % 2 == 0 ? [0xFF, 0xD8, 0xFF] : [0x89, 0x50, 0x4E])
            XCTAssertTrue((BenchImages.minimumBytes...BenchImages.maximumBytes).contains(image.data.count), "\(image.name): \(image.data.count)")
        }
        XCTAssertEqual(BenchImages.image(3).data, images[3].data)
        // The JPEG still ends with its EOI marker after the padding went in.
        XCTAssertEqual(Array(images[0].data.suffix(2)), [0xFF, 0xD9])
    }

    func testArchiveIsDeterministicAndLinksEveryPicture() throws {
        let images = (0..<23).map { (name: String(format: "%03d.jpg", $0), data: Data([UInt8($0)])) }
        let archive = ImageArchive(images: images, baseURL: "http://127.0.0.1:4321")
        XCTAssertEqual(archive.articleCount, 5)
        XCTAssertEqual(archive.duplicateReferences, 0)
        let texts = (0..<archive.articleCount).map { archive.article($0).text }
        XCTAssertEqual(texts, (0..<archive.articleCount).map { archive.article($0).text })
        let all = texts.joined()
        for image in images { XCTAssertTrue(all.contains("src=\"http://127.0.0.1:4321/img/\(image.name)\""), image.name) }
        XCTAssertTrue(texts[0].hasPrefix("<!--1704676200000-->\n[Picture story 1: "))
        XCTAssertTrue(texts[0].contains("](https://news.example.org/a/photos-1.html)\n------\n\n<div><i>"))
        XCTAssertEqual(archive.article(4).name, "0004_images.txt")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-image-archive-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try archive.write(to: folder)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       (0..<5).map { String(format: "%04d_images.txt", $0) })
        XCTAssertEqual(ImageArchive(images: (0..<110).map { (String($0), Data()) }, baseURL: "").duplicateReferences, 2)
    }
}
