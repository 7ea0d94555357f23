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

    /// `onAllCores`: the entries are deflated in two halves at once (the end
    /// of a book, when nothing else is left to run).
    /// Returns where each entry's bytes are in the staging file.
    func write(onAllCores: Bool) throws -> [StagingArchive.Placed] {
        for entry in entries where entry.data.count >= StagingArchive.maximumBytes {
            throw ZipError.cannotAdd(archive: archiveName, entry: entry.path, reason: "larger than 4 GB")
        }
        var archive = StagingArchive()
        if onAllCores, entries.count > 1 {
            // Halves of about equal size, in order.
            let half = entries.reduce(0) { $0 + $1.data.count } / 2
            var split = 1, bytes = entries[0].data.count
            while split < entries.count - 1 && bytes < half {
                bytes += entries[split].data.count
                split += 1
            }
            let halves = [entries[..<split], entries[split...]].concurrentMap(chunk: 1) { half in Result { try stage(half) } }
            for half in halves { for entry in try half.get() { archive.append(entry) } }
        } else {
            for entry in try stage(entries[...]) { archive.append(entry) }
        }
        let placed = archive.placed
        let bytes = archive.finish()
        // A plain write: a staging file lives for one export, so it needs no
        // `fsync` (which Foundation's `Data.write` does) and no copy into `Data`.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        let failure = fd < 0 ? errno : bytes.withUnsafeBytes { FileDescriptorWriting.writeAllAndClose(fd, $0) }
        guard failure == 0 else {
            throw ZipError.cannotCreate(archive: archiveName, reason: "staging \(url.path): \(String(cString: strerror(failure)))")
        }
        return placed
    }

    /// The entries deflated (or stored) with a compressor of their own.
    private func stage(_ entries: ArraySlice<Entry>) throws -> [StagingArchive.Entry] {
        guard let deflater = Deflater() else {
            throw ZipError.cannotCreate(archive: archiveName, reason: "staging: libdeflate could not allocate a compressor")
        }
        return entries.map { StagingArchive.entry(name: $0.path, data: $0.data, deflate: $0.method == .deflate, deflater: deflater) }
    }
}
