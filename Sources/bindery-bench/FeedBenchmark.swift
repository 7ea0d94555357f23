import Foundation

/// `bindery-bench fetch`: how many feeds a second `bindery fetch` reads and
/// archives. Serves `feedCount` synthetic feeds (RSS 2.0, Atom and JSON Feed
/// in turn, `entriesPerFeed` entries of ~2 KB each, Chinese and English)
/// from `hosts` loopback servers (127.0.0.1, .2, …: politeness is per host)
/// inside this process, and measures `bindery fetch` twice in child
/// processes: into an empty folder (every entry written) and again (every
/// feed answers 304 Not Modified, nothing written). `--host-delay 0`: the
/// benchmark measures Bindery, not the pause it keeps between requests.
struct FeedBenchmark {
    var feedCount: Int
    var entriesPerFeed: Int
    var hosts: Int
    var work: URL
    var bindery: URL
    var repeats: Int

    func run() throws -> FeedBenchReport {
        let folder = work.appendingPathComponent("feeds-\(feedCount)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var perHost = [[(path: String, data: Data)]](repeating: [], count: hosts)
        var feedBytes = 0
        for index in 0..<feedCount {
            let feed = SyntheticFeed(index: index, entries: entriesPerFeed)
            perHost[index % hosts].append((feed.path, feed.data))
            feedBytes += feed.data.count
        }
        let servers = try perHost.enumerated().map { host, files in
            try LoopbackImageServer(files: files, host: UInt8(host + 1))
        }
        defer { servers.forEach { $0.stop() } }
        let list = (0..<feedCount).map { index in
            servers[index % hosts].baseURL + SyntheticFeed(index: index, entries: 0).path
        }
        let listFile = folder.appendingPathComponent("feeds.txt")
        try Data((list.joined(separator: "\n") + "\n").utf8).write(to: listFile)

        // Each cold run writes into a folder of its own, and folders are
        // deleted only after all measurements: ext4 skips recently freed
        // inodes, which would make file creation measure the file system.
        var archive = folder.appendingPathComponent("archive-1")
        func fetch(log: String) throws -> (Measurement, requests: Int) {
            let before = servers.reduce(0) { $0 + $1.requestCount }
            let measurement = try ChildProcess.measure(
                [bindery.path, "fetch", "--feeds", listFile.path, "--into", archive.path, "--host-delay", "0",
                 "--jobs", String(hosts), "--quiet"],
                log: folder.appendingPathComponent(log), environment: ["TZ": "UTC"])
            return (measurement, servers.reduce(0) { $0 + $1.requestCount } - before)
        }

        var cold: (Measurement, requests: Int)?
        for attempt in 1...max(1, repeats) {
            progress("\(feedCount) feeds: into an empty folder \(attempt)")
            archive = folder.appendingPathComponent("archive-\(attempt)")
            let run = try fetch(log: "cold.log")
            if cold == nil || run.0.wallSeconds < cold!.0.wallSeconds { cold = run }
        }
        let filesAfterCold = try Self.archiveFiles(archive)
        var warm: (Measurement, requests: Int)?
        for attempt in 1...max(1, repeats) {
            progress("\(feedCount) feeds: again, nothing changed \(attempt)")
            let run = try fetch(log: "warm.log")
            if warm == nil || run.0.wallSeconds < warm!.0.wallSeconds { warm = run }
        }
        let filesAfterWarm = try Self.archiveFiles(archive)
        for attempt in 1...max(1, repeats) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("archive-\(attempt)"))
        }
        return FeedBenchReport(
            feeds: feedCount, entriesPerFeed: entriesPerFeed, hosts: hosts,
            feedMegabytes: Double(feedBytes) / 1_000_000,
            cold: LoopbackRunRow(what: "empty folder", measurement: cold!.0, requests: cold!.requests, items: feedCount),
            warm: LoopbackRunRow(what: "again (304s)", measurement: warm!.0, requests: warm!.requests, items: feedCount),
            filesWritten: filesAfterCold.count, filesChangedByWarmRun: filesAfterWarm == filesAfterCold ? 0 : 1,
            rssSource: ChildProcess.usesGNUTime ? "GNU time (%M)" : "wait4 (includes the bench's own RSS: install GNU time)")
    }

    /// Archive files (not the hidden state) with their sizes.
    static func archiveFiles(_ folder: URL) throws -> [String: Int] {
        var files: [String: Int] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey], options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "txt" else { continue }
            files[url.path] = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        }
        return files
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("bindery-bench: \(text)\n".utf8))
    }
}

/// One deterministic feed of the benchmark: RSS 2.0, Atom or JSON Feed by
/// its index, entries of synthetic prose a day apart.
struct SyntheticFeed {
    var index: Int
    var entries: Int

