import Foundation

/// One piece of work started now on another thread, whose result the
/// starter collects later with `wait()` (a drawn cover while the pages go on
/// being bound).
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The work's result, once it has finished; call it once.
    func wait() -> Value {
        done.wait()
        return value!
    }
}

/// What a finished job leaves behind, freed on another thread: the last
/// references to a book's bookkeeping (an entry per article, a record per
/// picture looked up) take a noticeable moment to free, and the caller has
/// more useful things to do (at the end of a command, exit). The job keeps
/// its objects here; once it has returned, and so dropped its own
/// references, its caller calls `releaseInBackground()`.
final class Leftovers: @unchecked Sendable {
    private var kept: [Any] = []

    func keep(_ value: Any) { kept.append(value) }

    func releaseInBackground() {
        DispatchQueue.global(qos: .utility).async { self.kept = [] }
    }
}
