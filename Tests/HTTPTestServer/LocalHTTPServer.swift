import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) for the tests that
/// fetch (pictures, feeds): no outside network, no extra packages. One
/// thread accepts; each connection is served on its own thread and closed
/// after one response. Counts requests per path and keeps each request's
/// headers and timing, so tests can prove what was (not) fetched, and how.
public final class LocalHTTPServer: @unchecked Sendable {
    public struct Response: Sendable {
        public var status: Int = 200
        public var headers: [(String, String)] = []
        public var body: Data = Data()
        /// Pause before anything is sent (to exceed a client timeout).
        public var delay: TimeInterval = 0
        /// Announced `Content-Length` (defaults to the body's length); `-1`
        /// sends none (the body then ends when the connection closes).
        public var contentLength: Int?

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data(), delay: TimeInterval = 0,
                    contentLength: Int? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.contentLength = contentLength
        }

        public static func ok(_ body: Data, type: String = "image/jpeg") -> Response {
            Response(status: 200, headers: [("Content-Type", type)], body: body)
        }

        public static func redirect(_ location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)])
        }

        public static func status(_ code: Int) -> Response {
            Response(status: code, headers: [("Content-Type", "text/plain")], body: Data("status \(code)\n".utf8))
        }
    }

    /// One request as received.
    public struct Request: Sendable {
        public var pathAndQuery: String
        /// Header fields, names lower-cased.
        public var headers: [String: String]
        public var received: Date
        /// How many times the same path and query was asked before.
        public var previousHits: Int
        /// When the response was sent (or the client went away).
        public var answered: Date?
    }

    /// Answers a request: path with query, and how many times it was asked before.
    public typealias Handler = @Sendable (_ pathAndQuery: String, _ previousHits: Int) -> Response
    /// Answers a request seeing its headers too.
    public typealias DetailedHandler = @Sendable (_ request: Request) -> Response

    public private(set) var port: UInt16 = 0
    private var listener: Int32 = -1
    private let handler: DetailedHandler
    private let lock = NSLock()
    private var hits: [String: Int] = [:]
    private var userAgents: [String] = []
    private var log: [Request] = []
    private var acceptThread: Thread?
    private let stopped = DispatchSemaphore(value: 0)

    public convenience init(handler: @escaping Handler) throws {
        try self.init(detailedHandler: { request in handler(request.pathAndQuery, request.previousHits) })
    }

    public init(detailedHandler handler: @escaping DetailedHandler) throws {
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

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    public func url(_ path: String) -> URL {
        // Test paths are literal and valid.
        URL(string: base + path)!
    }

    public func hitCount(_ pathAndQuery: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return hits[pathAndQuery] ?? 0
    }

    public var totalHits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hits.values.reduce(0, +)
    }

    public var receivedUserAgents: [String] {
        lock.lock()
        defer { lock.unlock() }
        return userAgents
    }

    /// Every request so far, in the order they arrived.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// Stops accepting; afterwards connections are refused.
    public func stop() {
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
        guard let head = readRequest(client) else { return }
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        let path = String(parts[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        lock.lock()
        let previous = hits[path] ?? 0
        let request = Request(pathAndQuery: path, headers: headers, received: Date(), previousHits: previous)
        hits[path] = previous + 1
        if let agent = headers["user-agent"] { userAgents.append(agent) }
        let logIndex = log.count
        log.append(request)
        lock.unlock()
        defer {
            lock.lock()
            log[logIndex].answered = Date()
            lock.unlock()
        }

        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var answer = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { answer += "\(name): \(value)\r\n" }
        let length = response.contentLength ?? response.body.count
        if length >= 0 { answer += "Content-Length: \(length)\r\n" }
        answer += "Connection: close\r\n\r\n"
        guard send(client, Data(answer.utf8)) else { return }
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
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 429: return "Too Many Requests"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
