import Foundation

extension Array {
    /// `map` on all cores, in chunks of `chunk` elements (small enough to
    /// share out, large enough that scheduling costs nothing). The result is
    /// in the order of the elements, whatever the scheduling; `transform`
    /// must be safe to call from several threads at once.
    func concurrentMap<T>(chunk: Int = 64, _ transform: (Element) -> T) -> [T] {
        guard count > chunk else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        let chunks = (count + chunk - 1) / chunk
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointSlots(buffer)
            // Each slot is written by exactly one chunk.
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for index in (c * chunk)..<Swift.min(count, (c + 1) * chunk) {
                    slots[index] = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Slots of one buffer written from several threads, each slot by one only.
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T?>
    init(_ base: UnsafeMutableBufferPointer<T?>) { self.base = base }
    subscript(index: Int) -> T? {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
