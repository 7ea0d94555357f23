import Foundation

/// The plain-text tables of the loopback benchmarks (`images`, `fetch`, `serve`).
enum BenchTable {
    /// `cells[0]` is the header: the first column left-aligned, the others
    /// right-aligned, a rule under the header.
    static func lines(_ cells: [[String]]) -> [String] {
        let widths = cells[0].indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        var lines = cells.map { row in
            row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        return lines
    }

    /// `Checks:` and one `PASS`/`FAIL` line per check, values with `digits` decimals.
    static func checkLines(_ checks: [GoalCheck], digits: Int = 0) -> [String] {
        ["Checks:"] + checks.map { check in
            let verdict = check.passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a "
            return "  \(verdict)  \(check.name): \(check.value.map { fixed($0, digits) } ?? "-")  (want \(check.goal))"
        }
    }
}

/// One measured child run of a loopback benchmark (`images`, `fetch`):
/// `itemsPerSecond` counts pictures or feeds.
struct LoopbackRunRow: Codable {
    var what: String
    var requests: Int
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakRSSMegabytes: Double
    var exitStatus: Int32
    var itemsPerSecond: Double
    var log: String

    init(what: String, measurement: Measurement, requests: Int, items: Int) {
        self.what = what
        self.requests = requests
        wallSeconds = measurement.wallSeconds
        cpuSeconds = measurement.cpuSeconds
        peakRSSMegabytes = measurement.peakRSSMegabytes
        exitStatus = measurement.exitStatus
        itemsPerSecond = Double(items) / max(measurement.wallSeconds, 1e-9)
        log = measurement.log
    }

    /// The table cells: what, requests, wall, CPU, peak, per second, exit.
    var cells: [String] {
        [what, "\(requests)", fixed(wallSeconds, 2), fixed(cpuSeconds, 2), fixed(peakRSSMegabytes, 1),
         fixed(itemsPerSecond, 0), "\(exitStatus)"]
    }
}

extension BenchTable {
    /// A report and its checks as one pretty-printed JSON document.
    static func json<Report: Codable>(_ report: Report, checks: [GoalCheck]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(BenchDocument(report: report, checks: checks)), as: UTF8.self)
    }
}

/// What `--json` prints: the report and its checks.
struct BenchDocument<Report: Codable>: Codable {
    var report: Report
    var checks: [GoalCheck]
}
