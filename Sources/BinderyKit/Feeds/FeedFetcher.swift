import Foundation

/// `bindery fetch`: fetches feeds and keeps an archive folder of their
/// entries, one file per entry in the layout of FORMAT.md.
///
/// Feeds are fetched `jobs` hosts at a time, one request at a time per host
/// (`HostGate`); each feed is asked conditionally (`ETag`,
/// `Last-Modified`), at the URL a permanent redirect named. An entry already
/// archived (same guid in the same feed, or same URL) is written again only
/// when its content changed, as a new file with a newer instant (readers
/// keep the newest copy of a URL). Files and the state appear whole
/// (written beside, then renamed).
public final class FeedFetcher: @unchecked Sendable {
    let options: FeedFetchOptions
    let store: FeedStateStore
    let client: PoliteClient
    let log: DiagnosticLog
    let folder: URL
    private let foldersLock = NSLock()
    private var foldersMade: Set<String> = []

    /// Opens the archive folder (created if missing) and its state.
    ///
    /// - Throws: `FeedArchiveError` when the folder cannot be used or
    ///   another run is writing into it.
    public init(archive folder: URL, options: FeedFetchOptions, log: DiagnosticLog) throws {
        self.folder = folder.standardizedFileURL
        self.options = options
        self.log = log
        store = try FeedStateStore(folder: self.folder)
        client = PoliteClient(options: options)
    }

    /// Media types a feed reader accepts, feeds first.
    static let feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
        + "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"

    /// Fetches every feed (reports in the order given), saves the state
    /// and releases the folder. One run per fetcher.
    ///
    /// - Throws: `FeedArchiveError` when the state cannot be saved (the
    ///   entries written stay; the next run finds them by name).
    public func run(_ feeds: [URL], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> [FeedReport] {
        let reports = ResultSlots<FeedReport>(count: feeds.count)
        // Feeds of one host go to one worker, in the order given.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, feed) in feeds.enumerated() {
            let key = HostGate.key(URL(string: store.feed(feed.absoluteString).movedTo ?? "") ?? feed)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        let work = WorkList(order.map { groups[$0]! })
        let finished = DispatchGroup()
        // Dedicated threads: each blocks on its requests (see RemoteImages).
        for _ in 0..<max(1, min(options.jobs, order.count)) {
            finished.enter()
            Thread.start(named: "bindery-feeds") { [self] in
                while let group = work.next() {
                    for index in group {
                        reports.set(index, fetch(feeds[index]))
                        progress?(work.complete(), feeds.count)
                    }
                }
                finished.leave()
            }
        }
        finished.wait()
        defer { store.unlock() }
        try store.save()
        return reports.values
    }

    // MARK: One feed

    func fetch(_ feed: URL) -> FeedReport {
        let key = feed.absoluteString
        var record = store.feed(key)
        var report = FeedReport(feed: key, status: .failed("not fetched"))
        let now = options.now()
        if let notBefore = record.notBefore, notBefore > now {
            report.status = .waiting(until: notBefore)
            return report
        }
        record.notBefore = nil
        let target = record.movedTo.flatMap(URL.init(string:)) ?? feed
        var headers = ["Accept": Self.feedAccept]
        if let etag = record.etag { headers["If-None-Match"] = etag }
        if let lastModified = record.lastModified { headers["If-Modified-Since"] = lastModified }

        let response: HTTPFetcher.Response
        switch client.get(target, headers: headers, maxBytes: options.maxFeedBytes) {
        case .failure(let failure):
            report.status = .failed(failure.description)
            store.setFeed(key, record)
            return report
        case .deferred(let status, let until):
            record.notBefore = until
            store.setFeed(key, record)
            report.status = .failed("HTTP status \(status), asked to wait \(Int(until.timeIntervalSince(now).rounded())) s "
                + "(more than --max-retry-wait); not asked again before \(W3CDateTime.utc(until))")
            return report
        case .response(let answer):
            response = answer
        }
        if let moved = Self.permanentTarget(of: response) {
            record.movedTo = moved.absoluteString
            report.movedTo = moved
        }
        if response.status == 304 {
            if let etag = response.header("ETag") { record.etag = etag }
            store.setFeed(key, record)
            report.status = .notModified
            return report
        }
        guard (200...299).contains(response.status) else {
            store.setFeed(key, record)
            report.status = .failed("HTTP status \(response.status)")
            return report
        }
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(response.body, contentType: response.header("Content-Type"), url: response.url)
        } catch {
            store.setFeed(key, record)
            report.status = .failed("\(error)")
            return report
        }
        for warning in parsed.warnings { log.report(.warning(key, warning)) }
        // Validators only once the feed was read: a feed that failed to
        // parse is fetched whole next time.
        record.etag = response.header("ETag")
        record.lastModified = response.header("Last-Modified")
        store.setFeed(key, record)
        report.status = .fetched(parsed.format)
        if parsed.entries.isEmpty { log.report(.warning(key, "the feed has no entries")) }
        let archiver = EntryArchiver(fetcher: self, feedKey: key, feed: parsed, feedURL: response.url)
        for entry in parsed.entries {
            switch archiver.archive(entry) {
            case .new: report.new += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            case .failed: break
            }
        }
        return report
    }

    /// Creates a host folder of the archive once per run.
    func ensureFolder(_ url: URL) throws {
        foldersLock.lock()
        let made = foldersMade.contains(url.path)
        foldersLock.unlock()
        guard !made else { return }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        foldersLock.lock()
        foldersMade.insert(url.path)
        foldersLock.unlock()
    }

    /// Where the leading run of permanent redirects (301, 308; RFC 9110
    /// §15.4.2, §15.4.9) ended; `nil` when the first redirect was temporary.
    static func permanentTarget(of response: HTTPFetcher.Response) -> URL? {
        var target: URL?
        for redirect in response.redirects {
            guard redirect.status == 301 || redirect.status == 308 else { break }
            target = redirect.to
        }
        return target
    }
}
