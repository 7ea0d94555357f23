import Foundation

/// `bindery-bench pictures`: how fast `bindery epub` prepares large photos
/// for an e-reader, against ImageMagick doing the same on the same files in
/// the same run, and how large the book is for each device.
///
/// - ImageMagick: `convert PHOTO -resize 1072x1448> -colorspace Gray -strip
///   -quality 75 OUT.jpg` for every photo, two at a time (one per core,
///   `MAGICK_THREAD_LIMIT=1`: faster on two cores than one at a time with
///   OpenMP threads).
/// - `bindery epub --device kindle` on an archive showing the photos, with
///   an empty cache (every photo processed) and again with the filled one.
/// - The same book with every photo a JPEG, bound `--device original`
///   (photos copied raw) and `--device kindle`, cold and warm: what
///   processing costs over bundling.
/// - Every device preset's book, for its size (one cold run each).
struct PictureBenchmark {
    var count: Int
    var work: URL
    var bindery: URL
    var repeats: Int
    /// Presets measured for the size table (kindle is measured anyway).
    var presets = ["ereader", "kindle", "kindle-scribe", "kobo", "kobo-color", "remarkable", "tablet", "original"]

    func run() throws -> PictureBenchReport {
        let folder = work.appendingPathComponent("pictures-\(count)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let set = PhotoSet(count: count, folder: folder)
        try set.prepare(progress: progress)
        let mixed = folder.appendingPathComponent("archive-mixed")
        let jpeg = folder.appendingPathComponent("archive-jpeg")
        let layout = try set.archive(at: mixed, jpegOnly: false)
        _ = try set.archive(at: jpeg, jpegOnly: true)
        let book = folder.appendingPathComponent("book.epub")
        let logs = folder.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)

        /// `cold`: the cache is emptied before each of `repeats` runs; else one run with the cache as it is.
        func export(_ archive: URL, _ device: String, cache: String, cold: Bool, log: String, runs: Int? = nil) throws -> PictureBenchRow {
            let cacheFolder = folder.appendingPathComponent(cache)
            var best: Measurement?
            for attempt in 1...(runs ?? (cold ? max(1, repeats) : 1)) {
                progress("\(archive.lastPathComponent) --device \(device), \(cold ? "cold" : "warm") cache, run \(attempt)")
                if cold { try? FileManager.default.removeItem(at: cacheFolder) }
                try? FileManager.default.removeItem(at: book)
                let run = try ChildProcess.measure(
                    [bindery.path, "epub", archive.path, "-o", book.path, "--device", device, "--offline",
                     "--cache", cacheFolder.path, "-q"],
                    log: logs.appendingPathComponent(log), environment: ["TZ": "UTC", "SOURCE_DATE_EPOCH": "1706745600"])
                if best == nil || run.wallSeconds < best!.wallSeconds { best = run }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: book.path)[.size] as? Int) ?? 0
            return PictureBenchRow(what: "bindery epub --device \(device), \(cold ? "cold" : "warm") cache", device: device,
                                   measurement: best!, bookBytes: size, imagesInBook: try? EPUBImageCount.count(in: book))
        }

        // ImageMagick first, on the same photos.
        let out = folder.appendingPathComponent("imagemagick-out")
        var magick: Measurement?
        for attempt in 1...max(1, repeats) {
            progress("ImageMagick convert, run \(attempt)")
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let script = "cd '\(set.photos.path)' && ls | xargs -P 2 -I{} \(PhotoSet.convert) {} -resize '1072x1448>' "
                + "-colorspace Gray -strip -quality 75 '\(out.path)/{}.jpg'"
            let run = try ChildProcess.measure(["/bin/sh", "-c", script], log: logs.appendingPathComponent("imagemagick.log"),
                                               environment: ["MAGICK_THREAD_LIMIT": "1"])
            if magick == nil || run.wallSeconds < magick!.wallSeconds { magick = run }
        }
        let magickFiles = (try? FileManager.default.contentsOfDirectory(atPath: out.path).count) ?? 0

        let cold = try export(mixed, "kindle", cache: "cache-mixed", cold: true, log: "kindle-cold.log")
        let warm = try export(mixed, "kindle", cache: "cache-mixed", cold: false, log: "kindle-warm.log")
        let raw = try export(jpeg, "original", cache: "cache-jpeg-raw", cold: true, log: "jpeg-original.log")
        let jpegCold = try export(jpeg, "kindle", cache: "cache-jpeg", cold: true, log: "jpeg-kindle-cold.log")
        let jpegWarm = try export(jpeg, "kindle", cache: "cache-jpeg", cold: false, log: "jpeg-kindle-warm.log")
        var sizes: [PictureBenchRow] = []
        for preset in presets {
            sizes.append(preset == "kindle" ? cold : try export(mixed, preset, cache: "cache-presets", cold: true, log: "\(preset).log", runs: 1))
        }
        return PictureBenchReport(
            photos: count, articles: layout.articleCount, photoMegabytes: Double(set.bytes(jpegOnly: false)) / 1e6,
            jpegMegabytes: Double(set.bytes(jpegOnly: true)) / 1e6,
            imageMagick: PictureBenchRow(what: "ImageMagick convert, 2 at a time", device: nil, measurement: magick!, bookBytes: 0,
                                         imagesInBook: magickFiles),
            cold: cold, warm: warm, raw: raw, jpegCold: jpegCold, jpegWarm: jpegWarm, presets: sizes,
            rssSource: ChildProcess.usesGNUTime ? "GNU time (%M)" : "wait4 (includes the bench's own RSS: install GNU time)")
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("bindery-bench: \(text)\n".utf8))
    }
}

