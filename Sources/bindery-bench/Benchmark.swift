import Foundation

/// `bindery-bench run`: generates (or reuses) the archives, measures the
/// floor, the stages and the CLI exports, each in its own child process.
struct Benchmark {
    var sizes: [Int]
    var seed: UInt64
    var work: URL
    var bindery: URL
    var repeats: Int
    /// Extra arguments for every `bindery` export (e.g. an offline switch).
    var binderyArguments: [String]
    /// Another `bindery` (e.g. a build of main before a change) whose
    /// exports are measured in the same run, rows `compare …`.
    var comparison: URL?

    /// The bench executable itself, to run its own subcommands as children.
    static let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

    func run() throws -> BenchReport {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // What a trivial child reports: the floor under every RSS figure.
        let baseline = try ChildProcess.measure(["/bin/true"], log: work.appendingPathComponent("baseline.log"))
        var report = BenchReport(seed: seed, baselineRSSMegabytes: baseline.peakRSSMegabytes,
                                 rssSource: ChildProcess.usesGNUTime ? "GNU time (%M)" : "wait4 (includes the bench's own RSS: install GNU time)",
                                 processors: ProcessInfo.processInfo.activeProcessorCount, rows: [], checks: [])
        var outputs: [URL] = []
        // Outputs go only once every measurement is done (see `best`).
        defer { for out in outputs { try? FileManager.default.removeItem(at: out) } }
        for size in sizes {
            let archive = try Self.prepareArchive(size, seed: seed, work: work)
            let inputBytes = Stages.allFiles(under: archive).reduce(0) { total, file in
                total + ((try? file.1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
            }
            let out = work.appendingPathComponent("out-\(size)")
            outputs.append(out)
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var rows: [BenchRow] = []
            func record(_ what: String, _ arguments: [String], output: URL? = nil, cache: URL? = nil) throws {
                Self.progress("N=\(size): \(what)")
                let measurement = try median(of: arguments, log: out.appendingPathComponent("\(what).log"),
                                           output: output, cache: cache)
                rows.append(BenchRow(articles: size, inputBytes: inputBytes, what: what, measurement: measurement,
                                     result: BenchRow.parseResult(logAt: measurement.log)))
            }
            try record("floor", [Self.selfPath, "floor", archive.path, out.appendingPathComponent("floor.deflate").path],
                       output: out.appendingPathComponent("floor.deflate"))
            try record("floor ZipWriter", [Self.selfPath, "floor-zipwriter", archive.path, out.appendingPathComponent("floor.zip").path],
                       output: out.appendingPathComponent("floor.zip"))
            for stage in Stages.names {
                try record("stage \(stage)", [Self.selfPath, "stage", stage, archive.path])
            }
            // The benchmark measures Bindery, not the network: the commands
            // that fetch pictures run --offline (local pictures are still bundled).
            for (command, file, fetches) in [("epub", "book.epub", true), ("markdown", "markdown", true), ("text", "book.txt", false)] {
                let target = out.appendingPathComponent(file)
                // A private, empty image cache per run: every export starts
                // cold, and the user's ~/.cache is left alone.
                func arguments(_ binary: URL) -> [String] {
                    [binary.path, command, archive.path, "--output", target.path, "--quiet"] + (fetches ? ["--offline"] : []) + binderyArguments
                }
                try record("bindery \(command)", arguments(bindery), output: target, cache: out.appendingPathComponent("cache"))
                if let comparison {
                    try record("compare \(command)", arguments(comparison), output: target, cache: out.appendingPathComponent("cache"))
                }
            }
            // The zlib floor; the ZipWriter one if zlib could not be loaded.
            let floorWall = rows.first { $0.what.hasPrefix("floor") && $0.exitStatus == 0 }?.wallSeconds
            report.rows += rows.map { row in
                var row = row
                if let floorWall, floorWall > 0 { row.ratioToFloor = row.wallSeconds / floorWall }
                return row
            }
        }
        report.checks = Goals.evaluate(report.rows, sizes: sizes)
        return report
    }

    /// The median of `repeats` runs by wall time (what the speed goals name;
    /// one disturbed run does not move it).
    private func median(of arguments: [String], log: URL, output: URL?, cache: URL?) throws -> Measurement {
        var runs: [Measurement] = []
        var environment = ["TZ": "UTC"]
        if let cache { environment["XDG_CACHE_HOME"] = cache.path }
        for attempt in 1...max(1, repeats) {
            // Each attempt writes into folders of its own, and nothing is
            // deleted until every measurement is done: on ext4 without a
            // journal, inodes freed in the last minutes are skipped when new
            // files are made, so deleting a 10,000-note vault just before
            // writing another measures the file system's bookkeeping rather
            // than Bindery.
            let rename = { (url: URL) -> URL in
                attempt == 1 ? url : url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent)-\(attempt)")
            }
            var arguments = arguments
            if let output, let index = arguments.firstIndex(of: output.path) { arguments[index] = rename(output).path }
            if let cache { environment["XDG_CACHE_HOME"] = rename(cache).path }
            let measurement = try ChildProcess.measure(arguments, log: log, environment: environment)
            runs.append(measurement)
        }
        return runs.sorted { $0.wallSeconds < $1.wallSeconds }[runs.count / 2]
    }

    /// `WORK/archive-N-sSEED`, generated by a child unless a finished copy
    /// of the same generator version is there (`levels` binds it too).
    static func prepareArchive(_ size: Int, seed: UInt64, work: URL) throws -> URL {
        let archive = work.appendingPathComponent("archive-\(size)-s\(seed)")
        let marker = work.appendingPathComponent("archive-\(size)-s\(seed).ready")
        let stamp = "generator \(ArchiveGenerator.version)\n"
        if (try? String(contentsOf: marker, encoding: .utf8)) == stamp { return archive }
        try? FileManager.default.removeItem(at: marker)
        try? FileManager.default.removeItem(at: archive)
        progress("N=\(size): generating \(archive.path)")
        let generation = try ChildProcess.measure(
            [Self.selfPath, "generate", "--articles", "\(size)", "--seed", "\(seed)", "--output", archive.path],
            log: work.appendingPathComponent("generate-\(size).log"))
        guard generation.exitStatus == 0 else {
            throw BenchError.failed("generating \(size) articles failed; see \(generation.log)")
        }
        try stamp.write(to: marker, atomically: true, encoding: .utf8)
        return archive
    }

    private static func progress(_ text: String) {
        FileHandle.standardError.write(Data("bindery-bench: \(text)\n".utf8))
    }
}
