import Foundation

/// Byte-level text handling for archive files: read, drop the byte-order
/// mark, normalise line ends, judge and decode UTF-8.
///
/// Working on bytes keeps the scan of ten thousand files fast: only the few
/// bytes of a header ever become `String`s.
enum TextBytes {
    /// Reads at most `limit` bytes from the start of the file (all of it when
    /// `limit` is nil). Throws a description of the system error.
    static func readFile(_ path: String, limit: Int? = nil) throws -> [UInt8] {
        try readFileHead(path, limit: limit).bytes
    }

    /// The file's first `limit` bytes (all without a limit) and its size.
    static func readFileHead(_ path: String, limit: Int?) throws -> (bytes: [UInt8], fileSize: Int) {
        // O_NONBLOCK: opening a FIFO must not hang the scan; it is refused below.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw ReadFailure(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadFailure(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadFailure(code: 0, reason: "not a regular file") }
        let size = Int(info.st_size)
        let wanted = limit.map { min($0, size) } ?? size
        // Read into uninitialized storage: zeroing it first took 10 M
        // instructions per 1,000 articles (heads and bodies).
        let bytes = try [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            let filled = FileDescriptorReading.readFully(fd, into: UnsafeMutableRawBufferPointer(buffer))
            guard filled >= 0 else { throw ReadFailure(errno) }
            initialized = filled // fewer than wanted when the file shrank while we read it
        }
        return (bytes, size)
    }

    struct ReadFailure: Error {
        /// The system's `errno`, or 0 when the file is refused (not a regular file).
        var code: Int32
        var reason: String

        init(code: Int32, reason: String) {
            self.code = code
            self.reason = reason
        }

        init(_ code: Int32) {
            self.init(code: code, reason: String(cString: strerror(code)))
        }
    }

    /// Drops a UTF-8 byte-order mark and turns CRLF and bare CR into LF.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return lineEndsAsLF(bytes, from: hasBOM ? 3 : 0)
    }

    /// `bytes` from `start` on with CR LF and bare CR turned into LF (as
    /// HTML's input stream preprocessing does, §13.2.3.5).
    static func lineEndsAsLF(_ bytes: [UInt8], from start: Int = 0) -> [UInt8] {
        let hasCR = bytes.withUnsafeBufferPointer { buffer in
            buffer.count > start && memchr(buffer.baseAddress! + start, 13, buffer.count - start) != nil
        }
        guard hasCR else {
            return start == 0 ? bytes : Array(bytes[start...])
        }
        // Copies the runs between CRs whole: a byte-by-byte loop was nearly
        // half the cost of reading a body with CR LF line ends.
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var i = start
            let n = buffer.count
            while i < n {
                guard let found = memchr(base + i, 13, n - i) else {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: n - i))
                    break
                }
                let cr = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: cr - i))
                out.append(10)
                i = cr + 1
                if i < n && base[i] == 10 { i += 1 }
            }
        }
        return out
    }

    /// Decodes UTF-8, replacing each invalid sequence with U+FFFD
    /// (the "maximal subpart" practice of Unicode §3.9, as Swift does).
    static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    /// How the bytes look as text: NUL bytes and the number of bytes that
    /// are not part of a valid UTF-8 sequence (Unicode §3.9, table 3-7). A
    /// sequence cut off at the end (by the read limit) is not counted unless
    /// `countingCutEnd` (the bytes are a whole file).
    static func damage(of bytes: ArraySlice<UInt8>, countingCutEnd: Bool = false) -> (nulBytes: Int, invalidBytes: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var nul = 0, invalid = 0
            var i = 0
            let end = buffer.count
            while i < end {
                let b = buffer[i]
                if b < 0x80 {
                    // Eight ASCII bytes without a NUL at a time: much text is ASCII.
                    // (Tried only at an ASCII byte: Chinese text skips the test.)
                    if i + 8 <= end {
                        let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        let high: UInt64 = 0x8080_8080_8080_8080
                        if word & high == 0 && (word &- 0x0101_0101_0101_0101) & ~word & high == 0 {
                            i += 8
                            continue
                        }
                    }
                    if b == 0 { nul += 1 }
                    i += 1
                    continue
                }
                // Most of Chinese text: a lead byte E1–EC or EE–EF, whose two
                // following bytes need only be continuation bytes.
                if (b &- 0xE1 < 0x0C || b >= 0xEE && b <= 0xEF), i + 3 <= end,
                   buffer[i + 1] & 0xC0 == 0x80, buffer[i + 2] & 0xC0 == 0x80 {
                    i += 3
                    continue
                }
                let length: Int
                let lowest: UInt8, highest: UInt8 // allowed range of the second byte
                switch b {
                case 0xC2...0xDF: length = 2; lowest = 0x80; highest = 0xBF
                case 0xE0: length = 3; lowest = 0xA0; highest = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: length = 3; lowest = 0x80; highest = 0xBF
                case 0xED: length = 3; lowest = 0x80; highest = 0x9F
                case 0xF0: length = 4; lowest = 0x90; highest = 0xBF
                case 0xF1...0xF3: length = 4; lowest = 0x80; highest = 0xBF
                case 0xF4: length = 4; lowest = 0x80; highest = 0x8F
                default: invalid += 1; i += 1; continue
                }
                if i + length > end {
                    if !countingCutEnd, isContinuation(buffer[(i + 1)...]) { break }
                    invalid += 1
                    i += 1
                    continue
                }
                var valid = buffer[i + 1] >= lowest && buffer[i + 1] <= highest
                var k = 2
                while valid && k < length {
                    valid = buffer[i + k] & 0xC0 == 0x80
                    k += 1
                }
                if valid {
                    i += length
                } else {
                    invalid += 1
                    i += 1
                }
            }
            return (nul, invalid)
        }
    }

    private static func isContinuation(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        bytes.allSatisfy { $0 & 0xC0 == 0x80 }
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy(\.isHTMLSpace)
    }
}
