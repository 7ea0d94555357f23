import Foundation

/// GET requests as a good citizen of the web: through the `HostGate`, with
/// Bindery's User-Agent, `Retry-After` honoured on 429 and 503 (RFC 9110
/// §10.2.3) up to `maxRetryWait`, and one retry after a pause for timeouts
/// and 5xx answers without it.
final class PoliteClient: @unchecked Sendable {
    private let fetcher: HTTPFetcher
    private let gate: HostGate
    private let options: FeedFetchOptions
    private let lock = NSLock()
    /// Hosts that asked for a longer pause than `maxRetryWait`: not asked
    /// again in this run.
    private var deferredHosts: [String: (status: Int, until: Date)] = [:]

    init(options: FeedFetchOptions) {
        self.options = options
        gate = HostGate(delay: options.hostDelay, now: options.now)
        fetcher = HTTPFetcher(settings: .init(timeout: options.timeout, maxRedirects: options.maxRedirects,
                                              userAgent: options.userAgent, retryDelay: 0, maxConnections: 2))
    }

    /// What a request ended with.
    enum Outcome {
        case response(HTTPFetcher.Response)
        /// 429/503 asking to wait longer than `maxRetryWait`: come back at `until`.
        case deferred(status: Int, until: Date)
        case failure(FetchFailure)
    }

    func get(_ url: URL, headers: [String: String], maxBytes: Int) -> Outcome {
        lock.lock()
        let deferred = deferredHosts[HostGate.key(url)]
        lock.unlock()
        if let deferred { return .deferred(status: deferred.status, until: deferred.until) }
        var transientRetryLeft = true
        var waitRetryLeft = true
        while true {
            let result = gate.withHost(url) { fetcher.send(url, headers: headers, maxBytes: maxBytes) }
            switch result {
            case .failure(let failure):
                guard failure.isTransient, transientRetryLeft else { return .failure(failure) }
                transientRetryLeft = false
                gate.hold(url, until: options.now().addingTimeInterval(options.retryDelay))
            case .success(let response):
                guard response.status == 429 || response.status >= 500 else { return .response(response) }
                if response.status == 429 || response.status == 503,
                   let wait = Self.retryAfter(response.header("Retry-After"), now: options.now()) {
                    let until = options.now().addingTimeInterval(wait)
                    guard wait <= options.maxRetryWait, waitRetryLeft else { return postpone(url, status: response.status, until: until) }
                    waitRetryLeft = false
                    gate.hold(url, until: until)
                } else {
                    guard transientRetryLeft else { return .response(response) }
                    transientRetryLeft = false
                    gate.hold(url, until: options.now().addingTimeInterval(options.retryDelay))
                }
            }
        }
    }

    private func postpone(_ url: URL, status: Int, until: Date) -> Outcome {
        lock.lock()
        deferredHosts[HostGate.key(url)] = (status, until)
        lock.unlock()
        return .deferred(status: status, until: until)
    }

    /// Seconds to wait from a `Retry-After` value: a number of seconds or
    /// an HTTP date (RFC 9110 §10.2.3); `nil` when absent or unreadable.
    static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return TimeInterval(max(0, seconds)) }
        guard let date = FeedDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
