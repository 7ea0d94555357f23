extension String {
    /// Without the C0 controls other than tab, line feed and carriage
    /// return, DEL and the C1 controls: HTML's "control" code points, which
    /// no reader shows as text and a terminal would act on (an escape
    /// sequence in `bindery text -o -`). XHTML could not even hold most of
    /// them. Most text has none and is returned as it is.
    func removingControlCharacters() -> String {
        var text = self
        let hasControl = text.withUTF8 { bytes in
            bytes.indices.contains { bytes[$0].isControlLead(next: $0 + 1 < bytes.count ? bytes[$0 + 1] : nil) }
        }
        guard hasControl else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !$0.isControlCharacter }))
    }
}

extension Unicode.Scalar {
    /// U+0000–U+001F but tab, LF and CR; U+007F–U+009F.
    var isControlCharacter: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }
}

private extension UInt8 {
    /// Starts a control character in UTF-8 (C1 controls are C2 80–C2 9F).
    func isControlLead(next: UInt8?) -> Bool {
        if self < 0x20 { return self != 0x09 && self != 0x0A && self != 0x0D }
        if self == 0x7F { return true }
        if self == 0xC2, let next { return (0x80...0x9F).contains(next) }
        return false
    }
}
