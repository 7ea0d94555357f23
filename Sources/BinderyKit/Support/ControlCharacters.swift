extension String {
    /// Without the C0 controls other than tab, line feed and carriage
    /// return, DEL and the C1 controls: HTML's "control" code points, which
    /// no reader shows as text and a terminal would act on (an escape
    /// sequence in `bindery text -o -`). XHTML could not even hold most of
    /// them. Most text has none and is returned as it is.
    func removingControlCharacters() -> String {
        // Runs on every text run of every article: one pass over the bytes.
        let hasControl = utf8.withContiguousStorageIfAvailable(Self.holdsControl) ?? Self.holdsControl(Array(utf8))
        guard hasControl else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !$0.isControlCharacter }))
    }

    /// Whether UTF-8 `bytes` hold a control character (C1 controls are C2 80–C2 9F).
    private static func holdsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x7F || (previous == 0xC2 && byte <= 0x9F && byte >= 0x80) {
                return true
            }
            previous = byte
        }
        return false
    }

    private static func holdsControl(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(holdsControl)
    }
}

extension Unicode.Scalar {
    /// U+0000–U+001F but tab, LF and CR; U+007F–U+009F.
    var isControlCharacter: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }
}
