import CLibZip
import Foundation

/// A group of entries compressed into one staging zip, off the caller's
/// thread. The final archive copies their compressed bytes verbatim
/// (`zip_source_zip` with `ZIP_FL_COMPRESSED`), so deflate runs once, in
/// parallel with whatever produces the next entries, and only one batch's
/// data is held in memory at a time.
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
        let archive = try LibZip.open(url, flags: ZIP_CREATE | ZIP_TRUNCATE) {
            ZipError.cannotCreate(archive: archiveName, reason: "staging \(url.path): \($0)")
        }
        try LibZip.fillAndClose(archive, makeError: {
            ZipError.cannotAdd(archive: archiveName, entry: entries.first?.path ?? "", reason: "staging: \($0)")
        }) {
            for entry in entries { try add(entry, to: archive) }
        }
    }

    private func add(_ entry: Entry, to archive: OpaquePointer) throws {
        func failure(_ reason: String) -> ZipError {
            ZipError.cannotAdd(archive: archiveName, entry: entry.path, reason: reason)
        }
        // libzip reads source buffers only in zip_close, so it gets its own
        // copy to free (freep = 1) rather than a pointer into `Data`.
        let count = entry.data.count
        guard let buffer = malloc(max(count, 1)) else { throw failure("out of memory") }
        entry.data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: count)
        guard let source = zip_source_buffer(archive, buffer, UInt64(count), 1) else {
            free(buffer)
            throw failure(LibZip.message(archive))
        }
        let index = zip_file_add(archive, entry.path, source, ZIP_FL_ENC_UTF_8)
        guard index >= 0 else {
            zip_source_free(source)
            throw failure(LibZip.message(archive))
        }
        guard zip_set_file_compression(archive, UInt64(index), LibZip.compression(entry.method), ZipWriter.deflateLevel) == 0 else {
            throw failure(LibZip.message(archive))
        }
    }
}
