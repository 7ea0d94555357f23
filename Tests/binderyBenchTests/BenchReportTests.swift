import Foundation
import XCTest
@testable import bindery_bench

final class BenchReportTests: XCTestCase {
    private func row(_ what: String, _ articles: Int, wall: Double, rss: Double, exit: Int32 = 0) -> BenchRow {
        BenchRow(articles: articles, inputBytes: articles * 5_700, what: what,
                 measurement: Measurement(wallSeconds: wall, cpuSeconds: wall, peakRSSMegabytes: rss, exitStatus: exit, log: "x.log"),
                 result: [:])
    }

    func testGoalsPassAndFailOnTheNumbers() {
        let rows = [
            row("floor", 1000, wall: 0.12, rss: 20), row("bindery epub", 1000, wall: 0.2, rss: 60),
            row("floor", 10000, wall: 1.2, rss: 20), row("bindery epub", 10000, wall: 2.6, rss: 130),
            row("bindery markdown", 10000, wall: 2.0, rss: 90), row("bindery text", 10000, wall: 3.0, rss: 90),
        ]
        let checks = Dictionary(uniqueKeysWithValues: Goals.evaluate(rows, sizes: [1000, 10000]).map { ($0.name, $0) })
        XCTAssertEqual(checks["epub wall / floor wall, N=10000"]?.passed, false) // 2.17 > 2
        XCTAssertEqual(checks["epub peak RSS MB, N=10000"]?.passed, true)
        XCTAssertEqual(checks["epub time ratio N=10000/N=1000"]?.passed, false) // 13 > 11
        XCTAssertEqual(checks["epub memory ratio N=10000/N=1000"]?.passed, false) // 2.17 > 2
        XCTAssertEqual(checks["markdown wall / epub wall, N=10000"]?.passed, true)
        XCTAssertEqual(checks["text wall / epub wall, N=10000"]?.passed, false)
    }

    func testAFailedExportLeavesItsGoalsUndecided() {
        let rows = [row("floor", 10, wall: 1, rss: 1), row("bindery epub", 10, wall: 1, rss: 1, exit: 1)]
        let checks = Goals.evaluate(rows, sizes: [10])
        XCTAssertEqual(checks.first { $0.name.hasPrefix("epub wall") }?.passed, nil)
    }

    func testResultLineIsParsedFromTheChildLog() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-result-\(getpid()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        try "warning: x\nbench-result phase-seconds=0.5 articles=12 scan-diagnostics=0\n".write(to: log, atomically: true, encoding: .utf8)
        XCTAssertEqual(BenchRow.parseResult(logAt: log.path), ["phase-seconds": "0.5", "articles": "12", "scan-diagnostics": "0"])
    }

    func testChildProcessReportsExitStatusAndTime() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-child-\(getpid()).log")
        defer {
            // `measure` leaves GNU time's report beside the log.
            for file in [log, log.appendingPathExtension("rss")] { try? FileManager.default.removeItem(at: file) }
        }
        let measurement = try ChildProcess.measure(["/bin/sh", "-c", "echo hi; exit 3"], log: log)
        XCTAssertEqual(measurement.exitStatus, 3)
        XCTAssertGreaterThan(measurement.wallSeconds, 0)
        XCTAssertGreaterThan(measurement.peakRSSMegabytes, 0)
        XCTAssertTrue(try String(contentsOf: log, encoding: .utf8).contains("hi"))
    }
}
