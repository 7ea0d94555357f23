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

    func run(_ folder: URL, output: URL) throws {
        let files = Stages.allFiles(under: folder)
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let sink = FileHandle(forWritingAtPath: output.path) else {
            throw BenchError.failed("cannot write \(output.path)")
        }
        defer { try? sink.close() }
        var bytesIn = 0, bytesOut = 0
        var buffer: [UInt8] = []
        for (_, url) in files {
            let data = try Data(contentsOf: url)
            bytesIn += data.count
            let capacity = Int(compressBound(UInt(data.count)))
            if buffer.count < capacity { buffer = [UInt8](repeating: 0, count: capacity) }
            var length = UInt(capacity)
            let status: Int32 = data.withUnsafeBytes { raw in
                let source = raw.bindMemory(to: UInt8.self).baseAddress
                _ = crc32(0, source, UInt32(data.count))
                return buffer.withUnsafeMutableBufferPointer { compress2($0.baseAddress, &length, source, UInt(data.count), 6) }
            }
            guard status == 0 else { throw BenchError.failed("zlib error \(status) on \(url.path)") }
            try sink.write(contentsOf: buffer[0..<Int(length)])
            bytesOut += Int(length)
        }
        print("bench-result files=\(files.count) bytes=\(bytesIn) zip-bytes=\(bytesOut)")
    }
}
