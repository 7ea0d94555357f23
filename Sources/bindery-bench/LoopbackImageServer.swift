import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server (RFC 9112) on a loopback address (127.0.0.1
/// unless told another of 127.0.0.0/8) and an ephemeral port, serving fixed
/// files from memory, for the image and feed benchmarks: Bindery fetches
/// real HTTP without the network deciding the result. Every file has an
/// `ETag`; a matching `If-None-Match` gets `304 Not Modified` (RFC 9110 §13.1.2).
///
/// One thread accepts; one thread per connection (at most `maxConnections`)
/// answers GET and HEAD, keeping the connection alive unless the client asks
/// for `Connection: close` (RFC 9112 §9.6) or speaks HTTP/1.0. Every request
/// is counted. `stop()` closes the listener and every open connection and
/// waits for all threads, so nothing outlives the measurement.
final class LoopbackImageServer: @unchecked Sendable {
    let port: UInt16
    let host: String
    var baseURL: String { "http://\(host):\(port)" }

    private let files: [String: (data: Data, contentType: String, etag: String)]
    private let listener: Int32
    private let maxConnections: Int
    private let threads = DispatchGroup()
    private let lock = NSLock()
    private var requests = 0
    private var connections: Set<Int32> = []
    private var stopped = false

    /// Serves each `(path, data)` at `path` (like `/img/000.jpg`), on
    /// `127.0.0.host` (`host` 1…254: several loopback hosts for the per-host
    /// politeness of feed fetching).
    init(files: [(path: String, data: Data)], maxConnections: Int = 64, host lastOctet: UInt8 = 1) throws {
        var table: [String: (data: Data, contentType: String, etag: String)] = [:]
        for (index, file) in files.enumerated() {
            table[file.path] = (file.data, Self.contentType(file.path), "\"\(index)-\(file.data.count)\"")
        }
        host = "127.0.0.\(lastOctet)"
        self.files = table
        self.maxConnections = maxConnections

        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw BenchError.failed("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0 // the kernel picks a free port
        address.sin_addr = in_addr(s_addr: (UInt32(0x7F00_0000) | UInt32(max(1, lastOctet))).bigEndian) // loopback only, never INADDR_ANY
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketDescriptor, generic, length) == 0 && listen(socketDescriptor, 128) == 0
                    && getsockname(socketDescriptor, generic, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(socketDescriptor)
            throw BenchError.failed("cannot listen on \(host): \(reason)")
        }
        listener = socketDescriptor
        port = UInt16(bigEndian: address.sin_port)

        threads.enter()
        Thread { [self] in
            acceptLoop()
            threads.leave()
        }.start()
    }

    deinit { stop() }

    private static func contentType(_ path: String) -> String {
        if path.hasSuffix(".png") { return "image/png" }
        if path.hasSuffix(".xml") { return "application/xml" }
        if path.hasSuffix(".json") { return "application/feed+json" }
        return "image/jpeg"
    }

    /// Requests answered so far (any path, any status).
    var requestCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    /// Stops accepting, ends open connections and waits for every thread.
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        // shutdown(2) wakes the threads blocked in accept and recv.
        if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)) }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        lock.unlock()
        threads.wait()
        if !wasStopped { close(listener) }
    }

    // MARK: - Threads

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return // the listener was shut down (or broke): stop accepting
            }
            lock.lock()
            let refuse = stopped || connections.count >= maxConnections
            if !refuse { connections.insert(connection) }
            lock.unlock()
            if refuse {
                close(connection)
                continue
            }
            threads.enter()
            Thread { [self] in
                serve(connection)
                lock.lock()
                connections.remove(connection)
                lock.unlock()
                close(connection)
                threads.leave()
            }.start()
        }
    }

    /// Answers requests on one connection until either side closes it.
    private func serve(_ connection: Int32) {
        // An idle keep-alive connection is dropped after 30 s.
        var idle = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            // Read until the blank line that ends the head (RFC 9112 §2.1).
            var headEnd = Self.endOfHead(in: buffer)
            while headEnd == nil {
                guard buffer.count < 65_536 else { return } // a head this large is not one of ours
                let received = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if received < 0 && errno == EINTR { continue }
                guard received > 0 else { return }
                buffer += chunk[0..<received]
                headEnd = Self.endOfHead(in: buffer)
            }
            guard let end = headEnd else { return }
            let request = HTTPRequestHead(String(decoding: buffer[0..<end], as: UTF8.self))
            buffer.removeFirst(end + 4)
            lock.lock()
            requests += 1
            lock.unlock()
            // GET and HEAD carry no body here; anything with one is refused and the connection closed.
            let keepAlive = request.keepsAlive && !request.hasBody
            guard send(response(to: request, keepAlive: keepAlive), on: connection), keepAlive else { return }
        }
    }

    private func response(to request: HTTPRequestHead, keepAlive: Bool) -> Data {
        let status: String
        var body = Data()
        var contentType = "text/plain"
        var etag: String?
        if request.method.isEmpty {
            status = "400 Bad Request"
        } else if request.method != "GET" && request.method != "HEAD" {
            status = "405 Method Not Allowed"
        } else if let file = files[request.path], request.ifNoneMatch == file.etag {
            status = "304 Not Modified"
            etag = file.etag
        } else if let file = files[request.path] {
            status = "200 OK"
            body = file.data
            contentType = file.contentType
            etag = file.etag
        } else {
            status = "404 Not Found"
            body = Data("not found\n".utf8)
        }
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            + "Connection: \(keepAlive ? "keep-alive" : "close")\r\n" + (etag.map { "ETag: \($0)\r\n" } ?? "") + "\r\n"
        return Data(head.utf8) + (request.method == "HEAD" ? Data() : body)
    }

    private func send(_ data: Data, on connection: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                // MSG_NOSIGNAL: a client that went away is an error, not SIGPIPE.
                let sent = Glibc.send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    private static func endOfHead(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// The parts of a request head (RFC 9112 §3) the server looks at.
struct HTTPRequestHead {
    var method = ""
    var path = ""
    var version = ""
    var connectionTokens: [String] = []
    var hasBody = false
    var ifNoneMatch: String?

    init(_ head: String) {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        if requestLine.count == 3 {
            method = String(requestLine[0])
            // The query is not part of the file name.
            path = String(requestLine[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
            version = String(requestLine[2])
        }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            if name == "if-none-match" {
                ifNoneMatch = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else if name == "connection" {
                connectionTokens += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if name == "transfer-encoding" || (name == "content-length" && value != "0") {
                hasBody = true
            }
        }
    }

    /// HTTP/1.1 persists unless `close` is sent; HTTP/1.0 only with `keep-alive` (RFC 9112 §9.3).
    var keepsAlive: Bool {
        if connectionTokens.contains("close") { return false }
        return version == "HTTP/1.1" || connectionTokens.contains("keep-alive")
    }
}
