import Foundation

/// Decides which assets are new to the book: each distinct image (by content,
/// hence by `fileName`) is handed to the renderer exactly once, with the
/// first article that uses it.
///
/// "First" is the order of `admit` calls: call it in book order. (Resolving
/// may run on several threads at once; admitting is the small ordered step
/// after it, so the output does not depend on thread timing.) Thread-safe.
public final class AssetLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var admitted = Set<String>()

    public init() {}

    /// Those of `assets` not admitted before, in their order.
    public func admit(_ assets: [Asset]) -> [Asset] {
        lock.lock()
        defer { lock.unlock() }
        return assets.filter { admitted.insert($0.fileName).inserted }
    }

    /// File names admitted so far.
    public var fileNames: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return admitted
    }
}
