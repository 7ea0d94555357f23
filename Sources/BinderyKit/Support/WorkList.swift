import Foundation

/// Items handed out to worker threads one at a time, and a count of
/// finished ones (picture downloads, feeds). Thread-safe.
final class WorkList<Item>: @unchecked Sendable {
    private let lock = NSLock()
    private let items: [Item]
    private var nextIndex = 0
    private var done = 0

    init(_ items: [Item]) { self.items = items }

    func next() -> Item? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < items.count else { return nil }
        nextIndex += 1
        return items[nextIndex - 1]
    }

    /// Records one finished item; returns how many are finished.
    func complete() -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        return done
    }
}
