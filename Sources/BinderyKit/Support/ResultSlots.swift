import Foundation

/// Fixed slots written once each from concurrent iterations (writing
/// distinct elements of one array from several threads is still a race on
/// the array: hence the lock).
public final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

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
