extension String {
    /// Without the C0 controls other than tab, line feed and carriage
    /// return, DEL and the C1 controls: HTML's "control" code points, which
    /// no reader shows as text and a terminal would act on (an escape
    /// sequence in `bindery text -o -`). XHTML could not even hold most of
    /// them. Most text has none and is returned as it is.
    func removingControlCharacters() -> String {
        // Runs on every text run of every article: one pass over the bytes.
        let hasControl = withUTF8Bytes(Self.holdsControl)
        guard hasControl else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !$0.isControlCharacter }))
    }

    /// Whether UTF-8 `bytes` hold a control character (C1 controls are C2 80–C2 9F).
    private static func holdsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // Eight bytes at a time; only a word with a byte below 0x20, DEL or
        // the C2 lead of a C1 control is looked at byte by byte.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ n: UInt64, _ w: UInt64) -> Bool { (w &- ones &* n) & ~w & highs != 0 }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if hasByteBelow(0x20, word) || hasByteBelow(1, word ^ (ones &* 0x7F)) || hasByteBelow(1, word ^ (ones &* 0xC2)) {
                // A C2 ending this word pairs with the next word's first byte: look one further.
                if isControl(in: bytes, from: index, to: Swift.min(bytes.count, index + 9)) { return true }
            }
            index += 8
        }
        return isControl(in: bytes, from: index, to: bytes.count)
    }

    /// Whether a control starts in `bytes[from..<to]` (C1 as C2 80–C2 9F).
    private static func isControl(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var index = from
        while index < to {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return true
            }
            index += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    /// U+0000–U+001F but tab, LF and CR; U+007F–U+009F.
    var isControlCharacter: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }
}
