import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) for the asset tests:
/// no outside network, no extra packages. One thread accepts; each
/// connection is served on its own thread and closed after one response.
/// Counts requests per path so tests can prove what was (not) fetched.
final class LocalHTTPServer: @unchecked Sendable {
    struct Response {
        var status: Int = 200
        var headers: [(String, String)] = []
        var body: Data = Data()
        /// Pause before anything is sent (to exceed a client timeout).
        var delay: TimeInterval = 0
        /// Announced `Content-Length` (defaults to the body's length); `-1`
        /// sends none (the body then ends when the connection closes).
        var contentLength: Int?

        static func ok(_ body: Data, type: String = "image/jpeg") -> Response {
            Response(status: 200, headers: [("Content-Type", type)], body: body)
        }

        static func redirect(_ location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)])
        }

        static func status(_ code: Int) -> Response {
            Response(status: code, headers: [("Content-Type", "text/plain")], body: Data("status \(code)\n".utf8))
        }
    }

    /// Answers a request: path with query, and how many times it was asked before.
    typealias Handler = @Sendable (_ pathAndQuery: String, _ previousHits: Int) -> Response

    private(set) var port: UInt16 = 0
    private var listener: Int32 = -1
    private let handler: Handler
    private let lock = NSLock()
    private var hits: [String: Int] = [:]
    private var userAgents: [String] = []
    private var acceptThread: Thread?
    private let stopped = DispatchSemaphore(value: 0)

    init(handler: @escaping Handler) throws {
        self.handler = handler
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw ServerError("bind/listen: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        acceptThread = thread
        thread.start()
    }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> URL {
        // Test paths are literal and valid.
        URL(string: base + path)!
    }

    func hitCount(_ pathAndQuery: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return hits[pathAndQuery] ?? 0
    }

    var totalHits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hits.values.reduce(0, +)
    }

    var receivedUserAgents: [String] {
        lock.lock()
        defer { lock.unlock() }
        return userAgents
    }

    /// Stops accepting; afterwards connections are refused.
    func stop() {
        lock.lock()
        let fd = listener
        listener = -1
        lock.unlock()
        guard fd >= 0 else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        _ = stopped.wait(timeout: .now() + 2)
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { stopped.signal() }
        while true {
            lock.lock()
            let fd = listener
            lock.unlock()
            guard fd >= 0 else { return }
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = readRequest(client) else { return }
        let lines = request.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        let path = String(parts[1])
        let agent = lines.first { $0.lowercased().hasPrefix("user-agent:") }
            .map { String($0.dropFirst("user-agent:".count)).trimmingCharacters(in: .whitespaces) }
        lock.lock()
        let previous = hits[path] ?? 0
        hits[path] = previous + 1
        if let agent { userAgents.append(agent) }
        lock.unlock()

        let response = handler(path, previous)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        let length = response.contentLength ?? response.body.count
        if length >= 0 { head += "Content-Length: \(length)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard send(client, Data(head.utf8)) else { return }
        _ = send(client, response.body)
    }

    private func readRequest(_ client: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        while received.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            received.append(contentsOf: buffer[0..<n])
            if let text = String(bytes: received, encoding: .utf8), text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    /// Writes everything, ignoring a client that went away (MSG_NOSIGNAL: no SIGPIPE).
    private func send(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(client, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
