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
        Self.waitOutDeletedOutputs(in: work)
        // Outputs go only once every measurement is done (see `measure`).
        defer {
            for out in outputs { try? FileManager.default.removeItem(at: out) }
            // Written back now, the freed inodes wait out the shorter quarantine.
            sync()
            FileManager.default.createFile(atPath: work.appendingPathComponent(Self.deletionMarker).path, contents: nil)
        }
        for size in sizes {
            let archive = try Self.prepareArchive(size, seed: seed, work: work)
            let inputFiles = Stages.allFiles(under: archive).map { $0.1 }
            let inputBytes = inputFiles.reduce(0) { total, file in
                total + ((try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
            }
            let out = work.appendingPathComponent("out-\(size)")
            outputs.append(out)
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var jobs: [Job] = []
            jobs.append(Job(what: "floor", arguments: [Self.selfPath, "floor", archive.path, out.appendingPathComponent("floor.deflate").path],
                            output: out.appendingPathComponent("floor.deflate")))
            jobs.append(Job(what: "floor ZipWriter",
                            arguments: [Self.selfPath, "floor-zipwriter", archive.path, out.appendingPathComponent("floor.zip").path],
                            output: out.appendingPathComponent("floor.zip")))
            for stage in Stages.names {
                jobs.append(Job(what: "stage \(stage)", arguments: [Self.selfPath, "stage", stage, archive.path]))
            }
            // The benchmark measures Bindery, not the network: the commands
            // that fetch pictures run --offline (local pictures are still bundled).
            for (command, file, fetches) in [("epub", "book.epub", true), ("markdown", "markdown", true), ("text", "book.txt", false)] {
                // A private, empty image cache per run: every export starts
                // cold, and the user's ~/.cache is left alone.
                func job(_ what: String, _ binary: URL, _ file: String, again: Bool = false) -> Job {
                    let target = out.appendingPathComponent(file)
                    let arguments = [binary.path, command, archive.path, "--output", target.path, "--quiet"]
                        + (fetches ? ["--offline"] : []) + binderyArguments
                    return Job(what: what, arguments: arguments, output: target, cache: out.appendingPathComponent("cache"), writesAgain: again)
                }
                // Every build writes into outputs of its own: a vault another
                // build filled would be a re-export, which is measured apart.
                jobs.append(job("bindery \(command)", bindery, file))
                if let comparison { jobs.append(job("compare \(command)", comparison, "compare-" + file)) }
                if command == "markdown" {
                    jobs.append(job("bindery markdown again", bindery, "again-" + file, again: true))
                    if let comparison { jobs.append(job("compare markdown again", comparison, "compare-again-" + file, again: true)) }
                }
            }
            let rows = try measureInRounds(jobs, size: size, inputs: inputFiles.map(\.path), log: out).map { job, measurement in
                BenchRow(articles: size, inputBytes: inputBytes, what: job.what, measurement: measurement,
                         result: BenchRow.parseResult(logAt: measurement.log))
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

    /// Reads every input file (and the program) once, so that each job finds
    /// them in the page cache, as a repeated export does. This machine's
    /// host takes cached pages back over time (a few percent of the archive
    /// in 20 idle seconds), and the job that read them first waited for the
    /// disk.
    static func readThrough(_ paths: [String]) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        buffer.withUnsafeMutableBytes { space in
            for path in paths {
                let fd = open(path, O_RDONLY)
                guard fd >= 0 else { continue }
                while read(fd, space.baseAddress, space.count) > 0 {}
                close(fd)
            }
        }
    }

    /// Marks when a run last deleted its outputs (its modification time).
    static let deletionMarker = "outputs-deleted"

    /// ext4 without a journal does not reuse an inode within 60 s of its
    /// deletion, and within 360 s while the inode's table block is unwritten
    /// (which making files beside it does again); skipping over each such
    /// inode costs every new file kernel time. A run started right after the
    /// last one deleted its 100,000 output files measured markdown's 10,000
    /// notes up to half again slower. So a run waits until the last one's
    /// deletion, written back, is 61 s old, and says so when it is under
    /// 360 s old; deletions by anything else cannot be seen here.
    static func waitOutDeletedOutputs(in work: URL, quarantine: TimeInterval = 61, dirtyQuarantine: TimeInterval = 360) {
        let marker = work.appendingPathComponent(deletionMarker).path
        guard let deleted = (try? FileManager.default.attributesOfItem(atPath: marker))?[.modificationDate] as? Date else { return }
        let age = Date().timeIntervalSince(deleted)
        if age < quarantine {
            progress("waiting \(Int((quarantine - age).rounded(.up))) s: the last run's outputs were deleted \(Int(age)) s ago")
            Thread.sleep(forTimeInterval: quarantine - age)
        }
        if age < dirtyQuarantine {
            progress("note: the last run's outputs were deleted under \(Int(dirtyQuarantine)) s ago; on ext4 without a journal, "
                     + "the markdown rows may include the file system skipping their inodes")
        }
    }

    /// One command a row measures.
    struct Job {
        var what: String
        var arguments: [String]
        var output: URL?
        var cache: URL?
        /// Export into the output the job's first, unmeasured run wrote: the
        /// weekly re-export into the same vault, where every note is
        /// already there, and read and compared before it is written.
        var writesAgain = false
    }

    /// Each job's median of `repeats` runs by wall time (what the speed
    /// goals name; one disturbed run does not move it). The runs go in
    /// rounds — every job once, then again, every other round backwards —
    /// so that a host getting slower or faster over the minutes of a run
    /// weighs on every row alike, and a build and the one it is compared
    /// with meet the same minutes. (With each job's runs back to back, and
    /// with rounds all run forwards, the export right after `stage markdown`
    /// came out 4–29 % slower than the same work by the build compared with
    /// it, run next.)
    func measureInRounds(_ jobs: [Job], size: Int, inputs: [String], log folder: URL) throws -> [(Job, Measurement)] {
        var runs = Array(repeating: [Measurement](), count: jobs.count)
        let rounds = max(1, repeats)
        for job in jobs where job.writesAgain {
            Self.progress("N=\(size): \(job.what) (filling its output)")
            _ = try measure(job, round: 0, inputs: inputs, log: folder.appendingPathComponent("\(job.what) (filling).log"))
        }
        for round in 1...rounds {
            // Every other round runs backwards, so that no job always follows the same one.
            let order = round % 2 == 1 ? Array(jobs.indices) : jobs.indices.reversed()
            for index in order {
                let job = jobs[index]
                Self.progress("N=\(size): \(job.what)" + (rounds > 1 ? " (\(round)/\(rounds))" : ""))
                runs[index].append(try measure(job, round: round, inputs: inputs, log: folder.appendingPathComponent("\(job.what).log")))
            }
        }
        return jobs.indices.map { index in
            (jobs[index], runs[index].sorted { $0.wallSeconds < $1.wallSeconds }[runs[index].count / 2])
        }
    }

    private func measure(_ job: Job, round: Int, inputs: [String], log: URL) throws -> Measurement {
        // Each round writes into folders of its own, and nothing is deleted
        // until every measurement is done: on ext4 without a journal, inodes
        // freed in the last minutes are skipped when new files are made, so
        // deleting a 10,000-note vault just before writing another measures
        // the file system's bookkeeping rather than Bindery.
        let rename = { (url: URL) -> URL in
            round <= 1 ? url : url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent)-\(round)")
        }
        var arguments = job.arguments
        if let output = job.output, !job.writesAgain, let index = arguments.firstIndex(of: output.path) { arguments[index] = rename(output).path }
        var environment = ["TZ": "UTC"]
        if let cache = job.cache { environment["XDG_CACHE_HOME"] = rename(cache).path }
        // The files the last job wrote reach the disk now, not while the
        // next one is measured.
        sync()
        Self.readThrough(inputs + job.arguments.prefix(1))
        return try ChildProcess.measure(arguments, log: log, environment: environment)
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
