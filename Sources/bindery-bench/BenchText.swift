import Foundation

/// Text and JSON for the reports of `images` and `pictures`.
enum BenchText {
    /// Columns padded to their widest cell (the first left-aligned, the rest
    /// right-aligned), a rule under the header row.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        return lines
    }

    /// `Checks:` and one `PASS|FAIL|n/a  name: value  (want goal)` line per check.
    static func checkLines(_ checks: [GoalCheck], digits: Int) -> [String] {
        ["Checks:"] + checks.map { check in
            let verdict = check.passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a "
            return "  \(verdict)  \(check.name): \(check.value.map { fixed($0, digits) } ?? "-")  (want \(check.goal))"
        }
    }

    /// `{"report": …, "checks": […]}`, keys sorted.
    static func json<Report: Codable>(_ report: Report, checks: [GoalCheck]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(ReportDocument(report: report, checks: checks)), as: UTF8.self)
    }
}

/// What `--json` prints.
struct ReportDocument<Report: Codable>: Codable {
    var report: Report
    var checks: [GoalCheck]
}
