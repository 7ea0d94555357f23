import Foundation

extension Array {
    /// `map` on all cores, in chunks of `chunk` elements (small enough to
    /// share out, large enough that scheduling costs nothing). The result is
    /// in the order of the elements, whatever the scheduling; `transform`
    /// must be safe to call from several threads at once.
    func concurrentMap<T>(chunk: Int = 64, _ transform: (Element) -> T) -> [T] {
        guard count > chunk else { return map(transform) }
        let chunks = (count + chunk - 1) / chunk
        // Each result is written straight into its place in the new array:
        // collecting optionals and unwrapping them copied every result once
        // more, on one core (10,000 articles at the start of every export).
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = DisjointSlots(buffer)
            // Each slot is initialized by exactly one chunk.
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for index in (c * chunk)..<Swift.min(count, (c + 1) * chunk) {
                    slots.initialize(index, to: transform(self[index]))
                }
            }
            initialized = count
        }
    }
}

/// Slots of one buffer initialized from several threads, each slot by one only.
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
    func initialize(_ index: Int, to value: T) {
        precondition(base.indices.contains(index))
        (base.baseAddress! + index).initialize(to: value)
    }
}
