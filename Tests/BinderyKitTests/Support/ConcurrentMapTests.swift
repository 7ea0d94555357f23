import XCTest
@testable import BinderyKit

/// `concurrentMap` writes each result straight into the new array from
/// several threads: the results must be `map`'s, in order, each made once,
/// and owned by the array (released with it, never twice).
final class ConcurrentMapTests: XCTestCase {
    private final class Tracked {
        static let lock = NSLock()
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.lock.lock(); Self.alive += 1; Self.lock.unlock()
        }
        deinit { Self.lock.lock(); Self.alive -= 1; Self.lock.unlock() }
    }

    func testResultsAreMapsInOrderEachMadeOnceAndReleasedWithTheArray() {
        let input = Array(0..<1_001)
        let calls = ResultSlots<Int>(count: input.count)
        let callCount = NSLock(), counted = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        counted.initialize(to: 0)
        defer { counted.deallocate() }
        do {
            let mapped = input.concurrentMap(chunk: 7) { value -> (String, Tracked) in
                calls.set(value, value)
                callCount.lock(); counted.pointee += 1; callCount.unlock()
                return ("item \(value) " + String(repeating: "x", count: value % 40), Tracked(value))
            }
            XCTAssertEqual(mapped.map(\.0), input.map { "item \($0) " + String(repeating: "x", count: $0 % 40) })
            XCTAssertEqual(mapped.map(\.1.value), input)
            XCTAssertEqual(calls.values, input)
            XCTAssertEqual(counted.pointee, input.count, "each element transformed exactly once")
            XCTAssertEqual(Tracked.alive, input.count)
        }
        XCTAssertEqual(Tracked.alive, 0)
    }

    func testShortArraysAndEmptyOnesAreMappedToo() {
        XCTAssertEqual([1, 2, 3].concurrentMap(chunk: 64) { $0 * 2 }, [2, 4, 6])
        XCTAssertEqual([Int]().concurrentMap(chunk: 1) { $0 }, [])
        XCTAssertEqual(Array(0..<65).concurrentMap(chunk: 64) { $0 + 1 }, Array(1..<66))
    }
}
