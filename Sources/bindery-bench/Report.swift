import Foundation

/// One measured command at one archive size.
struct BenchRow: Codable {
    var articles: Int
    var inputBytes: Int
    var what: String
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakRSSMegabytes: Double
    var exitStatus: Int32
    var articlesPerSecond: Double
    var megabytesPerSecond: Double
    var ratioToFloor: Double?
    /// The `bench-result` facts the child printed (stage timings, counts).
    var result: [String: String]
    var log: String

    init(articles: Int, inputBytes: Int, what: String, measurement: Measurement, result: [String: String]) {
        self.articles = articles
        self.inputBytes = inputBytes
        self.what = what
        wallSeconds = measurement.wallSeconds
        cpuSeconds = measurement.cpuSeconds
        peakRSSMegabytes = measurement.peakRSSMegabytes
        exitStatus = measurement.exitStatus
        articlesPerSecond = Double(articles) / max(measurement.wallSeconds, 1e-9)
        megabytesPerSecond = Double(inputBytes) / 1_000_000 / max(measurement.wallSeconds, 1e-9)
        self.result = result
        log = measurement.log
    }

    /// The last `bench-result k=v …` line of a child's log.
    static func parseResult(logAt path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("bench-result ") }) else { return [:] }
        var facts: [String: String] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { facts[String(parts[0])] = String(parts[1]) }
        }
        return facts
    }
}

/// One goal of the speed-and-memory issue, checked against this run.
struct GoalCheck: Codable {
    var name: String
    var value: Double?
    var goal: String
    /// `nil` when the run cannot tell (a size or export missing or failed).
    var passed: Bool?
}

struct BenchReport: Codable {
    var seed: UInt64
    /// Peak RSS reported for `/bin/true`: figures at or below it are upper bounds.
    var baselineRSSMegabytes: Double
    /// Whether peaks come from GNU time (exact) or from `wait4` (which adds the bench's own RSS).
    var rssSource: String
    var processors: Int
    var rows: [BenchRow]
    var checks: [GoalCheck]

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var lines: [String] = []
        let header = ["N", "what", "wall s", "CPU s", "peak MB", "art/s", "MB/s", "×floor", "notes"]
        var cells: [[String]] = [header]
        for row in rows {
            cells.append([
                "\(row.articles)", row.what, fixed(row.wallSeconds, 2), fixed(row.cpuSeconds, 2),
                fixed(row.peakRSSMegabytes, 1) + (row.peakRSSMegabytes <= baselineRSSMegabytes + 0.5 ? "≤" : ""),
                fixed(row.articlesPerSecond, 0), fixed(row.megabytesPerSecond, 1),
                row.ratioToFloor.map { fixed($0, 2) } ?? "-", notes(row),
            ])
        }
        let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        for (index, row) in cells.enumerated() {
            let padded = row.enumerated().map { column, text in
                column == 1 || column == row.count - 1
                    ? text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }
            lines.append(padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if index == 0 { lines.append(String(repeating: "-", count: lines[0].count)) }
        }
        lines.append("")
        lines.append("Peak RSS from \(rssSource); /bin/true shows \(fixed(baselineRSSMegabytes, 1)) MB (≤ marks values at that floor). \(processors) processors.")
        lines.append("")
        lines.append("Goals:")
        for check in checks {
            let verdict = check.passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a "
            let value = check.value.map { fixed($0, 3) } ?? "-"
            lines.append("  \(verdict)  \(check.name): \(value)  (goal \(check.goal))")
        }
        return lines.joined(separator: "\n")
    }

    private func notes(_ row: BenchRow) -> String {
        var notes: [String] = []
        if row.exitStatus != 0 { notes.append("EXIT \(row.exitStatus), see \(row.log)") }
        if let phase = row.result["phase-seconds"].flatMap(Double.init) { notes.append("phase \(fixed(phase, 2)) s") }
        for key in ["articles", "scan-diagnostics", "chapters", "clean-diagnostics", "load-failures", "zip-bytes"] {
            if let value = row.result[key] { notes.append("\(key)=\(value)") }
        }
        return notes.joined(separator: " ")
    }
}

func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

/// The speed goals (second pass): `bindery epub` within 1.5× the floor and
/// 150 MB, linear in N; markdown and text no slower than epub.
enum Goals {
    static func evaluate(_ rows: [BenchRow], sizes: [Int]) -> [GoalCheck] {
        guard let largest = sizes.max(), let smallest = sizes.min() else { return [] }
        func row(_ what: String, _ size: Int) -> BenchRow? {
            rows.first { $0.what == what && $0.articles == size && $0.exitStatus == 0 }
        }
        let epub = row("bindery epub", largest)
        let floor = row("floor", largest) ?? row("floor ZipWriter", largest)
        var checks: [GoalCheck] = []
        let vsFloor = epub.flatMap { e in floor.map { e.wallSeconds / $0.wallSeconds } }
        checks.append(GoalCheck(name: "epub wall / floor wall, N=\(largest)", value: vsFloor, goal: "≤ 1.5", passed: vsFloor.map { $0 <= 1.5 }))
        checks.append(GoalCheck(name: "epub peak RSS MB, N=\(largest)", value: epub?.peakRSSMegabytes, goal: "< 150",
                                passed: epub.map { $0.peakRSSMegabytes < 150 }))
        if smallest < largest {
            let small = row("bindery epub", smallest)
            let articleRatio = Double(largest) / Double(smallest)
            let timeRatio = epub.flatMap { e in small.map { e.wallSeconds / $0.wallSeconds } }
            let memoryRatio = epub.flatMap { e in small.map { e.peakRSSMegabytes / $0.peakRSSMegabytes } }
            let timeGoal = articleRatio * 1.1
            checks.append(GoalCheck(name: "epub time ratio N=\(largest)/N=\(smallest)", value: timeRatio,
                                    goal: "≤ \(fixed(timeGoal, 1)) (linear + 10 %)", passed: timeRatio.map { $0 <= timeGoal }))
            checks.append(GoalCheck(name: "epub memory ratio N=\(largest)/N=\(smallest)", value: memoryRatio,
                                    goal: "≤ 2", passed: memoryRatio.map { $0 <= 2 }))
        }
        for command in ["epub", "markdown", "text"] {
            guard let compared = row("compare \(command)", largest), let own = row("bindery \(command)", largest) else { continue }
            let ratio = own.wallSeconds / compared.wallSeconds
            checks.append(GoalCheck(name: "\(command) wall / --compare \(command) wall, N=\(largest)", value: ratio, goal: "≤ 1.05",
                                    passed: ratio <= 1.05))
        }
        for other in ["markdown", "text"] {
            let ratio = epub.flatMap { e in row("bindery \(other)", largest).map { $0.wallSeconds / e.wallSeconds } }
            checks.append(GoalCheck(name: "\(other) wall / epub wall, N=\(largest)", value: ratio, goal: "≤ 1", passed: ratio.map { $0 <= 1 }))
        }
        return checks
    }
}
