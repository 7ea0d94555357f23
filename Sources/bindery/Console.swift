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

/// Warnings, progress and the closing summary, all on stderr (never on
/// stdout, which may be the export itself).
///
/// Warnings worth a line of their own (a skipped file, a page too large, a
/// date that looks wrong) print as they come; problems that repeat across
/// articles (pictures from one unreachable host) are held and printed once
/// per cause with a count before the summary — `--verbose` prints every one.
final class Console: @unchecked Sendable {
    let quiet: Bool
    let verbose: Bool
    /// Progress redrawn in place only on a terminal; a log gets a plain line now and then.
    let isTerminal: Bool
    /// Colour for `warning:`/`error:` on a terminal, unless `NO_COLOR` is set (https://no-color.org).
    let usesColour: Bool
    private let lock = NSLock()
    private var held: [Diagnostic] = []
    private var progressShown = false
    private var meter = ProgressMeter()

    init(quiet: Bool, verbose: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.quiet = quiet
        self.verbose = verbose
        isTerminal = isatty(STDERR_FILENO) == 1
        usesColour = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// A diagnostic as it happens (or held for its cause's count). Warnings
    /// show even with `--quiet`: they are what the user must act on.
    func report(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if diagnostic.cause != nil && !verbose {
            held.append(diagnostic)
            return
        }
        writeLocked(line(for: diagnostic))
    }

    /// The held problems, once per cause: `warning: 312 pictures from
    /// s.rfi.fr left out: host unreachable (e.g. a.txt, b.txt, …)`; a cause
    /// seen once keeps its own line, URL and all.
    func reportCauses() {
        lock.lock()
        defer { lock.unlock() }
        for group in DiagnosticGroup.grouping(held) {
            if group.count == 1, let only = held.first(where: { $0.cause == group.cause }) {
                writeLocked(line(for: only))
                continue
            }
            var text = "\(group.count.formatted) \(group.cause)"
            if !group.examples.isEmpty {
                text += " (e.g. " + group.examples.joined(separator: ", ") + (group.count > group.examples.count ? ", …)" : ")")
            }
            writeLocked(label("warning") + ": " + text)
        }
        held = []
    }

    /// Progress of one phase ("Binding", "Writing notes"): items done of
    /// `total` (articles, or feeds), with rate and time left.
    func progress(_ phase: String, _ done: Int, _ total: Int, unit: String = "articles") {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let text = meter.update(phase: phase, unit: unit, done: done, total: total, redraw: isTerminal) else { return }
        if isTerminal {
            FileHandleOutput.standardError.write("\r\(text)\u{1B}[K")
            progressShown = true
        } else {
            FileHandleOutput.standardError.write(text + "\n")
        }
    }

    /// Pictures downloaded so far, shown beside the article count.
    func picturesFetched(_ count: Int) {
        lock.lock()
        meter.pictures = count
        lock.unlock()
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

    /// `error: …` on stderr, coloured on a terminal.
    func error(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        writeLocked(label("error") + ": " + message)
    }

    private func line(for diagnostic: Diagnostic) -> String {
        let text = diagnostic.file.map { "\($0): \(diagnostic.message)" } ?? diagnostic.message
        return label(diagnostic.severity.rawValue) + ": " + text
    }

    /// `warning` in bold yellow, `error` in bold red, when colour is on.
    private func label(_ word: String) -> String {
        guard usesColour else { return word }
        return (word == "error" ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + word + "\u{1B}[0m"
    }

    private func writeLocked(_ line: String) {
        clearProgressLocked()
        FileHandleOutput.standardError.write(line + "\n")
    }

    private func clearProgressLocked() {
        if progressShown {
            FileHandleOutput.standardError.write("\r\u{1B}[K")
            progressShown = false
        }
    }
}

/// When to show progress and what it says: phase, count, rate, time left.
struct ProgressMeter {
    var pictures = 0
    private var phase = ""
    private var started = Date()
    private var lastShown: Date?

    /// Redraws on a terminal at most ten times a second; a plain line for
    /// a log every ten seconds (a short run prints none).
    static let redrawInterval: TimeInterval = 0.1
    static let logInterval: TimeInterval = 10

    /// The line to show now, or `nil` when it is not yet time.
    mutating func update(phase: String, unit: String, done: Int, total: Int, redraw: Bool, now: Date = Date()) -> String? {
        if phase != self.phase {
            self.phase = phase
            started = now
            lastShown = redraw ? nil : now
        }
        let interval = redraw ? Self.redrawInterval : Self.logInterval
        if let lastShown, now.timeIntervalSince(lastShown) < interval, done < total { return nil }
        if !redraw, done >= total { return nil }  // the summary follows at once
        lastShown = now
        return Self.text(phase: phase, unit: unit, done: done, total: total, pictures: pictures, elapsed: now.timeIntervalSince(started))
    }

    /// `Binding 1,234/10,000 articles · 312 pictures fetched · 850/s · 0:07 left`.
    static func text(phase: String, unit: String, done: Int, total: Int, pictures: Int, elapsed: TimeInterval) -> String {
        var parts = ["\(phase) \(done.formatted)/\(total.formatted) \(unit)"]
        if pictures > 0 { parts.append("\(pictures.formatted) pictures fetched") }
        if elapsed >= 1, done > 0 {
            let rate = Double(done) / elapsed
            parts.append("\(Int(rate.rounded()).formatted)/s")
            if done < total { parts.append(duration((Double(total - done) / rate).rounded(.up)) + " left") }
        }
        return parts.joined(separator: " · ")
    }

    /// `0:07`, `12:34`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let tail = String(format: "%02d", rest)
        return hours > 0 ? "\(hours):\(String(format: "%02d", minutes)):\(tail)" : "\(minutes):\(tail)"
    }
}

extension Int {
    /// `1,234`: grouped as people read counts.
    var formatted: String {
        let digits = String(magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
