import Foundation
import XCTest
@testable import bindery_bench

/// `bindery-bench run --repeat R` measures in rounds: every command once,
/// then again (every other round backwards), so that a host's drift over the
/// minutes of a run weighs on every row alike; each row is its command's median.
final class BenchRoundsTests: XCTestCase {
    func testJobsRunInRoundsAndEachRowIsItsOwnMedian() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let order = work.appendingPathComponent("order").path
        // A job notes its name, then sleeps as long as its round says: "slow"
        // takes 0.2, 0.6 and 0.4 s, so its median is 0.4 s.
        func job(_ name: String, sleeps: [String]) -> Benchmark.Job {
            let script = "echo \(name) >> \(order); case $(grep -c \(name) \(order)) in "
                + "1) sleep \(sleeps[0]);; 2) sleep \(sleeps[1]);; *) sleep \(sleeps[2]);; esac"
            return Benchmark.Job(what: name, arguments: ["/bin/sh", "-c", script])
        }
        let bench = Benchmark(sizes: [1], seed: 1, work: work, bindery: URL(fileURLWithPath: "/bin/true"), repeats: 3,
                              binderyArguments: [], comparison: nil)
        let rows = try bench.measureInRounds([job("fast", sleeps: ["0", "0", "0"]), job("slow", sleeps: ["0.2", "0.6", "0.4"])],
                                             size: 1, inputs: [], log: work)
        let ran = try String(contentsOfFile: order, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(ran, ["fast", "slow", "slow", "fast", "fast", "slow"])
        XCTAssertEqual(rows.map(\.0.what), ["fast", "slow"])
        XCTAssertEqual(rows[1].1.wallSeconds, 0.4, accuracy: 0.15)
        XCTAssertLessThan(rows[0].1.wallSeconds, 0.2)
    }

    /// A re-export job runs once unmeasured to fill its output, then in every
    /// round into that same output; other jobs get an output per round.
    func testAgainJobFillsItsOutputFirstAndKeepsIt() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-again-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("log").path
        func job(_ name: String, again: Bool) -> Benchmark.Job {
            let output = work.appendingPathComponent(name)
            return Benchmark.Job(what: name, arguments: ["/bin/sh", "-c", "echo \(name) $0 >> \(log)", output.path],
                                 output: output, writesAgain: again)
        }
        let bench = Benchmark(sizes: [1], seed: 1, work: work, bindery: URL(fileURLWithPath: "/bin/true"), repeats: 2,
                              binderyArguments: [], comparison: nil)
        _ = try bench.measureInRounds([job("new", again: false), job("again", again: true)], size: 1, inputs: [], log: work)
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let base = work.path
        XCTAssertEqual(lines, ["again \(base)/again", "new \(base)/new", "again \(base)/again", "again \(base)/again", "new \(base)/new-2"])
    }

    /// A run starts only when the last run's deletion of its outputs is old
    /// enough for the file system to reuse the inodes.
    func testARunWaitsOutTheLastRunsDeletion() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var start = Date()
        Benchmark.waitOutDeletedOutputs(in: work, quarantine: 0.5, dirtyQuarantine: 0.5)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.2, "no run before: no wait")
        FileManager.default.createFile(atPath: work.appendingPathComponent(Benchmark.deletionMarker).path, contents: nil)
        start = Date()
        Benchmark.waitOutDeletedOutputs(in: work, quarantine: 0.5, dirtyQuarantine: 0.5)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.3)
    }
}
