extension UInt8 {
    /// ASCII white space as HTML and the URL standard define it (HTML §2.3.1):
    /// space, tab, LF, FF, CR. Never inside a multi-byte UTF-8 sequence, so
    /// byte-level scans are safe.
    var isHTMLSpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D
    }
}

extension StringProtocol {
    /// Nothing but HTML white space (U+00A0, which is meant, does not count).
    var isHTMLWhitespace: Bool { utf8.allSatisfy(\.isHTMLSpace) }
}
