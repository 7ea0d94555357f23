/// Text being written that remembers its last scalar. Whole strings are
/// appended as they are (no re-validation); text written scalar by scalar
/// is gathered as UTF-8 bytes and turned into a `String` once.
struct UTF8Output {
    private var text = ""
    private var pending: [UInt8] = []
    private(set) var last: Unicode.Scalar?

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        pending.appendUTF8(scalar)
        last = scalar
    }

    mutating func append(_ string: String) {
        guard let lastScalar = string.unicodeScalars.last else { return }
        flush()
        text += string
        last = lastScalar
    }

    var string: String {
        mutating get {
            flush()
            return text
        }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        text += String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
    }
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
        var text = text
        let before = afterSpace
        let (collapsed, endsInSpace): (String?, Bool) = text.withUTF8 { bytes in
            // Most text needs nothing: find the first byte to change before copying.
            let (index, spaceBefore) = firstChange(in: bytes, afterSpace: before)
            guard index < bytes.count else { return (nil, spaceBefore) }
            var space = spaceBefore
            let result = String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = index
                if index > 0 { output.baseAddress!.update(from: bytes.baseAddress!, count: index) }
                for byte in bytes[index...] {
                    if isCollapsible(byte) {
                        if !space {
                            output[count] = 0x20
                            count += 1
                        }
                        space = true
                    } else {
                        output[count] = byte
                        count += 1
                        space = false
                    }
                }
                return count
            }
            return (result, space)
        }
        afterSpace = endsInSpace
        return collapsed ?? text
    }

    /// Whitespace collapsed, none left at either end.
    static func collapsedAndTrimmed(_ text: String) -> String {
        var afterSpace = true
        let collapsed = collapse(text, afterSpace: &afterSpace)
        return afterSpace && !collapsed.isEmpty ? String(decoding: collapsed.utf8.dropLast(), as: UTF8.self) : collapsed
    }

    /// The index of the first byte collapsing changes (`bytes.count` if
    /// none), and whether the bytes before it end in a space. Kept free of
    /// captured state so the loop stays in registers: it sees every byte.
    private static func firstChange(in bytes: UnsafeBufferPointer<UInt8>, afterSpace: Bool) -> (Int, Bool) {
        guard let base = bytes.baseAddress else { return (0, afterSpace) }
        let count = bytes.count
        var space = afterSpace
        var index = 0
        while index < count {
            // Runs of ordinary bytes (above space) are the bulk: skip them in a tight loop.
            let runStart = index
            while index < count && base[index] > 0x20 { index += 1 }
            if index > runStart { space = false }
            guard index < count else { break }
            let byte = base[index]
            if byte == 0x20 {
                if space { break }
                space = true
            } else if isCollapsible(byte) {
                break
            } else {
                space = false
            }
            index += 1
        }
        return (index, space)
    }
}
