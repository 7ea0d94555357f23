/// What headers tell about the script of their text.
enum HeaderText {
    /// Whether the text holds CJK ideographs (used to guess a feed's zone).
    static func containsHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { isHan($0.value) }
    }

    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }
}
