/// YAML 1.2 double-quoted scalars (YAML 1.2.2 §7.3.1), so that any title —
/// quotes, colons, `#`, a leading `-`, backslashes, line breaks — parses
/// back to itself.
enum YAMLScalar {
    static func quoted(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(0x22)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if let escape = escape(bytes, at: index) {
                    out.append(contentsOf: escape.text.utf8)
                    index += escape.length
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The escape for the scalar starting at `bytes[index]` and its length
    /// in bytes, or `nil` when it is written as it is. Works on UTF-8 bytes:
    /// every scalar that needs an escape is recognisable by its encoding.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: String, length: Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x22: return ("\\\"", 1)
        case 0x5C: return ("\\\\", 1)
        case 0x00: return ("\\0", 1)
        case 0x07: return ("\\a", 1)
        case 0x08: return ("\\b", 1)
        case 0x09: return ("\\t", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0B: return ("\\v", 1)
        case 0x0C: return ("\\f", 1)
        case 0x0D: return ("\\r", 1)
        case 0x1B: return ("\\e", 1)
        case 0x01...0x1F, 0x7F: return (unicodeEscape(UInt32(byte)), 1)
        case 0x20...0x7E: return nil
        default: break
        }
        func continuation(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }
        switch (byte, continuation(1), continuation(2)) {
        case (0xC2, 0x85?, _):
            return ("\\N", 2)
        case (0xC2, let second?, _) where (0x80...0x9F).contains(second):
            // C1 controls: outside c-printable (§5.1).
            return (unicodeEscape(UInt32(second)), 2)
        case (0xE2, 0x80?, 0xA8?): return ("\\L", 3)
        case (0xE2, 0x80?, 0xA9?): return ("\\P", 3)
        case (0xEF, 0xBB?, 0xBF?): return ("\\uFEFF", 3)  // a byte-order mark
        case (0xEF, 0xBF?, 0xBE?): return ("\\uFFFE", 3)
        case (0xEF, 0xBF?, 0xBF?): return ("\\uFFFF", 3)
        default: return nil
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
