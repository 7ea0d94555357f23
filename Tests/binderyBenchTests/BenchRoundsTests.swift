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
                                             size: 1, log: work)
        let ran = try String(contentsOfFile: order, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(ran, ["fast", "slow", "slow", "fast", "fast", "slow"])
        XCTAssertEqual(rows.map(\.0.what), ["fast", "slow"])
        XCTAssertEqual(rows[1].1.wallSeconds, 0.4, accuracy: 0.15)
        XCTAssertLessThan(rows[0].1.wallSeconds, 0.2)
    }
}
