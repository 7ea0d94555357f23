import XCTest
@testable import BinderyKit

/// Threads Bindery starts carry their names to the system, where `top -H`,
/// debuggers and crash reports read them.
final class NamedThreadTests: XCTestCase {
    func testTheNameReachesTheSystemThreadCutToFifteenBytes() throws {
        #if os(Linux)
        func systemThreadNames() -> [String] {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
                .map { $0.trimmingCharacters(in: .newlines) }
        }
        let running = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        for name in ["bindery-test", "bindery-a-name-far-too-long"] {
            Thread.start(named: name) {
                running.signal()
                release.wait()
            }
        }
        running.wait()
        running.wait()
        let names = systemThreadNames()
        release.signal()
        release.signal()
        XCTAssertTrue(names.contains("bindery-test"), "\(names)")
        XCTAssertTrue(names.contains("bindery-a-name-"), "\(names)")
        #else
        throw XCTSkip("thread names are read from /proc on Linux")
        #endif
    }

    func testNamesAreCutAtACharacterBoundary() {
        XCTAssertEqual(Thread.systemName("bindery-batches"), "bindery-batches")
        XCTAssertEqual(Thread.systemName("bindery-image-download"), "bindery-image-d")
        XCTAssertEqual(Thread.systemName("装订线程名字太长"), "装订线程名") // 3 bytes each: 15
        XCTAssertEqual(Thread.systemName("ab装订线程名字"), "ab装订线程") // 14 bytes; one more would be 17
    }
}
