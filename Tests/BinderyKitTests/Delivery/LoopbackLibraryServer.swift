import Foundation
import XCTest
@testable import BinderyKit

/// A `LibraryServer` on 127.0.0.1 and a free port, for one test. Tests
/// stay synchronous: the server runs on Swift's task pool while the test's
/// thread makes blocking requests with `RawHTTP`.
final class LoopbackLibraryServer {
    let server: LibraryServer
    let port: UInt16
    let folder: URL
    private let finished = DispatchSemaphore(value: 0)
    private let logLines = LogLines()

    init(folder: URL, configure: (inout LibraryServer.Options) -> Void = { _ in }) throws {
        var options = LibraryServer.Options()
        options.host = "127.0.0.1"
        options.port = 0
        options.title = "Test library"
        options.rescanInterval = 0
        configure(&options)
        self.folder = folder
        let lines = logLines
        server = try LibraryServer(library: try Library(folder: folder, rescanInterval: options.rescanInterval),
                                   options: options, log: { lines.append($0) })
        let server = self.server, finished = self.finished
        Task.detached {
            try? await server.run()
            finished.signal()
        }
        let listening = DispatchSemaphore(value: 0)
        final class PortBox: @unchecked Sendable { var port: UInt16 = 0 }
        let box = PortBox()
        Task.detached {
            box.port = (try? await server.waitUntilListening()) ?? 0
            listening.signal()
        }
        guard listening.wait(timeout: .now() + 10) == .success, box.port != 0 else {
            throw XCTSkip("the loopback server did not start")
        }
        port = box.port
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var log: [String] { logLines.all }

    func get(_ target: String, headers: [String: String] = [:], method: String = "GET") throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, method: method, target: target, headers: headers)
    }

    /// Stops the server and waits until it has.
    func stop() {
        let server = self.server
        Task.detached { await server.stop(grace: 2) }
        _ = finished.wait(timeout: .now() + 10)
    }

    deinit { stop() }

    private final class LogLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }
}

/// A minimal HTTP/1.1 client on a plain socket: sends the request target
/// exactly as given (`..`, `%2F` and all, which URL libraries would
/// normalise away) and reads the response until the server closes.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// A socket connected to 127.0.0.1:`port`, reads timing out after 20 s;
    /// `receiveBuffer`: a small one makes a download the client does not
    /// read stall in the server.
    static func connect(port: UInt16, receiveBuffer: Int32? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect: \(errno)")
        }
        return fd
    }

    static func request(port: UInt16, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw Failure(description: "send: \(errno)")
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no response head in \(received.count) bytes") }
        let head = String(decoding: received[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { throw Failure(description: "bad status line") }
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: fields, body: Data(received[split.upperBound...]))
    }
}
