import Foundation

/// The file work of a vault export, on plain `String` paths and system
/// calls: what is at a note's path is read with one `open`, and a changed
/// note is written to a temporary file beside it and renamed into place
/// (`rename(2)` is atomic within a folder, so a reader never sees half a
/// note). Foundation's URL and FileManager calls cost more than the system
/// calls themselves when repeated for ten thousand notes.
enum VaultFile {
    /// What a path holds.
    enum Existing {
        /// Nothing (or a symbolic link to nothing).
        case absent
        /// Something that is not a readable UTF-8 file: a folder, a file we
        /// may not read, a binary file.
        case unreadable
        /// A UTF-8 file: its bytes, and its text (without a byte-order mark,
        /// as Foundation reads it).
        case file(bytes: [UInt8], text: String)
    }

    static func existing(at path: String) -> Existing {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .absent : .unreadable }
        defer { close(fd) }
        guard let bytes = readAll(fd) else { return .unreadable }
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(validating: bytes[(hasByteOrderMark ? 3 : 0)...], as: UTF8.self) else { return .unreadable }
        return .file(bytes: bytes, text: text)
    }

    /// The whole file, or `nil` when it cannot be read (a folder gives `EISDIR`).
    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        var bytes: [UInt8] = []
        // One read for the size `fstat` gave, then to end of file (it may grow).
        var chunk = max(Int(status.st_size) + 1, 4096)
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + start, chunk)
            }
            if count < 0 {
                bytes.removeSubrange(start...)
                if errno == EINTR { continue }
                return nil
            }
            bytes.removeSubrange((start + count)...)
            if count == 0 { return bytes }
            chunk = 65536
        }
    }

    /// Writes `bytes` to `path` through a temporary file in `folder` (the
    /// path's folder, which exists) and `rename(2)`. No `fsync`: the rename
    /// already makes the note appear whole or not at all, and syncing ten
    /// thousand notes would make an export wait on the disk for minutes.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, name: String, in folder: String) throws {
        let temporary = folder + "/." + name + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        var failure = FileDescriptorWriting.writeAllAndClose(fd, bytes)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw OutputError(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
