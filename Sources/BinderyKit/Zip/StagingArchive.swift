import Foundation

/// A minimal zip file (PKWARE APPNOTE 6.3: local headers, data, central
/// directory, end record; no zip64, no extra fields) holding entries that
/// are already compressed. `ZipWriter` writes one per batch, off the
/// caller's thread, and libzip copies their compressed bytes verbatim into
/// the book (`zip_source_zip` with `ZIP_FL_COMPRESSED`): deflate runs once,
/// with libdeflate, and libzip stays the container's only writer.
struct StagingArchive {
    struct Entry {
        var name: String
        /// 8 deflate, 0 stored.
        var method: UInt16
        var crc32: UInt32
        var compressed: [UInt8]
        var uncompressedSize: Int
    }

    /// Entries a batch may hold without zip64 (the count is 16 bits).
    static let maximumEntries = 65_000
    /// Larger entries (or archives) would need zip64.
    static let maximumBytes = Int(UInt32.max) - 1

    /// Where an entry's stored bytes are in the staging file, and what
    /// they are: what the final archive needs to copy them (`StagedEntrySource`).
    struct Placed: Sendable {
        var dataOffset: Int
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
    }

    private(set) var bytes: [UInt8] = []
    /// The entries appended, in order.
    private(set) var placed: [Placed] = []
    private var central: [UInt8] = []
    private var count = 0

    /// The entry, deflated with `deflater` or stored as it is.
    static func entry(name: String, data: Data, deflate: Bool, deflater: Deflater) -> Entry {
        let crc = Deflater.crc32(data)
        if deflate {
            return Entry(name: name, method: 8, crc32: crc, compressed: deflater.deflate(data), uncompressedSize: data.count)
        }
        return Entry(name: name, method: 0, crc32: crc, compressed: Array(data), uncompressedSize: data.count)
    }

    mutating func append(_ entry: Entry) {
        let offset = bytes.count
        let name = Array(entry.name.utf8)
        // Local file header (APPNOTE 4.3.7). Time and date 0: the book's own
        // entry times are set when libzip copies the entry.
        put32(0x0403_4B50, into: &bytes)
        put16(20, into: &bytes)            // version needed: 2.0 (deflate)
        put16(0x0800, into: &bytes)        // flags: UTF-8 name
        put16(entry.method, into: &bytes)
        put16(0, into: &bytes)             // time
        put16(0, into: &bytes)             // date
        put32(entry.crc32, into: &bytes)
        put32(UInt32(entry.compressed.count), into: &bytes)
        put32(UInt32(entry.uncompressedSize), into: &bytes)
        put16(UInt16(name.count), into: &bytes)
        put16(0, into: &bytes)             // extra field length
        bytes += name
        placed.append(Placed(dataOffset: bytes.count, method: entry.method, crc32: entry.crc32,
                             compressedSize: entry.compressed.count, uncompressedSize: entry.uncompressedSize))
        bytes += entry.compressed
        // Central directory header (APPNOTE 4.3.12).
        put32(0x0201_4B50, into: &central)
        put16(0x031E, into: &central)      // made by: Unix, 3.0
        put16(20, into: &central)
        put16(0x0800, into: &central)
        put16(entry.method, into: &central)
        put16(0, into: &central)
        put16(0, into: &central)
        put32(entry.crc32, into: &central)
        put32(UInt32(entry.compressed.count), into: &central)
        put32(UInt32(entry.uncompressedSize), into: &central)
        put16(UInt16(name.count), into: &central)
        put16(0, into: &central)           // extra
        put16(0, into: &central)           // comment
        put16(0, into: &central)           // disk number
        put16(0, into: &central)           // internal attributes
        put32(0, into: &central)           // external attributes
        put32(UInt32(offset), into: &central)
        central += name
        count += 1
    }

    /// The finished archive's bytes (end of central directory appended).
    mutating func finish() -> [UInt8] {
        let directoryOffset = bytes.count
        bytes += central
        put32(0x0605_4B50, into: &bytes)
        put16(0, into: &bytes)
        put16(0, into: &bytes)
        put16(UInt16(count), into: &bytes)
        put16(UInt16(count), into: &bytes)
        put32(UInt32(central.count), into: &bytes)
        put32(UInt32(directoryOffset), into: &bytes)
        put16(0, into: &bytes)
        central = []
        return bytes
    }

    private func put16(_ value: UInt16, into out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private func put32(_ value: UInt32, into out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
