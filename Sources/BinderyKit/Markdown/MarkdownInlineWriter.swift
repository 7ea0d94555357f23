/// Writes one paragraph's pieces as Markdown, escaping only characters that
/// would otherwise change meaning where they stand (CommonMark §2.4 allows a
/// backslash before any ASCII punctuation; we use it sparingly so that notes
/// stay readable as plain text).
struct MarkdownInlineWriter {
    let position: MarkdownInlinePosition

    func write(_ pieces: [MarkdownInlinePiece]) -> String {
        let resolver = MarkdownEmphasisResolver(pieces)
        var out = UTF8Output(capacity: 256)
        let escapeOpeningBracket = position == .paragraph && Self.mayStartDefinition(pieces)
        var linkDepth = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .text(let text):
                let next = resolver.scalarAfter(index, pieces)
                let lineEndsAfter = index + 1 >= pieces.count || pieces[index + 1] == .hardBreak
                writeText(text, into: &out, next: next, lineEndsAfter: lineEndsAfter, inLinkText: linkDepth > 0,
                          escapeFirst: index == 0 && escapeOpeningBracket)
            case .code(let content):
                out.append(MarkdownLinkSyntax.codeSpan(content, escapingPipes: position == .tableCell))
            case .syntax(let s):
                out.append(escapingPipes(s))
            case .hardBreak:
                // CommonMark §6.7: a backslash at the end of a line.
                out.append("\\\n")
            case .open, .close:
                out.append(resolver.delimiters[index] ?? "")
            case .linkOpen(let s):
                linkDepth += 1
                out.append(s)
            case .linkClose(let s):
                linkDepth -= 1
                out.append(escapingPipes(s))
            }
        }
        var result = out.string
        if position == .heading { result = Self.protectClosingHashes(result) }
        return result
    }

    /// One pass over the text (`Array(_:)` would count the scalars first).
    private static func scalars(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// GFM splits table rows at every unescaped `|` before reading inlines,
    /// link destinations included (GFM §4.10).
    private func escapingPipes(_ syntax: String) -> String {
        position == .tableCell && syntax.contains("|") ? syntax.replacingOccurrences(of: "|", with: "\\|") : syntax
    }

    /// A paragraph that starts with `[` and holds `]:` may be read as a
    /// link reference definition (§4.7) — and vanish: its label may span
    /// lines and escaped brackets, so any `]:` counts.
    static func mayStartDefinition(_ pieces: [MarkdownInlinePiece]) -> Bool {
        guard case .text(let first)? = pieces.first, first.unicodeScalars.first == "[" else { return false }
        for case .text(let text) in pieces where text.contains("]:") { return true }
        return false
    }

    /// `# Title #` loses its trailing `#` run as a closing sequence (§4.2).
    static func protectClosingHashes(_ heading: String) -> String {
        var scalars = Array(heading.unicodeScalars)
        guard scalars.last == "#" else { return heading }
        var start = scalars.count - 1
        while start > 0, scalars[start - 1] == "#" { start -= 1 }
        if start == 0 || scalars[start - 1] == " " || scalars[start - 1] == "\t" {
            scalars.insert("\\", at: start)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private func writeText(_ text: String, into out: inout UTF8Output,
                           next nextPiece: Unicode.Scalar?, lineEndsAfter: Bool, inLinkText: Bool, escapeFirst: Bool) {
        let previousOut = out.last
        let atLineStart = position == .paragraph && (previousOut == nil || previousOut == "\n")
        if !escapeFirst, Self.isInert(text, atLineStart: atLineStart) {
            out.append(text)
            return
        }
        let s = Self.scalars(text)
        var escapeAt = Set<Int>()
        if atLineStart {
            escapeAt = MarkdownLineStart.escapes(s, lineEndsWithText: lineEndsAfter)
        }
        if escapeFirst { escapeAt.insert(0) }
        func before(_ i: Int) -> Unicode.Scalar? {
            i > 0 ? s[i - 1] : (previousOut == "\n" ? nil : previousOut)
        }
        func after(_ i: Int) -> Unicode.Scalar? {
            i + 1 < s.count ? s[i + 1] : nextPiece
        }

        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "*", "_", "~":
                var end = i + 1
                while end < s.count, s[end] == c { end += 1 }
                // A run that could delimit emphasis needs every character
                // escaped; one that only starts a block needs just the first.
                let escapeAll = Self.runNeedsEscape(c, length: end - i, before: before(i), after: end < s.count ? s[end] : nextPiece)
                for k in i..<end {
                    if escapeAll || (k == i && escapeAt.contains(i)) { out.append("\\") }
                    out.append(c)
                }
                i = end
                continue
            default:
                if escapeAt.contains(i) || needsEscape(s, i, before: before(i), after: after(i), inLinkText: inLinkText) {
                    out.append("\\")
                }
                out.append(c)
            }
            i += 1
        }
    }

    /// Text that needs no escape wherever it stands: none of the characters
    /// `needsEscape` and the delimiter runs look at, and (at a line start)
    /// no first character that `MarkdownLineStart` could escape. Most text
    /// is inert, and is copied whole.
    static func isInert(_ text: String, atLineStart: Bool) -> Bool {
        var text = text
        let special = ASCIISet.special
        return text.withUTF8 { bytes in
            if atLineStart, let first = bytes.first, ASCIISet.mayStartBlock.contains(first) { return false }
            guard let start = bytes.baseAddress else { return true }
            for index in 0..<bytes.count where special.contains(start[index]) { return false }
            return true
        }
    }

    /// A run of `*`, `_` or `~~` that can neither open nor close emphasis
    /// (under either reading of punctuation) is inert: `2 * 3`, `snake_case`.
    static func runNeedsEscape(_ c: Unicode.Scalar, length: Int, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        if c == "~" {
            // A single `~` is not strikethrough for CommonMark readers with
            // two-tilde GFM (Obsidian); it only matters beside a `~~` run.
            if length == 1 { return before == "~" || after == "~" }
        }
        return DelimiterFlanking.readings(delimiter: c, before: before, after: after).contains { $0.canOpen || $0.canClose }
    }

    private func needsEscape(_ s: [Unicode.Scalar], _ i: Int, before: Unicode.Scalar?, after: Unicode.Scalar?, inLinkText: Bool) -> Bool {
        switch s[i] {
        case "\\":
            // Only before punctuation (or a line end, where it is a hard break).
            return after == nil ? false : after!.isASCIIPunctuation
        case "`":
            return true
        case "[":
            // Inside link text brackets must balance; `[[` is a wikilink in
            // Obsidian and similar vaults.
            return inLinkText || after == "["
        case "]":
            // `](` and `][` would close a link.
            return inLinkText || after == "(" || after == "["
        case "!":
            // Only a link's own `[` can make it an image: text `[` never
            // forms a link (its `](` is escaped, and notes define no references).
            return i == s.count - 1 && after == "["
        case "<":
            // An HTML tag, comment, declaration or autolink (§6.5, §6.6).
            guard let after else { return false }
            return after.isASCIILetter || after == "/" || after == "!" || after == "?"
        case "&":
            return MarkdownEntity.startsEntity(s, at: i)
        case "|":
            return position == .tableCell
        case "#":
            return Self.formsTag(s, i, before: before)
        default:
            return false
        }
    }

    /// `#word` after a space is a tag in Obsidian and Logseq vaults: a
    /// headline's `#MeToo` must not file the note under a tag.
    static func formsTag(_ s: [Unicode.Scalar], _ i: Int, before: Unicode.Scalar?) -> Bool {
        if let before, !before.isMarkdownWhitespace { return false }
        var j = i + 1
        var hasNonDigit = false
        while j < s.count {
            let c = s[j]
            let props = c.properties
            if c == "_" || c == "-" || c == "/" || props.isAlphabetic || props.numericType != nil {
                if !c.isASCIIDigit { hasNonDigit = true }
                j += 1
            } else {
                break
            }
        }
        return hasNonDigit && j > i + 1
    }
}

/// A set of ASCII bytes as a 128-bit mask: membership is two shifts, which
/// matters in loops over every byte of a note.
private struct ASCIISet {
    private let low: UInt64
    private let high: UInt64

    init(_ characters: String) {
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.low = low
        self.high = high
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
    }

    /// What `needsEscape` and the delimiter runs look at.
    static let special = ASCIISet("*_~\\`[]!<&|#")
    /// A first character `MarkdownLineStart` could escape.
    static let mayStartBlock = ASCIISet("0123456789>-+=: \t*_~\\`[]!<&|#")
}
