import Foundation

/// Bounds how many requests are served at once (a download counts until
/// its last byte is sent): beyond `limit` a request waits its turn, and
/// one that waits longer than the timeout is turned away (503).
final class RequestGate: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var active = 0
    private var nextTicket: UInt64 = 0
    private var waiters: [(ticket: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// A permit, held until it is released or deallocated; `nil` after
    /// waiting `timeout` seconds for one.
    func enter(timeout: TimeInterval) async -> Permit? {
        let admitted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            guard let ticket = admitOrQueue(continuation) else { return }
            Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                self?.expire(ticket)
            }
        }
        return admitted ? Permit(gate: self) : nil
    }

    /// Admits at once (resuming `continuation`) or queues it and returns its ticket.
    private func admitOrQueue(_ continuation: CheckedContinuation<Bool, Never>) -> UInt64? {
        lock.lock()
        if active < limit {
            active += 1
            lock.unlock()
            continuation.resume(returning: true)
            return nil
        }
        nextTicket += 1
        let ticket = nextTicket
        waiters.append((ticket, continuation))
        lock.unlock()
        return ticket
    }

    /// Requests being served now.
    var activeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return active
    }

    private func expire(_ ticket: UInt64) {
        lock.lock()
        guard let index = waiters.firstIndex(where: { $0.ticket == ticket }) else {
            lock.unlock()
            return
        }
        let waiter = waiters.remove(at: index)
        lock.unlock()
        waiter.continuation.resume(returning: false)
    }

    /// Hands the slot to the longest waiter, or frees it.
    fileprivate func leave() {
        lock.lock()
        if waiters.isEmpty {
            active -= 1
            lock.unlock()
        } else {
            let waiter = waiters.removeFirst()
            lock.unlock()
            waiter.continuation.resume(returning: true)
        }
    }

    /// One admitted request; leaves the gate once, when released or freed.
    final class Permit: @unchecked Sendable {
        private let gate: RequestGate
        private let lock = NSLock()
        private var released = false

        fileprivate init(gate: RequestGate) { self.gate = gate }

        func release() {
            lock.lock()
            let first = !released
            released = true
            lock.unlock()
            if first { gate.leave() }
        }

        deinit { release() }
    }
}
