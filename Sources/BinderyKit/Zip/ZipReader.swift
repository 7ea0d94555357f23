import CLibZip
import Foundation

/// Reads single entries out of an existing zip archive (an EPUB's
/// `container.xml`, package document and cover) without unpacking the rest.
///
/// One instance owns one libzip handle, opened read-only and closed in
/// `deinit`; entries are copied out whole into `Data`, so no pointer into
/// libzip escapes. Not thread-safe: use one reader per thread.
public final class ZipReader {
    public let url: URL
    private let archive: OpaquePointer

    /// Opens `url`; throws `ZipError.cannotRead` when it is missing or not a zip.
    public init(url: URL) throws {
        self.url = url
        archive = try LibZip.open(url, flags: ZIP_RDONLY) { ZipError.cannotRead(archive: url.path, reason: $0) }
    }

    deinit { zip_discard(archive) }

    /// An entry as the central directory lists it.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var size: Int
        public var compressedSize: Int
        /// Stored deflated (method 8) rather than as is.
        public var isDeflated: Bool
    }

    /// Every entry, in the archive's order.
    public func entries() -> [Entry] {
        let count = zip_get_num_entries(archive, 0)
        guard count > 0 else { return [] }
        return (0..<UInt64(count)).compactMap { index in
            var info = zip_stat_t()
            zip_stat_init(&info)
            guard zip_stat_index(archive, index, 0, &info) == 0, let name = info.name else { return nil }
            return Entry(name: String(cString: name), size: Int(info.size), compressedSize: Int(info.comp_size),
                         isDeflated: Int32(info.comp_method) == ZIP_CM_DEFLATE)
        }
    }

    /// The uncompressed bytes of `entry`, or `nil` when the archive has no
    /// such entry. Throws when the entry is larger than `limit` (a hostile
    /// archive must not make the reader allocate gigabytes) or is damaged.
    public func read(_ entry: String, limit: Int) throws -> Data? {
        var info = zip_stat_t()
        zip_stat_init(&info)
        guard zip_stat(archive, entry, 0, &info) == 0 else { return nil }
        guard info.valid & UInt64(ZIP_STAT_SIZE) != 0, info.size <= UInt64(limit) else {
            throw ZipError.cannotRead(archive: url.path, reason: "\(entry) is larger than \(limit) bytes")
        }
        guard let file = zip_fopen_index(archive, info.index, 0) else {
            throw ZipError.cannotRead(archive: url.path, reason: "\(entry): \(LibZip.message(archive))")
        }
        defer { zip_fclose(file) }
        var data = Data(count: Int(info.size))
        let filled = data.withUnsafeMutableBytes { buffer -> Int64 in
            guard let base = buffer.baseAddress else { return 0 }
            var total: Int64 = 0
            while total < Int64(buffer.count) {
                let count = zip_fread(file, base + Int(total), UInt64(buffer.count) - UInt64(total))
                if count <= 0 { return count < 0 ? -1 : total }
                total += count
            }
            return total
        }
        guard filled == Int64(info.size) else {
            throw ZipError.cannotRead(archive: url.path, reason: "\(entry): damaged entry (CRC or inflate error)")
        }
        return data
    }
}
