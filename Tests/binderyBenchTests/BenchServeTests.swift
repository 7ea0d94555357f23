import Foundation
import XCTest
@testable import bindery_bench

/// `bindery-bench serve` end to end on a small load: the built `bindery`
/// serves, every download arrives whole, the server stops on SIGTERM.
final class BenchServeTests: XCTestCase {
    func testSmallLoadCompletesByteIdenticalAndStopsCleanly() throws {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("bindery")]
            + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("bindery") }
            + [root.appendingPathComponent(".build/debug/bindery")]
        guard let bindery = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the bindery binary is not built")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try ServeBenchmark(clients: 4, megabytes: 3, work: work, bindery: bindery).run()
        XCTAssertEqual(report.rows.map(\.clients), [1, 4])
        XCTAssertEqual(report.rows.map(\.complete), [1, 4], report.table())
        XCTAssertEqual(report.rows.map(\.exitStatus), [0, 0], report.table())
        XCTAssertEqual(report.checks.compactMap(\.passed), [true, true, true], report.table())
        XCTAssertTrue(report.table().contains("PASS  downloads complete"))
    }
}
