import Foundation

/// Gets remote images through the cache: each URL is downloaded at most once
/// per cache (and a failed one at most once per `failureMemory`), proxies are
/// seen through according to the source policy, and the export's download
/// budget is kept. Thread-safe.
final class RemoteImages: @unchecked Sendable {
    /// A remote image that could be had: content hash and type (the bytes are in the cache).
    struct Found: Sendable, Hashable {
        var hash: String
        var type: ImageType
    }

    let options: AssetOptions
    let cache: AssetCache
    private let fetcher: HTTPFetcher?
    private let lock = NSLock()
    /// Results for URLs as written in articles, from `prefetch` or earlier lookups.
    private var known: [URL: Result<Found, FetchFailure>] = [:]
    private var bytesDownloaded = 0
    private var requestCount = 0
    /// Hosts that did not answer in this run, with the reason: their other
    /// images are not requested, so an unreachable site (or no network at
    /// all) costs one failed request per host, not one per picture.
    private var unreachableHosts: [String: String] = [:]

    init(options: AssetOptions) {
        self.options = options
        cache = AssetCache(directory: options.cacheDirectory)
        fetcher = options.offline || !options.includeImages ? nil : HTTPFetcher(settings: .init(
            timeout: options.requestTimeout,
            maxRedirects: options.maxRedirects,
            userAgent: options.userAgent,
            retryDelay: options.retryDelay,
            maxConnections: options.jobs))
    }

    /// Whether `prefetch` downloads anything (offline, or with images off, it does not).
    var downloads: Bool { fetcher != nil }

    /// Requests sent so far (for the summary and tests).
    var requestsMade: Int {
        lock.lock()
        defer { lock.unlock() }
        return requestCount
    }

    /// Obtains every URL, `jobs` at a time; blocks until all are done.
    func prefetch(_ urls: [URL], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) {
        // Offline there is nothing to download: `resolve` looks the cache up
        // as it goes, on all cores, without threads started here.
        guard fetcher != nil else {
            progress?(0, 0)
            return
        }
        var seen = Set<URL>()
        let pending = urls.filter { seen.insert($0).inserted && !isKnown($0) }
        guard !pending.isEmpty else {
            progress?(0, 0)
            return
        }
        // Dedicated threads, not Dispatch/OperationQueue workers: each one
        // blocks on its download, and blocked pool threads starve the pool
        // that URLSession's own callbacks need (seen as multi-second stalls
        // on a 2-core Linux machine).
        let work = WorkList(pending)
        let finished = DispatchGroup()
        for _ in 0..<min(options.jobs, pending.count) {
            finished.enter()
            Thread.start(named: "bindery-images") { [self] in
                while let url = work.next() {
                    _ = image(at: url)
                    progress?(work.complete(), pending.count)
                }
                finished.leave()
            }
        }
        finished.wait()
    }

    /// The image a reference as written stands for: tries the written URL and
    /// the proxy's origin in policy order, returns the first success, else
    /// the first failure (naming the fallback's failure too).
    func image(at written: URL) -> Result<Found, FetchFailure> {
        lock.lock()
        if let result = known[written] {
            lock.unlock()
            return result
        }
        lock.unlock()

        var candidates = [written]
        if let origin = options.proxies.origin(of: written) {
            candidates = options.sourcePolicy == .asWritten ? [written, origin] : [origin, written]
        }
        var failures: [(URL, FetchFailure)] = []
        var result: Result<Found, FetchFailure>?
        for candidate in candidates {
            switch obtain(candidate) {
            case .success(let found):
                result = .success(found)
            case .failure(let failure):
                failures.append((candidate, failure))
            }
            if result != nil { break }
        }
        if result == nil, let first = failures.first {
            if failures.count > 1 {
                let rest = failures.dropFirst().map { "\($0.0.absoluteString): \($0.1)" }.joined(separator: "; ")
                result = .failure(.withFallback(first.1, fallback: rest))
            } else {
                result = .failure(first.1)
            }
        }
        let final = result ?? .failure(.notCached)
        lock.lock()
        known[written] = final
        lock.unlock()
        return final
    }

    /// The cached bytes of a found image.
    func data(of found: Found) -> Data? { cache.blob(found.hash) }

    private func isKnown(_ url: URL) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return known[url] != nil
    }

    /// One URL: cache first, then (unless offline) the network.
    private func obtain(_ url: URL) -> Result<Found, FetchFailure> {
        switch cache.outcome(for: url) {
        case .image(let hash, let type)?:
            if cache.blob(hash) != nil { return .success(Found(hash: hash, type: type)) }
        case .failure(let reason, let time)?:
            let age = options.now().timeIntervalSince(time)
            if age >= 0 && age < options.failureMemory { return .failure(.rememberedFailure(reason)) }
        case nil:
            break
        }
        guard let fetcher else { return .failure(.notCached) }
        let host = (url.host?.lowercased() ?? "") + (url.port.map { ":\($0)" } ?? "")

        lock.lock()
        if let reason = unreachableHosts[host] {
            lock.unlock()
            return .failure(.hostSkipped(host: host, reason: reason))
        }
        let spent = bytesDownloaded
        if spent < options.downloadBudgetBytes { requestCount += 1 }
        lock.unlock()
        // Concurrent downloads may overshoot the budget by at most `jobs` images.
        guard spent < options.downloadBudgetBytes else { return .failure(.budgetExhausted(limit: options.downloadBudgetBytes)) }

        let result: Result<Found, FetchFailure>
        switch fetcher.download(url, maxBytes: options.maxImageBytes) {
        case .success(let body):
            lock.lock()
            bytesDownloaded += body.data.count
            lock.unlock()
            if let type = ImageType.sniff(body.data) {
                let hash = cache.store(body.data, type: type, for: [url])
                return .success(Found(hash: hash, type: type))
            }
            result = .failure(.notAnImage(contentType: body.contentType))
        case .failure(let failure):
            if failure.meansHostIsDown {
                lock.lock()
                unreachableHosts[host] = unreachableHosts[host] ?? failure.description
                lock.unlock()
            }
            result = .failure(failure)
        }
        if case .failure(let failure) = result, failure.isRemembered {
            cache.storeFailure(failure.description, time: options.now(), for: url)
        }
        return result
    }
}
