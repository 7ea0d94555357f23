extension String {
    /// Without leading and trailing ASCII white space (tab, LF, FF, CR,
    /// space) — what the URL and HTML specs strip from attribute values such
    /// as `src` (WHATWG URL §4.4, HTML §2.3.2). Much cheaper than Foundation's
    /// `trimmingCharacters(in:)` on hot paths.
    var trimmingASCIIWhitespace: String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return String(self) }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
