/// A UTF-8 byte buffer that remembers its last scalar. Appending scalar by
/// scalar to a `String` is slow; renderers build bytes and make one String.
struct UTF8Output {
    private(set) var bytes: [UInt8] = []
    private(set) var last: Unicode.Scalar?

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ scalar: Unicode.Scalar) {
        bytes.appendUTF8(scalar)
        last = scalar
    }

    mutating func append(_ string: String) {
        guard let lastScalar = string.unicodeScalars.last else { return }
        bytes.append(contentsOf: string.utf8)
        last = lastScalar
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension Array where Element == UInt8 {
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            append(UInt8(v))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (v >> 6)))
            append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            append(UInt8(0xE0 | (v >> 12)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        default:
            append(UInt8(0xF0 | (v >> 18)))
            append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

enum HTMLWhitespace {
    /// HTML's inter-element whitespace bytes (ASCII; never inside a
    /// multi-byte UTF-8 sequence, so byte-level work is safe).
    static func isCollapsible(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Collapses runs of whitespace to one space. `afterSpace` says whether
    /// the text continues a space (then a leading space is dropped) and
    /// returns whether it ends in one.
    static func collapse(_ text: String, afterSpace: inout Bool) -> String {
        // Most text needs nothing: check before copying.
        var previousWasSpace = afterSpace
        var clean = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousWasSpace { clean = false; break }
                previousWasSpace = true
            } else if isCollapsible(byte) {
                clean = false
                break
            } else {
                previousWasSpace = false
            }
        }
        if clean {
            if let last = text.utf8.last { afterSpace = last == 0x20 }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isCollapsible(byte) {
                if !afterSpace { bytes.append(0x20) }
                afterSpace = true
            } else {
                bytes.append(byte)
                afterSpace = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
