import CLibZip
import Foundation

/// The staging files of one archive, read back in order when the archive
/// is assembled: through one window of `windowSize` bytes, refilled with
/// one `pread` as the reading moves on.
///
/// libzip read each entry of a staging zip through stdio: two or three
/// seeks and a read for every entry, some 40,000 system calls for a book of
/// 10,000 pages, on one thread at the very end of an export. The entries are
/// copied in the order they were staged, so one window serves them all.
final class StagingFiles {
    static let windowSize = 1 << 20

    private var descriptors: [Int32] = []
    private var window: [UInt8] = []
    private var windowFile = -1
    private var windowStart = 0

    /// Opens the staging files, in batch order.
    init(_ urls: [URL]) throws {
        for url in urls {
            let fd = open(url.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                closeAll()
                throw ZipError.cannotWrite(archive: url.path, reason: "staging \(url.lastPathComponent): \(reason)")
            }
            descriptors.append(fd)
        }
    }

    deinit { closeAll() }

    private func closeAll() {
        for fd in descriptors { close(fd) }
        descriptors = []
    }

    /// Copies up to `count` bytes of staging file `file` from `offset` to
    /// `target`: the number copied (fewer only at the file's end), or minus
    /// the `errno` of a failed read.
    func read(file: Int, at offset: Int, count: Int, into target: UnsafeMutableRawPointer) -> Int {
        if file != windowFile || offset < windowStart || offset + min(count, Self.windowSize) > windowStart + window.count {
            // Refill from `offset`: a shorter window than asked means the file ends.
            if window.count != Self.windowSize { window = [UInt8](repeating: 0, count: Self.windowSize) }
            let got = window.withUnsafeMutableBytes { pread(descriptors[file], $0.baseAddress, Self.windowSize, off_t(offset)) }
            guard got >= 0 else {
                windowFile = -1
                return -Int(errno)
            }
            window.removeLast(Self.windowSize - got)
            (windowFile, windowStart) = (file, offset)
        }
        let available = min(count, windowStart + window.count - offset)
        window.withUnsafeBytes { target.copyMemory(from: $0.baseAddress! + (offset - windowStart), byteCount: available) }
        return available
    }
}

/// One staged entry as libzip's source for the final archive: its bytes
/// as stored (deflated or not), with a stat that names their method, so
/// libzip copies them as they are (the entry's method is set to the same).
final class StagedEntrySource: LibZipSourceHandler {
    private let files: StagingFiles
    private let file: Int
    private let entry: StagingArchive.Placed
    private var position = 0
    private var error = zip_error_t()

    private init(files: StagingFiles, file: Int, entry: StagingArchive.Placed) {
        self.files = files
        self.file = file
        self.entry = entry
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// A libzip source for `entry` of staging file `file`, owned by libzip
    /// from here (its ZIP_SOURCE_FREE releases it).
    static func make(_ files: StagingFiles, file: Int, entry: StagingArchive.Placed, in archive: OpaquePointer) -> OpaquePointer? {
        let source = LibZip.sourceUserData(StagedEntrySource(files: files, file: file, entry: entry))
        guard let made = zip_source_function(archive, LibZip.sourceCallback, source) else {
            LibZip.releaseSource(source)
            return nil
        }
        return made
    }

    func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        switch command {
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                            ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return commands.reduce(Int64(0)) { $0 | (Int64(1) << Int64($1.rawValue)) }
        case ZIP_SOURCE_OPEN:
            position = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return fail(ZIP_ER_INVAL, 0) }
            let count = min(Int(clamping: length), entry.compressedSize - position)
            guard count > 0 else { return 0 }
            let read = files.read(file: file, at: entry.dataOffset + position, count: count, into: data)
            guard read > 0 else { return read == 0 ? fail(ZIP_ER_EOF, 0) : fail(ZIP_ER_READ, Int32(-read)) }
            position += read
            return Int64(read)
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL, 0) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = UInt64(entry.uncompressedSize)
            stat.pointee.comp_size = UInt64(entry.compressedSize)
            stat.pointee.comp_method = UInt16(entry.method)
            stat.pointee.crc = entry.crc32
            stat.pointee.encryption_method = UInt16(ZIP_EM_NONE)
            stat.pointee.valid = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC
                                        | ZIP_STAT_ENCRYPTION_METHOD)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return zip_error_to_data(&error, data, length)
        default:
            return fail(ZIP_ER_OPNOTSUPP, 0)
        }
    }

    private func fail(_ code: Int32, _ systemError: Int32) -> Int64 {
        zip_error_set(&error, code, systemError)
        return -1
    }
}
