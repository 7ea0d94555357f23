import FlyingSocks
import Foundation

/// FlyingFox's socket pool with an idle timeout: a connection that waits
/// longer than `timeout` seconds for the client to send (a request that
/// never completes, an idle keep-alive) or to read (a stalled download)
/// fails with a timeout and is closed, so slow or vanished clients cannot
/// hold connections and file handles for ever. The listening socket waits
/// without limit.
struct IdleTimeoutPool: AsyncSocketPool {
    let base: any AsyncSocketPool
    let timeout: TimeInterval

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        if Self.isListening(socket) {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        let base = self.base, timeout = self.timeout
        let ready = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await base.suspendSocket(socket, untilReadyFor: events)
                return true
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        if !ready { throw SocketError.timeout(message: "no progress for \(Int(timeout)) s") }
    }

    /// SO_ACCEPTCONN: whether `socket` is a listening socket.
    private static func isListening(_ socket: Socket) -> Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket.file.rawValue, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) == 0 && value != 0
    }
}
