import CLibDeflate
import Foundation

/// Raw DEFLATE (RFC 1951) and CRC-32 with libdeflate: whole buffers at once,
/// which is all a zip entry needs, at 2–3× zlib's speed for the same level
/// and no larger output. One value per thread (libdeflate's compressor keeps
/// state); it frees itself. Public for `bindery-bench levels`, which
/// measures every level on a real book.
public final class Deflater {
    /// The libdeflate Bindery was built against.
    public static let libraryVersion = LIBDEFLATE_VERSION_STRING

    /// Level 1, measured on a book of 10,000 articles (`bindery-bench
    /// levels`, table in README "Speed"): 0.43× the CPU of level 6 for a
    /// book 2.7 % larger, less with pictures, which are stored as they are.
    /// Fixed so output is stable.
    public static let defaultLevel: Int32 = 1

    private let compressor: OpaquePointer
    private var buffer: [UInt8] = []

    public init?(level: Int32 = defaultLevel) {
        guard let compressor = libdeflate_alloc_compressor(level) else { return nil }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// `data` deflated. The output buffer has libdeflate's worst-case size,
    /// so compression always succeeds (even when it does not shrink).
    public func deflate(_ data: Data) -> [UInt8] {
        data.withUnsafeBytes { input -> [UInt8] in
            let bound = libdeflate_deflate_compress_bound(compressor, input.count)
            if buffer.count < bound { buffer = [UInt8](repeating: 0, count: bound) }
            let written = buffer.withUnsafeMutableBytes { output in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
            }
            return Array(buffer[0..<written])
        }
    }

    public static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
    }
}
