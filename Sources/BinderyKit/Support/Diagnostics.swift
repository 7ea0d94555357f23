import Foundation

/// A recoverable problem, tied to the file (and URL) it concerns.
///
/// Problems in the input never throw out of an export: they become
/// diagnostics, and the exit status is decided at the end.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case warning
        case error
    }

    /// What kind of problem it is: what an export report files it under.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A file of the input that is no article (or cannot be read): skipped.
        case fileSkipped
        /// A picture that could not be had; `subject` is its source.
        case pictureMissing
        /// An article page larger than some readers handle.
        case pageTooLarge
        /// Anything else about an article or the run (dates, cleaning, input folders).
        case other
    }

    public var severity: Severity
    /// The archive file's display name, when the problem concerns one.
    public var file: String?
    public var message: String
    public var kind: Kind
    /// What the problem concerns within the file: a picture's URL.
    public var subject: String?
    /// For problems that repeat across articles (pictures above all): the
    /// cause they share, e.g. `pictures from s.rfi.fr left out: host
    /// unreachable`. A run reports each cause once, with a count; `nil`
    /// for problems worth a line of their own.
    public var cause: String?

    public init(_ severity: Severity = .warning, file: String?, _ message: String, kind: Kind = .other,
                subject: String? = nil, cause: String? = nil) {
        self.severity = severity
        self.file = file
        self.message = message
        self.kind = kind
        self.subject = subject
        self.cause = cause
    }

    public static func warning(_ file: String?, _ message: String, kind: Kind = .other) -> Diagnostic {
        Diagnostic(.warning, file: file, message, kind: kind)
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

/// Diagnostics that share a cause, reported once: how many, and a few of
/// the files they came from.
public struct DiagnosticGroup: Sendable, Hashable {
    public var cause: String
    public var count: Int
    /// The first few files, in the order reported.
    public var examples: [String]

    /// `diagnostics` with a cause, grouped: causes in order of first
    /// appearance (reports arrive in book order, so the order is stable).
    public static func grouping(_ diagnostics: [Diagnostic], examples limit: Int = 3) -> [DiagnosticGroup] {
        var groups: [DiagnosticGroup] = []
        var index: [String: Int] = [:]
        for diagnostic in diagnostics {
            guard let cause = diagnostic.cause else { continue }
            if let at = index[cause] {
                groups[at].count += 1
                if groups[at].examples.count < limit, let file = diagnostic.file, !groups[at].examples.contains(file) {
                    groups[at].examples.append(file)
                }
            } else {
                index[cause] = groups.count
                groups.append(DiagnosticGroup(cause: cause, count: 1, examples: diagnostic.file.map { [$0] } ?? []))
            }
        }
        return groups
    }
}
