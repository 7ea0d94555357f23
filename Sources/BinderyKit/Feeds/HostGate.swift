import Foundation

/// Per-host politeness: one request at a time per host, a pause between
/// two requests to the same host, and a host-wide wait after a server asked
/// for one (`Retry-After`). Hosts are independent; thread-safe.
final class HostGate: @unchecked Sendable {
    private let delay: TimeInterval
    private let now: @Sendable () -> Date
    private let condition = NSCondition()
    private var busy: Set<String> = []
    private var readyAt: [String: Date] = [:]

    init(delay: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.delay = max(0, delay)
        self.now = now
    }

    /// The key requests are serialized by: the host name, lower-cased
    /// (two ports of one host are one server).
    static func key(_ url: URL) -> String { (url.host ?? "").lowercased() }

    /// Runs `request` once the host is free and its pause is over.
    func withHost<T>(_ url: URL, _ request: () -> T) -> T {
        let host = Self.key(url)
        condition.lock()
        while busy.contains(host) { condition.wait() }
        busy.insert(host)
        let ready = readyAt[host]
        condition.unlock()
        if let ready {
            let wait = ready.timeIntervalSince(now())
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        let result = request()
        condition.lock()
        busy.remove(host)
        readyAt[host] = max(readyAt[host] ?? .distantPast, now().addingTimeInterval(delay))
        condition.broadcast()
        condition.unlock()
        return result
    }

    /// Keeps every request to `url`'s host waiting until `date`.
    func hold(_ url: URL, until date: Date) {
        condition.lock()
        readyAt[Self.key(url)] = max(readyAt[Self.key(url)] ?? .distantPast, date)
        condition.unlock()
    }
}
