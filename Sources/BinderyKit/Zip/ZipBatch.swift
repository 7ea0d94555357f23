import Foundation

/// A group of entries compressed into one staging zip (`StagingArchive`),
/// off the caller's thread. The final archive copies their compressed bytes
/// verbatim, so deflate runs once, in parallel with whatever produces the
/// next entries, and only a batch's data is held in memory at a time.
struct ZipBatch {
    struct Entry {
        var path: String
        var data: Data
        var method: ZipWriter.Method
    }

    /// Where the batch is written.
    var url: URL
    var entries: [Entry]
    /// The final archive's path, for error messages.
    var archiveName: String

    func write() throws {
        guard let deflater = Deflater() else {
            throw ZipError.cannotCreate(archive: archiveName, reason: "staging: libdeflate could not allocate a compressor")
        }
        var archive = StagingArchive()
        for entry in entries {
            guard entry.data.count < StagingArchive.maximumBytes else {
                throw ZipError.cannotAdd(archive: archiveName, entry: entry.path, reason: "larger than 4 GB")
            }
            archive.append(StagingArchive.entry(name: entry.path, data: entry.data, deflate: entry.method == .deflate,
                                                deflater: deflater))
        }
        let bytes = archive.finish()
        // A plain write: a staging file lives for one export, so it needs no
        // `fsync` (which Foundation's `Data.write` does) and no copy into `Data`.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        let failure = fd < 0 ? errno : bytes.withUnsafeBytes { FileDescriptorWriting.writeAllAndClose(fd, $0) }
        guard failure == 0 else {
            throw ZipError.cannotCreate(archive: archiveName, reason: "staging \(url.path): \(String(cString: strerror(failure)))")
        }
    }
}
