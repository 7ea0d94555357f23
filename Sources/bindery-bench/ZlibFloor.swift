import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The floor of the speed goal, independent of how BinderyKit's ZipWriter
/// is built: read every input file and deflate it at zlib level 6 with a
/// CRC-32, on one thread, writing the compressed bytes out in order.
///
/// zlib is loaded with `dlopen` (the same libz.so.1 that libzip uses), so
/// the bench needs no C module and no libzip: only `Zip/` may import it.
/// `compress2` runs deflate at the given level with zlib's default window
/// and memory level; its Adler-32 costs about what zip's framing does.
struct ZlibFloor {
    private typealias Compress2 = @convention(c) (
        UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt, Int32) -> Int32
    private typealias CompressBound = @convention(c) (UInt) -> UInt
    private typealias CRC32 = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

    private let compress2: Compress2
    private let compressBound: CompressBound
    private let crc32: CRC32

    /// `nil` when no zlib can be loaded.
    init?() {
        guard let library = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.so", RTLD_NOW),
              let compress = dlsym(library, "compress2"), let bound = dlsym(library, "compressBound"),
              let crc = dlsym(library, "crc32") else { return nil }
        compress2 = unsafeBitCast(compress, to: Compress2.self)
        compressBound = unsafeBitCast(bound, to: CompressBound.self)
        crc32 = unsafeBitCast(crc, to: CRC32.self)
    }

    /// Nothing but the floor's own work: the files are found with
    /// `readdir`, ordered by their bytes, read with `read` into one reused
    /// buffer and written with `write` (Foundation's enumerator, URLs and
    /// Unicode-aware sorting made an earlier floor slower than Python's
    /// `zlib.compress(…, 6)` on the same files).
    func run(_ folder: URL, output: URL) throws {
        let paths = Self.files(under: folder.path)
        let sink = open(output.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard sink >= 0 else { throw BenchError.failed("cannot write \(output.path)") }
        defer { close(sink) }
        var bytesIn = 0, bytesOut = 0
        var input = [UInt8](repeating: 0, count: 1 << 16)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for path in paths {
            let count = try Self.read(path, into: &input)
            bytesIn += count
            let capacity = Int(compressBound(UInt(count)))
            if buffer.count < capacity { buffer = [UInt8](repeating: 0, count: capacity) }
            var length = UInt(capacity)
            let status: Int32 = input.withUnsafeBufferPointer { source in
                _ = crc32(0, source.baseAddress, UInt32(count))
                return buffer.withUnsafeMutableBufferPointer { compress2($0.baseAddress, &length, source.baseAddress, UInt(count), 6) }
            }
            guard status == 0 else { throw BenchError.failed("zlib error \(status) on \(path)") }
            let written = buffer.withUnsafeBytes { write(sink, $0.baseAddress, Int(length)) }
            guard written == Int(length) else { throw BenchError.failed("cannot write \(output.path)") }
            bytesOut += Int(length)
        }
        print("bench-result files=\(paths.count) bytes=\(bytesIn) zip-bytes=\(bytesOut)")
    }

    /// Every regular file under `root`, in byte order of their paths (hidden ones included, as before).
    static func files(under root: String) -> [String] {
        var found: [[UInt8]] = []
        func walk(_ folder: String) {
            guard let dir = opendir(folder) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): walk(path)
                case Int32(DT_REG): found.append(Array(path.utf8))
                default: continue
                }
            }
        }
        walk(root)
        return found.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads the whole file into `buffer` (grown when needed); returns its length.
    private static func read(_ path: String, into buffer: inout [UInt8]) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError.failed("cannot read \(path)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw BenchError.failed("cannot read \(path)") }
        let size = Int(info.st_size)
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
        var filled = 0
        while filled < size {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, size - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        return filled
    }
}
