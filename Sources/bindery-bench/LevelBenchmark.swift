import BinderyKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bindery-bench levels`: what each deflate level would cost and save on a
/// real book. Binds the synthetic archive of N articles once with `bindery
/// epub`, then deflates every entry the book stores deflated again at each
/// of libdeflate's levels on this thread, timing the CPU it takes, and
/// reports the text's compressed size and the book's size at each level.
struct LevelBenchmark {
    var articles: Int
    var seed: UInt64
    var work: URL
    var bindery: URL
    var repeats: Int
    static let levels: [Int32] = Array(1...12)

    func run() throws -> LevelReport {
        let archive = try Benchmark.prepareArchive(articles, seed: seed, work: work)
        let out = work.appendingPathComponent("levels-\(articles)")
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let book = out.appendingPathComponent("book.epub")
        FileHandle.standardError.write(Data("bindery-bench: N=\(articles): bindery epub\n".utf8))
        let export = try ChildProcess.measure(
            [bindery.path, "epub", archive.path, "--output", book.path, "--quiet", "--offline"],
            log: out.appendingPathComponent("epub.log"),
            environment: ["TZ": "UTC", "XDG_CACHE_HOME": out.appendingPathComponent("cache").path])
        guard export.exitStatus == 0 else { throw BenchError.failed("bindery epub failed; see \(export.log)") }

        let measured = try Self.measure(book: book, repeats: repeats)
        return LevelReport(articles: articles, entries: measured.entries, inputBytes: measured.inputBytes,
                           exportSeconds: export.wallSeconds, exportCPUSeconds: export.cpuSeconds,
                           defaultLevel: Int(Deflater.defaultLevel), rows: measured.rows)
    }

    /// Every entry `book` stores deflated, deflated again at each level: the
    /// number of such entries, their uncompressed bytes, and a row per level
    /// (the median CPU of `repeats` passes; the book's size at that level).
    static func measure(book: URL, repeats: Int) throws -> (entries: Int, inputBytes: Int, rows: [LevelRow]) {
        let reader = try ZipReader(url: book)
        let entries = reader.entries().filter(\.isDeflated)
        let deflated = try entries.map { entry -> Data in
            guard let data = try reader.read(entry.name, limit: Int(Int32.max)) else {
                throw BenchError.failed("\(entry.name) listed but not readable in \(book.path)")
            }
            return data
        }
        let bookBytes = (try FileManager.default.attributesOfItem(atPath: book.path)[.size] as? Int) ?? 0
        let deflatedNow = entries.reduce(0) { $0 + $1.compressedSize }
        let rows = try levels.map { level -> LevelRow in
            guard let deflater = Deflater(level: level) else { throw BenchError.failed("libdeflate has no level \(level)") }
            var seconds: [Double] = []
            var bytes = 0
            for _ in 0..<max(1, repeats) {
                let start = threadCPUSeconds()
                bytes = deflated.reduce(0) { $0 + deflater.deflate($1).count }
                seconds.append(threadCPUSeconds() - start)
            }
            return LevelRow(level: Int(level), cpuSeconds: seconds.sorted()[seconds.count / 2], deflatedBytes: bytes,
                            bookBytes: bookBytes - deflatedNow + bytes)
        }
        return (deflated.count, deflated.reduce(0) { $0 + $1.count }, rows)
    }

    /// CPU time of the calling thread: deflate runs here and nothing else does.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

struct LevelRow: Codable {
    var level: Int
    var cpuSeconds: Double
    var deflatedBytes: Int
    var bookBytes: Int
}

struct LevelReport: Codable {
    var articles: Int
    var entries: Int
    var inputBytes: Int
    var exportSeconds: Double
    var exportCPUSeconds: Double
    var defaultLevel: Int
    var rows: [LevelRow]

    func json() throws -> String { try BenchTable.json(self, checks: []) }

    func table() -> String {
        let reference = rows.first { $0.level == defaultLevel }
        let header = ["level", "deflate CPU s", "× level \(defaultLevel)", "text deflated MB", "book MB", "book vs level \(defaultLevel)"]
        let cells = [header] + rows.map { row -> [String] in
            let time = reference.map { fixed(row.cpuSeconds / max($0.cpuSeconds, 1e-9), 2) } ?? "-"
            let size = reference.map { fixed(100 * (Double(row.bookBytes) / Double(max($0.bookBytes, 1)) - 1), 1) + " %" } ?? "-"
            return ["\(row.level)\(row.level == defaultLevel ? " (Bindery)" : "")", fixed(row.cpuSeconds, 3), time,
                    fixed(Double(row.deflatedBytes) / 1e6, 2), fixed(Double(row.bookBytes) / 1e6, 2), size]
        }
        var lines = BenchTable.lines(cells)
        lines.insert("\(entries) deflated entries (\(fixed(Double(inputBytes) / 1e6, 1)) MB) of the book of \(articles) articles "
            + "(bindery epub: \(fixed(exportSeconds, 2)) s wall, \(fixed(exportCPUSeconds, 2)) s CPU); libdeflate on one thread.", at: 0)
        return lines.joined(separator: "\n")
    }
}
