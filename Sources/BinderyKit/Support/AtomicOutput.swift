import Foundation

/// Thrown when an output file cannot be written or moved into place.
public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes an output file atomically: everything goes to a hidden temporary
/// file beside the destination, which replaces the destination by `rename(2)`
/// only once complete. A failed or interrupted export leaves any existing file
/// untouched and no partial file behind (the temporary is removed on failure).
public final class AtomicOutput {
    public let destination: URL
    /// Where to write; same folder as `destination` so the rename is atomic.
    public let temporaryURL: URL
    private var committed = false

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let folder = self.destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: destination.path, reason: "folder \(folder.path) does not exist")
        }
        let name = ".\(self.destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        temporaryURL = folder.appendingPathComponent(name)
    }

    /// Moves the finished temporary file into place.
    public func commit() throws {
        guard rename(temporaryURL.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(path: destination.path, reason: reason)
        }
        committed = true
    }

    /// Removes the temporary file (if any) without touching the destination.
    public func discard() {
        unlink(temporaryURL.path)
    }

    deinit {
        if !committed { discard() }
    }

    /// Writes `data` to `destination` atomically.
    ///
    /// Plain `open`/`write`/`rename`, no `fsync`: the rename already makes the
    /// new file appear whole or not at all, and syncing each of ten thousand
    /// notes would make a vault export wait on the disk for minutes.
    public static func write(_ data: Data, to destination: URL) throws {
        let output = try AtomicOutput(destination: destination)
        let fd = open(output.temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: destination.path, reason: String(cString: strerror(errno))) }
        let failure = data.withUnsafeBytes { FileDescriptorWriting.writeAllAndClose(fd, $0) }
        guard failure == 0 else { throw OutputError(path: destination.path, reason: String(cString: strerror(failure))) }
        try output.commit()
    }
}
