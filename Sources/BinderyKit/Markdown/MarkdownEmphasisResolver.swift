/// Chooses how each emphasis of a paragraph is written: `*`, `_`, `~~`, or —
/// when no delimiter run would be read back as that emphasis — inline HTML
/// (`<strong>记者：</strong>内容`: a closing `**` after punctuation and before
/// a letter is not right-flanking, CommonMark §6.2).
///
/// Delimiters of one character never touch (they would fuse into one run):
/// an emphasis whose delimiter touches its neighbour's `*` uses `_`.
struct MarkdownEmphasisResolver {
    /// For each marker index of the paragraph: the text written for it.
    private(set) var delimiters: [Int: String] = [:]

    init(_ pieces: [MarkdownInlinePiece]) {
        // Pair the markers (the builder nests them properly).
        var pairs: [(open: Int, close: Int, kind: MarkdownEmphasisKind)] = []
        var stack: [Int] = []
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .open: stack.append(index)
            case .close(let kind):
                if let open = stack.popLast() { pairs.append((open, index, kind)) }
            default: break
            }
        }
        pairs.sort { $0.open < $1.open }

        for pair in pairs {
            let neighbours = [pair.open - 1, pair.open + 1, pair.close - 1, pair.close + 1]
            let used = Set(neighbours.compactMap { delimiters[$0]?.unicodeScalars.first })
            let run: String?
            switch pair.kind {
            case .strikethrough:
                run = used.contains("~") ? nil : "~~"
            case .emphasis, .strong:
                let count = pair.kind == .strong ? 2 : 1
                if !used.contains("*") {
                    run = String(repeating: "*", count: count)
                } else if !used.contains("_") {
                    run = String(repeating: "_", count: count)
                } else {
                    run = nil
                }
            }
            if let run {
                delimiters[pair.open] = run
                delimiters[pair.close] = run
            } else {
                setHTML(pair.open, pair.close, pair.kind)
            }
        }

        // cmark-gfm misreads `*`/`_` runs that touch a `~~` run in some
        // contexts (e.g. `a*~~\`b~~*c`): strikethrough touching emphasis
        // is written as `<del>`.
        for pair in pairs where pair.kind == .strikethrough {
            let neighbours = [pair.open - 1, pair.open + 1, pair.close - 1, pair.close + 1]
            if neighbours.contains(where: { delimiters[$0].map { $0.hasPrefix("*") || $0.hasPrefix("_") } ?? false }) {
                setHTML(pair.open, pair.close, pair.kind)
            }
        }

        // Flanking depends on neighbours, which are now known. Replacing a
        // run by HTML keeps its neighbours' classes (`<`, `>` and `*` are all
        // punctuation), so one pass decides.
        var failed: [(Int, Int, MarkdownEmphasisKind)] = []
        for pair in pairs {
            guard let run = delimiters[pair.open], let delimiter = run.unicodeScalars.first, delimiter != "<" else { continue }
            let opens = DelimiterFlanking.readings(delimiter: delimiter, before: scalarBefore(pair.open, pieces), after: scalarAfter(pair.open, pieces))
            let closes = DelimiterFlanking.readings(delimiter: delimiter, before: scalarBefore(pair.close, pieces), after: scalarAfter(pair.close, pieces))
            if !(opens.allSatisfy(\.canOpen) && closes.allSatisfy(\.canClose)) {
                failed.append(pair)
            }
        }
        for (open, close, kind) in failed { setHTML(open, close, kind) }
    }

    private mutating func setHTML(_ open: Int, _ close: Int, _ kind: MarkdownEmphasisKind) {
        delimiters[open] = "<\(HTMLVocabulary.element(for: kind.style))>"
        delimiters[close] = "</\(HTMLVocabulary.element(for: kind.style))>"
    }

    /// The character written just before piece `index` (`nil`: line start).
    func scalarBefore(_ index: Int, _ pieces: [MarkdownInlinePiece]) -> Unicode.Scalar? {
        let previous = index - 1
        guard previous >= 0 else { return nil }
        return lastScalar(of: previous, pieces)
    }

    /// The character written just after piece `index` (`nil`: line end).
    func scalarAfter(_ index: Int, _ pieces: [MarkdownInlinePiece]) -> Unicode.Scalar? {
        let next = index + 1
        guard next < pieces.count else { return nil }
        return firstScalar(of: next, pieces)
    }

    func firstScalar(of index: Int, _ pieces: [MarkdownInlinePiece]) -> Unicode.Scalar? {
        switch pieces[index] {
        case .text(let s), .syntax(let s), .linkOpen(let s), .linkClose(let s): return s.unicodeScalars.first
        case .code: return "`"
        case .hardBreak: return "\\"
        case .open, .close: return delimiters[index]?.unicodeScalars.first
        }
    }

    func lastScalar(of index: Int, _ pieces: [MarkdownInlinePiece]) -> Unicode.Scalar? {
        switch pieces[index] {
        case .text(let s), .syntax(let s), .linkOpen(let s), .linkClose(let s): return s.unicodeScalars.last
        case .code: return "`"
        case .hardBreak: return nil
        case .open, .close: return delimiters[index]?.unicodeScalars.last
        }
    }
}