    var format: String { ["rss", "atom", "json"][index % 3] }
    var path: String { "/feeds/\(index)." + (format == "json" ? "json" : "xml") }

    var data: Data {
        var rng = SplitMix64(seed: 0xFEED, stream: index)
        let script: Script = index % 2 == 0 ? .english : .simplified
        let items = (0..<entries).map { entry -> (title: String, link: String, date: String, html: String) in
            var body: [UInt8] = []
            for _ in 0..<6 {
                body += Array("<p>".utf8)
                for _ in 0..<3 { TextSynth.sentence(script, &rng, into: &body) }
                body += Array("</p>".utf8)
            }
            let title = String(decoding: TextSynth.headline(script, &rng), as: UTF8.self)
            let day = 1 + entry % 28
            let date = "2024-01-\(day < 10 ? "0" : "")\(day)T\(10 + index % 10):00:00Z"
            return (title, "https://site\(index).example.com/news/\(entry).html", date, String(decoding: body, as: UTF8.self))
        }
        switch format {
        case "json":
            let object: [String: Any] = [
                "version": "https://jsonfeed.org/version/1.1", "title": "Feed \(index)",
                "items": items.enumerated().map { entry, item in
                    ["id": "\(index)-\(entry)", "url": item.link, "title": item.title, "content_html": item.html,
                     "date_published": item.date]
                },
            ]
            return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        case "atom":
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Feed \(index)</title><id>tag:feed-\(index)</id><updated>2024-01-28T00:00:00Z</updated>\n"
            for (entry, item) in items.enumerated() {
                xml += "<entry><title>\(escaped(item.title))</title><link href=\"\(item.link)\"/><id>tag:feed-\(index):\(entry)</id>"
                    + "<updated>\(item.date)</updated><content type=\"html\">\(escaped(item.html))</content></entry>\n"
            }
            return Data((xml + "</feed>\n").utf8)
        default:
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed \(index)</title>\n"
            for (entry, item) in items.enumerated() {
                xml += "<item><title>\(escaped(item.title))</title><link>\(item.link)</link><guid isPermaLink=\"false\">\(index)-\(entry)</guid>"
                    + "<pubDate>\(item.date)</pubDate><content:encoded><![CDATA[\(item.html)]]></content:encoded></item>\n"
            }
            return Data((xml + "</channel></rss>\n").utf8)
        }
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}

struct FeedBenchReport: Codable {
    var feeds: Int
    var entriesPerFeed: Int
    var hosts: Int
    var feedMegabytes: Double
    var cold: LoopbackRunRow
    var warm: LoopbackRunRow
    var filesWritten: Int
    var filesChangedByWarmRun: Int
    var rssSource: String

    var checks: [GoalCheck] {
        [
            GoalCheck(name: "fetches exit 0", value: Double(max(cold.exitStatus, warm.exitStatus)), goal: "0",
                      passed: cold.exitStatus == 0 && warm.exitStatus == 0),
            GoalCheck(name: "files written", value: Double(filesWritten), goal: "= \(feeds * entriesPerFeed)",
                      passed: filesWritten == feeds * entriesPerFeed),
            GoalCheck(name: "requests per run", value: Double(cold.requests), goal: "= \(feeds)",
                      passed: cold.requests == feeds && warm.requests == feeds),
            GoalCheck(name: "files changed by the second run", value: Double(filesChangedByWarmRun), goal: "0",
                      passed: filesChangedByWarmRun == 0),
        ]
    }

    func json() throws -> String { try BenchTable.json(self, checks: checks) }

    func table() -> String {
        let header = ["bindery fetch", "requests", "wall s", "CPU s", "peak MB", "feeds/s", "exit"]
        let cells = [header] + [cold.cells, warm.cells]
        var lines = BenchTable.lines(cells)
        lines.insert("\(feeds) feeds (RSS 2.0, Atom, JSON Feed; \(fixed(feedMegabytes, 1)) MB) of \(entriesPerFeed) entries "
            + "on \(hosts) loopback hosts; --host-delay 0 --jobs \(hosts).", at: 0)
        lines.append("")
        lines.append("Throughput: \(fixed(cold.itemsPerSecond, 0)) feeds/s into an empty folder "
            + "(\(fixed(Double(feeds * entriesPerFeed) / max(cold.wallSeconds, 1e-9), 0)) entries/s), "
            + "\(fixed(warm.itemsPerSecond, 0)) feeds/s when nothing changed. Peak RSS from \(rssSource).")
        lines.append("")
        lines += BenchTable.checkLines(checks)
        if cold.exitStatus != 0 || warm.exitStatus != 0 { lines.append("Logs: \(cold.log), \(warm.log)") }
        return lines.joined(separator: "\n")
    }
}
