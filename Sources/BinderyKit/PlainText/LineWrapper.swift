/// Wraps a paragraph to a width in display columns.
///
/// Lines break at spaces (which disappear at the break) and, in Chinese and
/// Japanese text, between any two characters, except before closing and
/// after opening punctuation (`LineBreakClass`). A break between a CJK
/// character and a Latin word needs no space, and none is inserted. Latin
/// words and URLs are never split: a token wider than the line stands alone
/// on its line. U+00A0 binds like a letter. Grapheme clusters (a letter and
/// its combining marks, emoji sequences) are never split.
public struct LineWrapper: Sendable {
    /// Columns per line; 0 means no wrapping.
    public var width: Int

    public init(width: Int) {
        self.width = max(0, width)
    }

    /// A chunk between break opportunities.
    private struct Chunk {
        var text: String.UnicodeScalarView
        var width: Int
        /// A space stood before this chunk (written when on the same line).
        var spaceBefore: Bool
    }

    /// - Parameters:
    ///   - paragraph: text on one line; runs of spaces and tabs count as one.
    ///   - firstIndent: put before the first line (e.g. a list marker).
    ///   - restIndent: put before the other lines (hanging indent).
    /// - Returns: the lines, without line feeds; at least one (the indent) for empty text.
    public func wrap(_ paragraph: String, firstIndent: String = "", restIndent: String = "") -> [String] {
        let chunks = Self.chunks(paragraph)
        if width == 0 {
            var line = String.UnicodeScalarView(firstIndent.unicodeScalars)
            for (index, chunk) in chunks.enumerated() {
                if chunk.spaceBefore && index > 0 { line.append(" ") }
                line.append(contentsOf: chunk.text)
            }
            return [String(line)]
        }
        // A deeply indented line keeps room for a few characters.
        let firstRoom = max(width - DisplayWidth.of(firstIndent), min(width, 8))
        let restRoom = max(width - DisplayWidth.of(restIndent), min(width, 8))

        var lines: [String] = []
        var line = String.UnicodeScalarView(firstIndent.unicodeScalars)
        var used = 0
        var room = firstRoom
        var lineIsEmpty = true
        for chunk in chunks {
            let gap = chunk.spaceBefore && !lineIsEmpty ? 1 : 0
            if !lineIsEmpty, used + gap + chunk.width > room {
                lines.append(String(line))
                line = String.UnicodeScalarView(restIndent.unicodeScalars)
                used = 0
                room = restRoom
                lineIsEmpty = true
            }
            if chunk.spaceBefore, !lineIsEmpty {
                line.append(" ")
                used += 1
            }
            line.append(contentsOf: chunk.text)
            used += chunk.width
            lineIsEmpty = false
        }
        lines.append(String(line))
        return lines
    }

    /// Splits text into unbreakable chunks: words at spaces, then CJK
    /// words at the break opportunities inside them. A URL is one chunk
    /// whatever it contains.
    private static func chunks(_ paragraph: String) -> [Chunk] {
        var chunks: [Chunk] = []
        let words = paragraph.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        for word in words {
            let spaceBefore = !chunks.isEmpty
            if isURL(word) {
                chunks.append(Chunk(text: String.UnicodeScalarView(word), width: DisplayWidth.of(word), spaceBefore: spaceBefore))
            } else {
                splitWord(word, spaceBefore: spaceBefore, into: &chunks)
            }
        }
        return chunks
    }

    private static func isURL(_ word: Substring.UnicodeScalarView) -> Bool {
        let text = Substring(word)
        return text.contains("://") || text.hasPrefix("www.") || text.hasPrefix("mailto:")
    }

    private static func splitWord(_ word: Substring.UnicodeScalarView, spaceBefore: Bool, into chunks: inout [Chunk]) {
        var current = Chunk(text: .init(), width: 0, spaceBefore: spaceBefore)
        var previousClass: LineBreakClass?
        var afterJoiner = false
        for scalar in word {
            let joined = afterJoiner
            afterJoiner = scalar.value == 0x200D
            if scalar.value == 0x200B {
                // A zero-width space is a break opportunity that draws nothing.
                if !current.text.isEmpty { chunks.append(current) }
                current = Chunk(text: .init(), width: 0, spaceBefore: false)
                previousClass = nil
                continue
            }
            // Extenders stay with what they extend: combining marks,
            // variation selectors, ZWJ and the emoji joined after it.
            let zeroWidth = DisplayWidth.isZeroWidth(scalar)
            if joined || zeroWidth, !current.text.isEmpty {
                current.text.append(scalar)
                if !zeroWidth, !(joined && DisplayWidth.isWide(scalar)) { current.width += DisplayWidth.width(of: scalar) }
                continue
            }
            let cls = LineBreakClass(scalar)
            if let previousClass, !current.text.isEmpty, LineBreakClass.allowsBreak(between: previousClass, and: cls) {
                chunks.append(current)
                current = Chunk(text: .init(), width: 0, spaceBefore: false)
            }
            current.text.append(scalar)
            current.width += DisplayWidth.width(of: scalar)
            previousClass = cls
        }
        if !current.text.isEmpty { chunks.append(current) }
    }
}
