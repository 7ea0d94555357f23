import Foundation

/// A recoverable problem, tied to the file (and URL) it concerns.
///
/// Problems in the input never throw out of an export: they become
/// diagnostics, and the exit status is decided at the end.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    /// The archive file's display name, when the problem concerns one.
    public var file: String?
    public var message: String

    public init(_ severity: Severity = .warning, file: String?, _ message: String) {
        self.severity = severity
        self.file = file
        self.message = message
    }

    public static func warning(_ file: String?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, message)
    }

    /// One line, as printed on stderr: `warning: FILE: message`.
    public var description: String {
        if let file { return "\(severity.rawValue): \(file): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics from concurrent stages. Thread-safe.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    /// Called for each diagnostic as it arrives (the CLI prints them).
    private let onReport: (@Sendable (Diagnostic) -> Void)?

    public init(onReport: (@Sendable (Diagnostic) -> Void)? = nil) {
        self.onReport = onReport
    }

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
        onReport?(diagnostic)
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        for d in diagnostics { report(d) }
    }

    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return items.count
    }
}
