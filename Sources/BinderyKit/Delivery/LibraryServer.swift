import FlyingFox
import FlyingSocks
import Foundation

/// `bindery serve`: a read-only HTTP server for a library folder, with an
/// OPDS 1.2 catalog for reading apps and a plain HTML page for e-reader
/// browsers. Built on FlyingFox (async sockets, no SwiftNIO).
public final class LibraryServer: Sendable {
    public struct Options: Sendable {
        /// Address to listen on; `nil`: every interface (IPv6 and IPv4).
        public var host: String?
        public var port: UInt16 = 8080
        /// The catalog's title.
        public var title = "Bindery library"
        public var auth: BasicAuth?
        /// Requests served at once (a download counts until its last byte).
        public var maxConcurrent = 32
        /// How long a request may wait for a slot before it gets 503.
        public var queueTimeout: TimeInterval = 20
        /// Seconds a connection may make no progress (reading or writing) before it is closed.
        public var idleTimeout: TimeInterval = 30
        /// Entries per catalog page.
        public var pageSize = 50
        /// Minimum seconds between two listings of the folder.
        public var rescanInterval: TimeInterval = 2

        public init() {}
    }

    /// Thrown when `--host` is not an IP address this machine can listen on.
    public struct AddressError: Error, CustomStringConvertible {
        public var host: String
        public var description: String { "cannot listen on '\(host)': give an IP address such as 127.0.0.1, 192.168.1.10 or ::1" }
    }

    public let options: Options
    public let library: Library
    private let server: HTTPServer
    private let gate: RequestGate
    private let running = RunningTask()

    public init(library: Library, options: Options, log: @escaping @Sendable (String) -> Void) throws {
        self.library = library
        self.options = options
        gate = RequestGate(limit: options.maxConcurrent)
        let handler = LibraryHandler(library: library, options: options, gate: gate, log: RequestLog(write: log))
        let pool = IdleTimeoutPool(base: HTTPServer.defaultPool(), timeout: options.idleTimeout)
        // FlyingFox's own timeout bounds a handler; streaming is bounded by the pool.
        let address = try Self.address(host: options.host, port: options.port)
        let config = HTTPServer.Configuration(address: address, timeout: options.queueTimeout + 10, pool: pool, logger: .disabled)
        server = HTTPServer(config: config, handler: handler)
    }

    /// Serves until `stop` (or the task is cancelled).
    public func run() async throws {
        let server = self.server
        let task = Task { try await server.run() }
        running.set(task)
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// The port once listening (the chosen one when `port` was 0).
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening()
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return options.port
        }
    }

    /// Stops accepting connections, lets requests in flight finish for up
    /// to `grace` seconds, then cancels the rest.
    public func stop(grace: TimeInterval) async {
        // FlyingFox's stop closes the listening socket and ends idle
        // connections, but waits out its whole timeout when nothing is in
        // flight (epoll never reports the closed socket): so wait here for
        // the requests being served, then cancel.
        let server = self.server
        Task { await server.stop(timeout: grace) }
        let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
        while gate.activeCount > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        running.get()?.cancel()
    }

    /// Requests being served at this moment.
    public var activeRequests: Int { gate.activeCount }

    /// The addresses to type on a device: the LAN addresses when listening
    /// on every interface, else the one given.
    public func urls(port: UInt16) -> [String] {
        var hosts: [String]
        if let host = options.host, !Self.isWildcard(host) {
            hosts = [host]
        } else {
            hosts = NetworkInterfaces.lanAddresses()
            if hosts.isEmpty { hosts = ["127.0.0.1"] }
        }
        return hosts.map { host in host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/" }
    }

    static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" }

    static func address(host: String?, port: UInt16) throws -> any SocketAddress {
        guard let host else {
            return NetworkInterfaces.hasIPv6() ? sockaddr_in6.inet6(port: port) as any SocketAddress : sockaddr_in.inet(port: port)
        }
        let literal = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        do {
            if literal.contains(":") { return try sockaddr_in6.inet6(ip6: literal, port: port) }
            return try sockaddr_in.inet(ip4: literal, port: port)
        } catch {
            throw AddressError(host: host)
        }
    }
}

/// The task serving requests, for `stop` to cancel.
private final class RunningTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Error>?

    func set(_ task: Task<Void, Error>) {
        lock.lock()
        self.task = task
        lock.unlock()
    }

    func get() -> Task<Void, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return task
    }
}
