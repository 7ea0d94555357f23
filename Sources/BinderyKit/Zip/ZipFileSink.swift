import CLibZip
import Foundation

/// Where libzip writes an archive: a file, reached through one large buffer.
///
/// libzip writes each entry's local header, then its data, then seeks back
/// to write the header again with the sizes; its own file output does this
/// through stdio in update mode, where every seek flushes and re-reads a
/// block. For a book of 10,000 entries that was some 70,000 system calls
/// (lseek, read, write) on one thread at the very end of an export. Here
/// the bytes gather in memory and reach the file a megabyte at a time; a
/// header rewritten while its bytes are still in the buffer costs nothing.
///
/// Like libzip's file output, the archive is written to a temporary file in
/// the destination's folder (`AtomicOutput`) and renamed into place when
/// libzip commits, so a failed write leaves nothing at the destination.
final class ZipFileSink: LibZipSourceHandler {
    let destination: URL
    /// Bytes gathered before they are written to the file.
    static let blockSize = 1 << 20

    private var fd: Int32 = -1
    /// The temporary file being written, until libzip commits or rolls back.
    private var output: AtomicOutput?
    /// The bytes at file offsets `bufferStart ..< bufferStart + buffer.count`, not yet written.
    private var buffer: [UInt8] = []
    private var bufferStart: Int64 = 0
    private var position: Int64 = 0
    private var length: Int64 = 0
    private var error = zip_error_t()

    init(destination: URL) {
        self.destination = destination
        zip_error_init(&error)
    }

    deinit {
        rollback()
        zip_error_fini(&error)
    }

    /// Opens an empty archive that `zip_close` writes through a new sink
    /// to `url` (replacing any file there).
    static func openArchive(at url: URL, makeError: (String) -> Error) throws -> OpaquePointer {
        let sink = LibZip.sourceUserData(ZipFileSink(destination: url))
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // The source owns the sink from here: libzip's ZIP_SOURCE_FREE releases it.
        guard let source = zip_source_function_create(LibZip.sourceCallback, sink, &error) else {
            LibZip.releaseSource(sink)
            throw makeError(String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            throw makeError(String(cString: zip_error_strerror(&error)))
        }
        return archive
    }

    // MARK: - libzip's commands

    func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        switch command {
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                            ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_BEGIN_WRITE,
                            ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
                            ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_REMOVE]
            return commands.reduce(Int64(0)) { $0 | (Int64(1) << Int64($1.rawValue)) }
        case ZIP_SOURCE_STAT:
            // Nothing to read: the archive is always made anew. libzip takes
            // this error (a read failing with ENOENT) for "no such archive yet".
            return fail(ZIP_ER_READ, ENOENT)
        case ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL:
            return fail(ZIP_ER_OPNOTSUPP, 0)
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return zip_error_to_data(&error, data, length)
        case ZIP_SOURCE_BEGIN_WRITE:
            return beginWrite()
        case ZIP_SOURCE_WRITE:
            guard let data else { return fail(ZIP_ER_INVAL, 0) }
            return write(UnsafeRawBufferPointer(start: data, count: Int(length)))
        case ZIP_SOURCE_SEEK_WRITE:
            guard let data, length >= UInt64(MemoryLayout<zip_source_args_seek_t>.size) else { return fail(ZIP_ER_INVAL, 0) }
            let seek = data.load(as: zip_source_args_seek_t.self)
            let base: Int64 = seek.whence == SEEK_SET ? 0 : seek.whence == SEEK_CUR ? position : self.length
            guard seek.whence == SEEK_SET || seek.whence == SEEK_CUR || seek.whence == SEEK_END,
                  base + seek.offset >= 0 else { return fail(ZIP_ER_INVAL, 0) }
            position = base + seek.offset
            return 0
        case ZIP_SOURCE_TELL_WRITE:
            return position
        case ZIP_SOURCE_COMMIT_WRITE:
            return commit()
        case ZIP_SOURCE_ROLLBACK_WRITE:
            rollback()
            return 0
        case ZIP_SOURCE_REMOVE:
            guard unlink(destination.path) == 0 || errno == ENOENT else { return fail(ZIP_ER_REMOVE, errno) }
            return 0
        default:
            return fail(ZIP_ER_OPNOTSUPP, 0)
        }
    }

    private func fail(_ code: Int32, _ systemError: Int32) -> Int64 {
        zip_error_set(&error, code, systemError)
        return -1
    }

    private func beginWrite() -> Int64 {
        rollback()
        guard let output = try? AtomicOutput(destination: destination) else { return fail(ZIP_ER_TMPOPEN, ENOENT) }
        let descriptor = open(output.temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return fail(ZIP_ER_TMPOPEN, errno) }
        fd = descriptor
        self.output = output
        buffer.reserveCapacity(Self.blockSize + 64 << 10)
        (bufferStart, position, length) = (0, 0, 0)
        return 0
    }

    private func write(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        guard fd >= 0 else { return fail(ZIP_ER_INTERNAL, 0) }
        let bufferEnd = bufferStart + Int64(buffer.count)
        if position >= bufferStart && position <= bufferEnd {
            // Within the buffer or right after it: overwrite, then append.
            let index = Int(position - bufferStart)
            let overlap = min(bytes.count, buffer.count - index)
            buffer.withUnsafeMutableBytes { target in
                target.baseAddress!.advanced(by: index).copyMemory(from: bytes.baseAddress!, byteCount: overlap)
            }
            buffer.append(contentsOf: bytes[overlap...])
        } else {
            // Bytes written out already (a header rewritten after a large
            // entry), or past the end: the buffer goes first, these straight after.
            guard flush() == 0 else { return -1 }
            let failure = FileDescriptorWriting.writeAll(fd, bytes, at: position)
            guard failure == 0 else { return fail(ZIP_ER_WRITE, failure) }
            // The (empty) buffer goes on from the end of what is in the file.
            bufferStart = max(bufferStart, position + Int64(bytes.count))
        }
        position += Int64(bytes.count)
        length = max(length, position)
        if buffer.count >= Self.blockSize { guard flush() == 0 else { return -1 } }
        return Int64(bytes.count)
    }

    /// Writes the buffer out; 0, or -1 with the error recorded.
    private func flush() -> Int64 {
        guard !buffer.isEmpty else { return 0 }
        let failure = buffer.withUnsafeBytes { FileDescriptorWriting.writeAll(fd, $0, at: bufferStart) }
        guard failure == 0 else { return fail(ZIP_ER_WRITE, failure) }
        bufferStart += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
        return 0
    }

    private func commit() -> Int64 {
        guard fd >= 0, let output else { return fail(ZIP_ER_INTERNAL, 0) }
        guard flush() == 0 else { return -1 }
        // A seek past the last byte written (libzip does not) would leave the file short.
        if ftruncate(fd, off_t(length)) != 0 { return fail(ZIP_ER_WRITE, errno) }
        let closed = close(fd)
        fd = -1
        guard closed == 0 else { return fail(ZIP_ER_WRITE, errno) }
        do {
            try output.commit()
        } catch {
            return fail(ZIP_ER_RENAME, errno)
        }
        self.output = nil
        buffer = []
        return 0
    }

    /// Drops a write in progress: the temporary file goes.
    private func rollback() {
        if fd >= 0 { close(fd) }
        fd = -1
        output?.discard()
        output = nil
        buffer = []
    }
}