struct PictureBenchRow: Codable {
    var what: String
    var device: String?
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakRSSMegabytes: Double
    var exitStatus: Int32
    var bookBytes: Int
    /// Pictures in the book (ImageMagick: files written).
    var imagesInBook: Int?
    var log: String

    init(what: String, device: String?, measurement: Measurement, bookBytes: Int, imagesInBook: Int?) {
        self.what = what
        self.device = device
        wallSeconds = measurement.wallSeconds
        cpuSeconds = measurement.cpuSeconds
        peakRSSMegabytes = measurement.peakRSSMegabytes
        exitStatus = measurement.exitStatus
        self.bookBytes = bookBytes
        self.imagesInBook = imagesInBook
        log = measurement.log
    }
}

struct PictureBenchReport: Codable {
    var photos: Int
    var articles: Int
    var photoMegabytes: Double
    var jpegMegabytes: Double
    var imageMagick: PictureBenchRow
    var cold: PictureBenchRow
    var warm: PictureBenchRow
    var raw: PictureBenchRow
    var jpegCold: PictureBenchRow
    var jpegWarm: PictureBenchRow
    var presets: [PictureBenchRow]
    var rssSource: String

    /// Pictures the book must hold: every photo, plus the cover.
    var expectedImages: Int { photos + 1 }

    var checks: [GoalCheck] {
        let rows = [cold, warm, raw, jpegCold, jpegWarm] + presets
        // Memory is the goal of processing: the raw copies hold whole
        // photos in the pipeline's batches and are reported, not judged.
        let processing = rows.filter { $0.device != "original" }
        let peak = processing.map(\.peakRSSMegabytes).max() ?? 0
        return [
            GoalCheck(name: "exports exit 0", value: Double(rows.map(\.exitStatus).max() ?? 0), goal: "0",
                      passed: rows.allSatisfy { $0.exitStatus == 0 } && imageMagick.exitStatus == 0),
            GoalCheck(name: "every photo in every book", value: Double(rows.compactMap(\.imagesInBook).min() ?? 0),
                      goal: "= \(expectedImages)", passed: rows.allSatisfy { $0.imagesInBook == expectedImages }),
            GoalCheck(name: "cold wall ÷ ImageMagick wall", value: cold.wallSeconds / imageMagick.wallSeconds, goal: "≤ 0.5",
                      passed: cold.wallSeconds <= 0.5 * imageMagick.wallSeconds),
            GoalCheck(name: "peak RSS of any processing export, MB", value: peak, goal: "< 300", passed: peak < 300),
            GoalCheck(name: "processed ÷ raw book (all JPEG, cold)", value: jpegCold.wallSeconds / raw.wallSeconds, goal: "≤ 1.5",
                      passed: jpegCold.wallSeconds <= 1.5 * raw.wallSeconds),
        ]
    }

    func json() throws -> String { try BenchTable.json(self, checks: checks) }

    func table() -> String {
        var lines = ["\(photos) photos 3000×2000 (\(photos / 2) JPEG q90 + \(photos - photos / 2) WebP q85, "
            + "\(fixed(photoMegabytes, 0)) MB) in \(articles) articles, for the kindle preset (1072×1448, grey, quality 75):", ""]
        let header = ["", "wall s", "CPU s", "peak MB", "× ImageMagick", "book MB"]
        func cells(_ row: PictureBenchRow, book: Bool = true) -> [String] {
            [row.what, fixed(row.wallSeconds, 2), fixed(row.cpuSeconds, 2), fixed(row.peakRSSMegabytes, 0),
             fixed(row.wallSeconds / imageMagick.wallSeconds, 2), book ? fixed(Double(row.bookBytes) / 1e6, 1) : "-"]
        }
        lines += BenchTable.lines([header, cells(imageMagick, book: false), cells(cold), cells(warm)])
        lines += ["", "The same book with every photo a JPEG (\(fixed(jpegMegabytes, 0)) MB), copied raw or processed:", ""]
        let rawHeader = ["", "wall s", "CPU s", "peak MB", "× raw", "book MB"]
        func rawCells(_ row: PictureBenchRow) -> [String] {
            [row.what, fixed(row.wallSeconds, 2), fixed(row.cpuSeconds, 2), fixed(row.peakRSSMegabytes, 0),
             fixed(row.wallSeconds / raw.wallSeconds, 2), fixed(Double(row.bookBytes) / 1e6, 1)]
        }
        lines += BenchTable.lines([rawHeader, rawCells(raw), rawCells(jpegCold), rawCells(jpegWarm)])
        lines += ["", "The \(photos)-photo book per device (cold cache, one run each):", ""]
        lines += BenchTable.lines([["device", "book MB", "wall s", "peak MB"]] + presets.map { row in
            [row.device ?? "?", fixed(Double(row.bookBytes) / 1e6, 1), fixed(row.wallSeconds, 2), fixed(row.peakRSSMegabytes, 0)]
        })
        lines += ["", "Peak RSS from \(rssSource).", ""] + BenchTable.checkLines(checks, digits: 2)
        return lines.joined(separator: "\n")
    }
}
