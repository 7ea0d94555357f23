/// Block syntax that text at the start of a line would trigger (CommonMark
/// §4, §5): which characters of the line's first text need a backslash.
enum MarkdownLineStart {
    /// - Parameters:
    ///   - s: the text that starts the line.
    ///   - lineEndsWithText: the line holds nothing after `s`.
    /// - Returns: indexes in `s` to escape.
    static func escapes(_ s: [Unicode.Scalar], lineEndsWithText: Bool) -> Set<Int> {
        guard let first = s.first else { return [] }
        func isSpaceOrEnd(_ i: Int) -> Bool {
            i < s.count ? (s[i] == " " || s[i] == "\t") : lineEndsWithText
        }

        // A line of only `-`, `=`, `_`, `*`, `:`, `|`, `+` is a thematic
        // break, setext underline or table delimiter row (§4.1, §4.3, GFM §4.10).
        if lineEndsWithText, s.allSatisfy({ "-=_*:|+ \t".unicodeScalars.contains($0) }),
           s.contains(where: { $0 != " " && $0 != "\t" }) {
            return [0]
        }
        switch first {
        case "#":
            // ATX heading: 1–6 `#` and a space or the line end (§4.2).
            var n = 0
            while n < s.count, s[n] == "#" { n += 1 }
            return n <= 6 && isSpaceOrEnd(n) ? [0] : []
        case ">":
            return [0]
        case "-", "+", "*":
            // Bullet list marker (§5.2).
            return isSpaceOrEnd(1) ? [0] : []
        case "~":
            // Tilde code fence (§4.5); backtick fences are escaped anyway.
            return s.count >= 3 && s[1] == "~" && s[2] == "~" ? [0] : []
        default:
            // Ordered list marker: up to nine digits, `.` or `)` (§5.2).
            var n = 0
            while n < s.count, s[n].isASCIIDigit { n += 1 }
            if n >= 1, n <= 9, n < s.count, s[n] == "." || s[n] == ")", isSpaceOrEnd(n + 1) {
                return [n]
            }
            return []
        }
    }
}
