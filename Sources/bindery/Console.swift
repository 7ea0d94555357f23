import BinderyKit
import Foundation

/// Writes to stdout/stderr without buffering surprises.
struct FileHandleOutput {
    let handle: FileHandle
    static let standardError = FileHandleOutput(handle: .standardError)
    static let standardOutput = FileHandleOutput(handle: .standardOutput)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

/// Warnings, progress and the closing summary, all on stderr.
final class Console: @unchecked Sendable {
    let quiet: Bool
    /// Progress only when stderr is a terminal: a log file gets no `\r` noise.
    let showsProgress: Bool
    private let lock = NSLock()
    private var progressShown = false
    private var lastProgressTick = 0

    init(quiet: Bool) {
        self.quiet = quiet
        showsProgress = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// A diagnostic, one line, as soon as it happens. Warnings are shown even
    /// with `--quiet`: they are what the user must act on.
    func report(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        clearProgressLocked()
        FileHandleOutput.standardError.write(diagnostic.description + "\n")
    }

    func progress(_ label: String, _ done: Int, _ total: Int) {
        guard showsProgress else { return }
        lock.lock()
        defer { lock.unlock() }
        // Redraw at most ~100 times per run.
        let tick = total > 0 ? done * 100 / total : 0
        guard tick != lastProgressTick || done == total else { return }
        lastProgressTick = tick
        FileHandleOutput.standardError.write("\r\(label) \(done)/\(total)")
        progressShown = true
    }

    func finishProgress() {
        lock.lock()
        defer { lock.unlock() }
        clearProgressLocked()
    }

    /// The closing one-line summary.
    func summary(_ line: String) {
        guard !quiet else { return }
        finishProgress()
        FileHandleOutput.standardError.write(line + "\n")
    }

    private func clearProgressLocked() {
        if progressShown {
            FileHandleOutput.standardError.write("\r\u{1B}[K")
            progressShown = false
        }
    }
}
