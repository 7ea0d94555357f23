/// Cleans a paragraph's pieces before delimiters are chosen: merges touching
/// emphasis of one kind, collapses whitespace across pieces, and splits the
/// paragraph where `<br><br>` stands (a blank line in print, and a paragraph
/// break to every reader).
enum MarkdownInlineNormalizer {
    static func paragraphs(_ input: [MarkdownInlinePiece], position: MarkdownInlinePosition) -> [[MarkdownInlinePiece]] {
        var pieces = input
        if position != .paragraph {
            // Headings and table cells are one line: a break is a space.
            pieces = pieces.map { $0 == .hardBreak ? .text(" ") : $0 }
        }
        pieces = mergeTouchingEmphasis(pieces)
        pieces = collapseWhitespace(pieces)
        return position == .paragraph ? splitAtDoubleBreaks(pieces) : (pieces.isEmpty ? [] : [pieces])
    }

    /// `*a**b*` would be one run: `<em>a</em><em>b</em>` is written `*ab*`;
    /// likewise touching code spans become one.
    static func mergeTouchingEmphasis(_ pieces: [MarkdownInlinePiece]) -> [MarkdownInlinePiece] {
        var out: [MarkdownInlinePiece] = []
        out.reserveCapacity(pieces.count)
        for piece in pieces {
            if case .open(let kind) = piece, case .close(let previous)? = out.last, previous == kind {
                out.removeLast()
                continue
            }
            // Touching code spans would fuse their fences into one run (§6.1).
            if case .code(let code) = piece, case .code(let previous)? = out.last {
                out[out.count - 1] = .code(previous + code)
                continue
            }
            out.append(piece)
        }
        return out
    }

    /// One space between words, none at the edges or around hard breaks.
    /// Markers are transparent: the builder never leaves a space inside them.
    /// Text pieces come from `MarkdownInlineBuilder`, collapsed within.
    static func collapseWhitespace(_ pieces: [MarkdownInlinePiece]) -> [MarkdownInlinePiece] {
        var out: [MarkdownInlinePiece] = []
        out.reserveCapacity(pieces.count)
        var afterSpace = true
        for piece in pieces {
            switch piece {
            case .text(let text):
                // The builder collapsed the whitespace inside each text: only a
                // space where two texts meet (or at the start) is left to drop.
                assert({ var space = false; return HTMLWhitespace.collapse(text, afterSpace: &space) == text }(), "uncollapsed text piece")
                let collapsed = afterSpace && text.utf8.first == 0x20 ? String(decoding: text.utf8.dropFirst(), as: UTF8.self) : text
                guard !collapsed.isEmpty else { break }
                afterSpace = collapsed.utf8.last == 0x20
                if let last = out.indices.last, case .text(let previous) = out[last] {
                    // Adjacent texts become one, so runs are seen whole.
                    out[last] = .text(previous + collapsed)
                } else {
                    out.append(.text(collapsed))
                }
            case .hardBreak:
                trimTrailingSpace(&out)
                out.append(piece)
                afterSpace = true
            case .open, .close:
                out.append(piece)
            case .code, .syntax, .linkOpen, .linkClose:
                out.append(piece)
                afterSpace = false
            }
        }
        trimTrailingSpace(&out)
        return out
    }

    private static func trimTrailingSpace(_ pieces: inout [MarkdownInlinePiece]) {
        guard let last = pieces.indices.last, case .text(let text) = pieces[last], text.unicodeScalars.last == " " else { return }
        let rest = String(text.unicodeScalars.dropLast())
        if rest.isEmpty { pieces.removeLast() } else { pieces[last] = .text(rest) }
    }

    static func splitAtDoubleBreaks(_ pieces: [MarkdownInlinePiece]) -> [[MarkdownInlinePiece]] {
        var paragraphs: [[MarkdownInlinePiece]] = []
        var current: [MarkdownInlinePiece] = []
        var depth = 0
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            switch piece {
            case .open, .linkOpen: depth += 1
            case .close, .linkClose: depth -= 1
            default: break
            }
            if piece == .hardBreak {
                var end = index
                while end + 1 < pieces.count, pieces[end + 1] == .hardBreak { end += 1 }
                if end > index, depth == 0 {
                    finishParagraph(&current, into: &paragraphs)
                } else {
                    current.append(.hardBreak)
                }
                index = end + 1
                continue
            }
            current.append(piece)
            index += 1
        }
        finishParagraph(&current, into: &paragraphs)
        return paragraphs
    }

    /// A break at a paragraph's edge would be a stray backslash (§6.7).
    private static func finishParagraph(_ current: inout [MarkdownInlinePiece], into paragraphs: inout [[MarkdownInlinePiece]]) {
        while current.first == .hardBreak { current.removeFirst() }
        while current.last == .hardBreak { current.removeLast() }
        if current.contains(where: { !$0.isMarker }) { paragraphs.append(current) }
        current = []
    }
}
