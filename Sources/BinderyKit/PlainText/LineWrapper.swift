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

    /// A chunk between break opportunities: `scalars[start..<end]`.
    private struct Chunk {
        var start: Int
        var end: Int
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
        // Work on scalars for the rules and on UTF-8 bytes for the output:
        // building Strings scalar by scalar is slow.
        let utf8 = Array(paragraph.utf8)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(utf8.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for scalar in paragraph.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        let chunks = scalars.withUnsafeBufferPointer(Self.chunks)
        // A deeply indented line keeps room for a few characters.
        let firstRoom = width == 0 ? Int.max : max(width - DisplayWidth.of(firstIndent), min(width, 8))
        let restRoom = width == 0 ? Int.max : max(width - DisplayWidth.of(restIndent), min(width, 8))

        var lines: [String] = []
        var line = Array(firstIndent.utf8)
        var used = 0
        var room = firstRoom
        var lineIsEmpty = true
        // Through a pointer: appending slices of the array retained and
        // released it for every chunk, and a Chinese chunk is a character.
        utf8.withUnsafeBufferPointer { bytes in
            for chunk in chunks {
                let gap = chunk.spaceBefore && !lineIsEmpty ? 1 : 0
                if !lineIsEmpty, used + gap + chunk.width > room {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = Array(restIndent.utf8)
                    used = 0
                    room = restRoom
                    lineIsEmpty = true
                }
                if chunk.spaceBefore, !lineIsEmpty {
                    line.append(0x20)
                    used += 1
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offsets[chunk.start]..<offsets[chunk.end]]))
                used += chunk.width
                lineIsEmpty = false
            }
        }
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    /// Splits text into unbreakable chunks: words at spaces, then CJK
    /// words at the break opportunities inside them. A URL is one chunk
    /// whatever it contains.
    private static func chunks(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Chunk] {
        var chunks: [Chunk] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count, scalars[i].isHTMLSpace { i += 1 }
            guard i < scalars.count else { break }
            var end = i
            while end < scalars.count, !scalars[end].isHTMLSpace { end += 1 }
            let spaceBefore = !chunks.isEmpty
            if let width = asciiWordWidth(scalars[i..<end]) {
                // No break opportunity inside an ASCII word (they need an
                // ideograph on one side): one chunk, as `splitWord` would find.
                chunks.append(Chunk(start: i, end: end, width: width, spaceBefore: spaceBefore))
            } else if isURL(scalars[i..<end]) {
                chunks.append(Chunk(start: i, end: end, width: DisplayWidth.of(scalars[i..<end]), spaceBefore: spaceBefore))
            } else {
                splitWord(scalars, i, end, spaceBefore: spaceBefore, into: &chunks)
            }
            i = end
        }
        return chunks
    }

    /// The display width of a word of ASCII scalars only (controls draw
    /// nothing), or `nil` when it has others.
    private static func asciiWordWidth(_ word: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Int? {
        var width = 0
        for scalar in word {
            let v = scalar.value
            guard v < 0x80 else { return nil }
            if v >= 0x20 && v != 0x7F { width += 1 }
        }
        return width
    }

    /// `scheme://…`, `www.…` or `mailto:…`.
    private static func isURL(_ word: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        let head = word.prefix(12)
        if head.starts(with: "www.".unicodeScalars) || head.starts(with: "mailto:".unicodeScalars) { return true }
        guard head.count >= 4 else { return false }
        let first = head.startIndex
        for i in (first + 1)..<(head.endIndex - 2) where head[i] == ":" && head[i + 1] == "/" && head[i + 2] == "/" {
            return true
        }
        return false
    }

    private static func splitWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, spaceBefore: Bool, into chunks: inout [Chunk]) {
        var current = Chunk(start: start, end: start, width: 0, spaceBefore: spaceBefore)
        var previousClass: LineBreakClass?
        var afterJoiner = false
        for index in start..<end {
            let scalar = scalars[index]
            let joined = afterJoiner
            afterJoiner = scalar.value == 0x200D
            if scalar.value == 0x200B {
                // A zero-width space is a break opportunity that draws nothing.
                if current.end > current.start { chunks.append(current) }
                current = Chunk(start: index + 1, end: index + 1, width: 0, spaceBefore: current.end > current.start ? false : current.spaceBefore)
                previousClass = nil
                continue
            }
            // Extenders stay with what they extend: combining marks,
            // variation selectors, ZWJ and the emoji joined after it.
            let width = DisplayWidth.width(of: scalar)
            let zeroWidth = width == 0
            if joined || zeroWidth, current.end > current.start {
                current.end = index + 1
                if !zeroWidth, !(joined && width == 2) { current.width += width }
                continue
            }
            let cls = LineBreakClass(scalar)
            if let previousClass, current.end > current.start, LineBreakClass.allowsBreak(between: previousClass, and: cls) {
                chunks.append(current)
                current = Chunk(start: index, end: index, width: 0, spaceBefore: false)
            }
            current.end = index + 1
            current.width += width
            previousClass = cls
        }
        if current.end > current.start { chunks.append(current) }
    }
}
