import Foundation

extension Thread {
    /// Runs `body` on a new thread that carries `name` where tools show it
    /// (`top -H`, `/proc/…/task/…/comm`, debuggers, crash backtraces).
    ///
    /// Linux keeps 15 bytes of a thread's name and refuses a longer one, and
    /// corelibs-foundation gives a name set before `start()` to the `Thread`
    /// object only, never to the thread; set from the thread itself, it
    /// reaches the system only if the starting thread has already recorded
    /// the new thread's handle, a race it can lose. So the thread also
    /// writes its name, cut to fit, to `/proc/thread-self/comm` (what
    /// pthread_setname_np(3) does, which Swift's Glibc module leaves out).
    static func start(named name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let systemName = Self.systemName(name)
        let thread = Thread {
            Thread.current.name = systemName
            #if os(Linux)
            let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
            if fd >= 0 { _ = Array(systemName.utf8).withUnsafeBytes { FileDescriptorWriting.writeAllAndClose(fd, $0) } }
            #endif
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
