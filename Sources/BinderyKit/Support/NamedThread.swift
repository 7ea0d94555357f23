import Foundation

extension Thread {
    /// Runs `body` on a new thread that carries `name` where tools show it
    /// (`top -H`, `/proc/…/task/…/comm`, debuggers, crash backtraces).
    ///
    /// Linux keeps 15 bytes of a thread's name and refuses a longer one, and
    /// corelibs-foundation gives a name set before `start()` to the `Thread`
    /// object only, never to the thread: so the thread names itself as it
    /// starts, with the name cut to fit.
    static func start(named name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let systemName = Self.systemName(name)
        let thread = Thread {
            Thread.current.name = systemName
            body()
        }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    /// `name` cut to the 15 bytes Linux keeps, at a character boundary.
    static func systemName(_ name: String) -> String {
        var cut = ""
        for character in name {
            guard cut.utf8.count + character.utf8.count <= 15 else { break }
            cut.append(character)
        }
        return cut
    }
}
