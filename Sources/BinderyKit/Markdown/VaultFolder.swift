import Foundation

/// The vault's folder during an export, on plain `String` names and system
/// calls relative to one open directory: Foundation's URL and FileManager
/// calls, and even the kernel's walk of a full path, cost more than the
/// work itself when repeated for ten thousand notes.
///
/// The folder is listed once when opened: a name not there then (and not
/// written since — the exporter never writes a name twice) is known to be
/// free without asking the file system. A reader never sees half a note:
/// a new note is written as an unnamed file that `linkat(2)` names once
/// complete (Linux `O_TMPFILE`); a changed note, or any note where the file
/// system has no unnamed files, is written to a temporary file beside it
/// and renamed into place (`rename(2)` is atomic within a folder). Creating
/// the temporary name and renaming cost more than the note itself.
final class VaultFolder {
    /// What a name holds.
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

    let path: String
    private let descriptor: Int32
    /// `NoteFileNamer.key` of every entry when the folder was opened, so
    /// that on a case-insensitive file system a name that differs only in
    /// case is still looked at.
    private let listedKeys: Set<String>
    private let processID = getpid()
    private var temporaryCount = 0
    /// Cleared at the first sign that unnamed files cannot be had here.
    private var unnamedFilesWork = true

    /// Opens `path`, an existing folder.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        do {
            listedKeys = Set(try FileManager.default.contentsOfDirectory(atPath: path).map(NoteFileNamer.key))
        } catch {
            close(descriptor)
            throw OutputError(path: path, reason: error.localizedDescription)
        }
    }

    deinit { close(descriptor) }

    /// What is at `name`. A folder, a FIFO or a device is `.unreadable`
    /// (and is never opened for reading long enough to block).
    func existing(_ name: String) -> Existing {
        guard listedKeys.contains(NoteFileNamer.key(name)) else { return .absent }
        let bytes: [UInt8]
        do {
            bytes = try TextBytes.readFile(path + "/" + name)
        } catch let failure as TextBytes.ReadFailure {
            return failure.code == ENOENT ? .absent : .unreadable
        } catch {
            return .unreadable
        }
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(validating: bytes[(hasByteOrderMark ? 3 : 0)...], as: UTF8.self) else { return .unreadable }
        return .file(bytes: bytes, text: text)
    }

    /// Writes `bytes` as `name`, whole: as an unnamed file linked in when the
    /// name was free, else through a temporary file and `rename(2)`. No
    /// `fsync`: either way the note appears whole or not at all, and syncing
    /// ten thousand notes would make an export wait on the disk for minutes.
    func write(_ bytes: UnsafeRawBufferPointer, name: String) throws {
        if unnamedFilesWork, !listedKeys.contains(NoteFileNamer.key(name)), try writeUnnamed(bytes, name: name) { return }
        var temporary = ""
        var fd: Int32 = -1
        // Names unique to this process; `O_EXCL` settles any clash with a leftover.
        for _ in 0..<100 {
            temporaryCount += 1
            temporary = ".\(name).\(processID).\(temporaryCount).tmp"
            fd = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw OutputError(path: path + "/" + name, reason: String(cString: strerror(errno))) }
        var failure = FileDescriptorWriting.writeAllAndClose(fd, bytes)
        if failure == 0 && renameat(descriptor, temporary, descriptor, name) != 0 { failure = errno }
        guard failure == 0 else {
            unlinkat(descriptor, temporary, 0)
            throw OutputError(path: path + "/" + name, reason: String(cString: strerror(failure)))
        }
    }

    /// Writes a new note as an unnamed file and links it in as `name`.
    /// Returns `false` when that cannot be done here (no `O_TMPFILE`, no
    /// `/proc`) or `name` exists after all: the caller then renames.
    private func writeUnnamed(_ bytes: UnsafeRawBufferPointer, name: String) throws -> Bool {
        let fd = Self.openUnnamedFile(in: descriptor)
        guard fd >= 0 else {
            if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL {
                unnamedFilesWork = false
                return false
            }
            throw OutputError(path: path + "/" + name, reason: String(cString: strerror(errno)))
        }
        var failure = FileDescriptorWriting.writeAll(fd, bytes)
        // Without CAP_DAC_READ_SEARCH, `linkat` reaches the open file through /proc.
        if failure == 0 && linkat(AT_FDCWD, "/proc/self/fd/\(fd)", descriptor, name, AT_SYMLINK_FOLLOW) != 0 {
            failure = errno
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        switch failure {
        case 0:
            return true
        case EEXIST:
            return false
        case ENOENT, EPERM, EXDEV, EOPNOTSUPP:
            unnamedFilesWork = false
            return false
        default:
            throw OutputError(path: path + "/" + name, reason: String(cString: strerror(failure)))
        }
    }

    /// Opens a new, unnamed file in the folder for writing (Linux
    /// `O_TMPFILE`), or fails with `EOPNOTSUPP`, `EISDIR` or `EINVAL` where
    /// there are none.
    private static func openUnnamedFile(in folder: Int32) -> Int32 {
        #if os(Linux)
        // glibc: O_TMPFILE = __O_TMPFILE | O_DIRECTORY with __O_TMPFILE =
        // 020000000 on every architecture Swift runs on; Swift does not
        // import the composite macro.
        return openat(folder, ".", 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)
        #else
        errno = EOPNOTSUPP
        return -1
        #endif
    }
}
