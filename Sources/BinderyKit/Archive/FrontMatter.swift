/// The YAML front matter of a Jekyll post (FORMAT.md, "A close relative"):
/// `---`, `key: value` lines, `---`.
///
/// Only flat scalar keys are read — all the archives use — with plain,
/// `"double"` (backslash escapes) or `'single'` (`''` escape) quoting.
/// Nested or block values are ignored rather than misread.
struct FrontMatter {
    var values: [String: String] = [:]

    /// Parses front matter at the start of `bytes` (already LF-normalised).
    /// Returns it and the index after the closing `---` line, or `nil` when
    /// the bytes do not start with `---` or it is never closed.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (FrontMatter, Int)? {
        var lines = LineCursor(bytes)
        guard let first = lines.next(), isFence(first) else { return nil }
        var matter = FrontMatter()
        while let line = lines.next() {
            if isFence(line) { return (matter, lines.position) }
            let text = TextBytes.string(line)
            guard let colon = text.firstIndex(of: ":"), !text.hasPrefix(" "), !text.hasPrefix("#") else { continue }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = unquote(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            if !key.isEmpty, matter.values[key] == nil { matter.values[key] = value }
        }
        return nil
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 32 || last == 9 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8)
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" else {
            // A plain scalar: a trailing " # comment" is not part of it.
            if let hash = value.range(of: " #") { return String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
            return value
        }
        let inner = value.dropFirst().dropLast()
        if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var out = ""
        var escaped = false
        for c in inner {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Iterates over the LF-separated lines of a byte slice.
struct LineCursor {
    let bytes: ArraySlice<UInt8>
    /// The index where the next line starts.
    var position: Int

    init(_ bytes: ArraySlice<UInt8>, from position: Int? = nil) {
        self.bytes = bytes
        self.position = position ?? bytes.startIndex
    }

    /// The next line without its LF, or `nil` at the end.
    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.endIndex else { return nil }
        let rest = bytes[position...]
        if let newline = rest.firstIndex(of: 10) {
            defer { position = newline + 1 }
            return bytes[position..<newline]
        }
        defer { position = bytes.endIndex }
        return rest
    }

    /// Whether the bytes at `position` start with `prefix`.
    func startsWith(_ prefix: [UInt8]) -> Bool {
        bytes[position...].starts(with: prefix)
    }

    /// Moves past blank lines, looking at no more than their whitespace, so
    /// that a long line after them is not scanned.
    mutating func skipBlankLines() {
        var i = position
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 10 {
                position = i + 1
            } else if !(b == 32 || b == 9 || b == 11 || b == 12) {
                return
            }
            i += 1
        }
        position = bytes.endIndex
    }

    /// The next line without consuming it.
    func peek() -> ArraySlice<UInt8>? {
        var copy = self
        return copy.next()
    }
}
