import Foundation

/// Fixed slots written once each from concurrent iterations (writing
/// distinct elements of one array from several threads is still a race on
/// the array: hence the lock).
public final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// Moves the value out of its slot: the caller's copy is then the last
    /// one, so a large value is freed by whichever thread took it.
    public func take(_ index: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = storage[index]!
        storage[index] = nil
        return value
    }

    public func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// All values, in index order. Every slot must have been set.
    public var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
