import BinderyKit
import Foundation

/// `bindery-bench images`: how fast `bindery epub` fetches pictures and how
/// much memory it needs doing it. Serves `imageCount` pictures from a
/// loopback server inside this process, writes an archive that links them,
/// and measures `bindery epub` twice in child processes: with an empty cache
/// (every picture fetched, at bindery's default concurrency) and again
/// `--offline` with the cache that run filled (nothing may be fetched).
/// Pictures are bundled as they are (`--device original`): this measures
/// fetching; `bindery-bench pictures` measures processing.
struct ImageBenchmark {
    var imageCount: Int
    var work: URL
    var bindery: URL
    var repeats: Int

    func run() throws -> ImageBenchReport {
        let folder = work.appendingPathComponent("images-\(imageCount)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let images = (0..<imageCount).map { BenchImages.image($0) }
        let server = try LoopbackImageServer(files: images.map { ("/img/\($0.name)", $0.data) })
        defer { server.stop() }

        // The port differs per run, so the archive is written after the server starts.
        let layout = ImageArchive(images: images, baseURL: server.baseURL)
        let archive = folder.appendingPathComponent("archive")
        try layout.write(to: archive)
        let book = folder.appendingPathComponent("book.epub")
        let cache = folder.appendingPathComponent("cache")
        func export(_ extra: [String], log: String) throws -> (Measurement, requests: Int) {
            let before = server.requestCount
            let measurement = try ChildProcess.measure(
                [bindery.path, "epub", archive.path, "--output", book.path, "--device", "original", "--quiet"] + extra,
                log: folder.appendingPathComponent(log), environment: ["TZ": "UTC", "XDG_CACHE_HOME": cache.path])
            return (measurement, server.requestCount - before)
        }

        var cold: (Measurement, requests: Int)?
        for attempt in 1...max(1, repeats) {
            progress("\(imageCount) images: cold export \(attempt)")
            for leftover in [book, cache] { try? FileManager.default.removeItem(at: leftover) }
            let run = try export([], log: "cold.log")
            if cold == nil || run.0.wallSeconds < cold!.0.wallSeconds { cold = run }
        }
        // The fastest cold run's cache is as good as any: each filled it completely.
        progress("\(imageCount) images: warm export --offline")
        let warm = try export(["--offline"], log: "warm.log")
        server.stop()

        let imageBytes = images.reduce(0) { $0 + $1.data.count }
        return ImageBenchReport(
            images: imageCount, articles: layout.articleCount, duplicateReferences: layout.duplicateReferences,
            imageMegabytes: Double(imageBytes) / 1_000_000,
            cold: LoopbackRunRow(what: "cold cache", measurement: cold!.0, requests: cold!.requests, items: imageCount),
            warm: LoopbackRunRow(what: "warm cache, --offline", measurement: warm.0, requests: warm.requests, items: imageCount),
            imagesInBook: try? EPUBImageCount.count(in: book),
            rssSource: ChildProcess.usesGNUTime ? "GNU time (%M)" : "wait4 (includes the bench's own RSS: install GNU time)")
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("bindery-bench: \(text)\n".utf8))
    }
}

struct ImageBenchReport: Codable {
    var images: Int
    var articles: Int
    var duplicateReferences: Int
    var imageMegabytes: Double
    var cold: LoopbackRunRow
    var warm: LoopbackRunRow
    /// Files under `EPUB/images/` of the last book; `nil` when it could not be read.
    var imagesInBook: Int?
    var rssSource: String
    /// Requests beyond one per picture that still count as fine (a retry or two).
    static let spareRequests = 5

    var checks: [GoalCheck] {
        [
            GoalCheck(name: "exports exit 0", value: Double(max(cold.exitStatus, warm.exitStatus)), goal: "0",
                      passed: cold.exitStatus == 0 && warm.exitStatus == 0),
            // Every picture, and the drawn cover.
            GoalCheck(name: "images in the book", value: imagesInBook.map(Double.init), goal: "= \(images + 1)",
                      passed: imagesInBook.map { $0 == images + 1 }),
            GoalCheck(name: "cold requests", value: Double(cold.requests),
                      goal: "\(images)…\(images + Self.spareRequests)",
                      passed: (images...(images + Self.spareRequests)).contains(cold.requests)),
            GoalCheck(name: "warm --offline requests", value: Double(warm.requests), goal: "0", passed: warm.requests == 0),
        ]
    }

    func json() throws -> String { try BenchTable.json(self, checks: checks) }

    func table() -> String {
        let header = ["export", "requests", "wall s", "CPU s", "peak MB", "images/s", "exit"]
        let cells = [header] + [cold.cells, warm.cells]
        var lines = BenchTable.lines(cells)
        lines.insert("\(images) images (\(fixed(imageMegabytes, 1)) MB, JPEG and PNG) in \(articles) articles, "
            + "\(duplicateReferences) repeated references; bindery epub at its default --image-jobs, "
            + "loopback HTTP/1.1 server.", at: 0)
        lines.append("")
        lines.append("Fetch throughput: \(fixed(cold.itemsPerSecond, 0)) images/s (images ÷ cold wall). "
            + "Peak RSS from \(rssSource).")
        lines.append("")
        lines += BenchTable.checkLines(checks)
        if cold.exitStatus != 0 || warm.exitStatus != 0 { lines.append("Logs: \(cold.log), \(warm.log)") }
        return lines.joined(separator: "\n")
    }
}

/// Counts the pictures in an EPUB from its zip central directory.
enum EPUBImageCount {
    static func count(in book: URL) throws -> Int {
        try ZipReader(url: book).entries().filter { $0.name.hasPrefix("EPUB/images/") && !$0.name.hasSuffix("/") }.count
    }
}
