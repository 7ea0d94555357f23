/// Errors of the archive reader. Scanning never throws (problems become
/// diagnostics); reading a body later can.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// Thrown when an article file cannot be opened or read (removed,
    /// permissions changed, I/O error) after it was scanned.
    case unreadable(file: String, reason: String)
    /// Thrown when a file that was scanned as an article no longer has an
    /// article header (it changed between scan and export).
    case notAnArticle(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read file: \(reason)"
        case let .notAnArticle(file, reason): return "\(file): not an article (\(reason))"
        }
    }
}
