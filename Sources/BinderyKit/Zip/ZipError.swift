import Foundation

/// The one error type of the zip writer. Every case names the archive (and
/// the entry, where there is one) and the underlying cause, usually libzip's
/// own message.
public enum ZipError: Error, Equatable, CustomStringConvertible {
    /// Thrown when the archive cannot be started at `archive`: its folder is
    /// missing or not writable, or the staging folder cannot be created.
    case cannotCreate(archive: String, reason: String)
    /// Thrown when `entry` is not a valid relative entry name (empty, absolute,
    /// with `.`/`..`/empty components or a backslash) or was already added.
    case invalidEntry(archive: String, entry: String, reason: String)
    /// Thrown when libzip refuses or fails to write `entry` (staging or copying).
    case cannotAdd(archive: String, entry: String, reason: String)
    /// Thrown when the finished archive cannot be written to `archive`.
    case cannotWrite(archive: String, reason: String)
    /// Thrown when the writer is used after `close()` or after a failure.
    case closed(archive: String)
    /// Thrown by `ZipReader` when `archive` is missing, not a zip, or an entry
    /// is damaged or larger than the caller's limit.
    case cannotRead(archive: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let archive, let reason):
            return "cannot create zip \(archive): \(reason)"
        case .invalidEntry(let archive, let entry, let reason):
            return "invalid zip entry \(entry) in \(archive): \(reason)"
        case .cannotAdd(let archive, let entry, let reason):
            return "cannot add \(entry) to zip \(archive): \(reason)"
        case .cannotWrite(let archive, let reason):
            return "cannot write zip \(archive): \(reason)"
        case .closed(let archive):
            return "zip \(archive) is already closed"
        case .cannotRead(let archive, let reason):
            return "cannot read zip \(archive): \(reason)"
        }
    }
}
