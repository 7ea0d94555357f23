/// A paragraph holds phrasing content only (HTML §4.4.1), and feeds write
/// paragraph breaks as `<br><br>`. So a `p` is split wherever a block sits in
/// it (the block moves between the halves) and wherever two or more `br`s
/// follow each other; a single `br` stays a line break. `br`s at either end of
/// a piece and pieces without content are dropped.
struct SplitParagraphs: ElementRule {
    var elementNames: Set<String>? { ["p"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "p", !Self.staysWhole(element.children) else { return nil }
        let pieces = Self.split(element.children, into: element)
        if pieces.count == 1, case .element(let only) = pieces[0], only == element { return nil }
        return pieces
    }

    /// `children` as paragraphs shaped like `template` (its `id` on the first
    /// only), with blocks between them.
    static func split(_ children: [Node], into template: Element) -> [Node] {
        var out: [Node] = []
        var run: [Node] = []
        var firstParagraph = true
        func flush() {
            var trimmed = run[...]
            while let first = trimmed.first, first.isElement(named: "br") || first.isWhitespaceText { trimmed.removeFirst() }
            while let last = trimmed.last, last.isElement(named: "br") || last.isWhitespaceText { trimmed.removeLast() }
            run.removeAll()
            guard !trimmed.isEmpty, !isSpacer(trimmed) else { return }
            var paragraph = template
            paragraph.children = Array(trimmed)
            trimEdgeWhitespace(&paragraph.children)
            if !firstParagraph { paragraph[attribute: "id"] = nil }
            firstParagraph = false
            out.append(.element(paragraph))
        }
        var index = 0
        while index < children.count {
            let node = children[index]
            if HTMLVocabulary.isBlock(node) {
                flush()
                out.append(node)
            } else if node.isElement(named: "br"), let next = breakRunEnd(children, from: index) {
                flush()
                index = next
                continue
            } else {
                run.append(node)
            }
            index += 1
        }
        flush()
        return out
    }

    /// Whether `split` would give back the paragraph as it is: no block in
    /// it, no run of `br`s, nothing to trim at either end, not a spacer.
    /// Most paragraphs are like that, and telling so is far cheaper than
    /// splitting and comparing the result with the original.
    private static func staysWhole(_ children: [Node]) -> Bool {
        guard let first = children.first, let last = children.last,
              !first.isElement(named: "br"), !last.isElement(named: "br") else { return false }
        if case .text(let text) = first, text.utf8.first?.isHTMLSpace ?? true { return false }
        if case .text(let text) = last, text.utf8.last?.isHTMLSpace ?? true { return false }
        for index in children.indices {
            if HTMLVocabulary.isBlock(children[index]) { return false }
            if children[index].isElement(named: "br"), breakRunEnd(children, from: index) != nil { return false }
        }
        return !isSpacer(children[...])
    }

    /// Text of only spaces, no-break spaces and zero-width spaces: the
    /// `<p>&nbsp;</p>` sites use as vertical spacing, which an e-reader's own
    /// paragraph spacing replaces.
    private static func isSpacer(_ nodes: ArraySlice<Node>) -> Bool {
        nodes.allSatisfy { node in
            guard case .text(let text) = node else { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" }
        }
    }

    /// Leading whitespace of the first text and trailing of the last is
    /// insignificant in a paragraph; renderers of plain text should not see it.
    /// Written back only when trimmed: `nodes` is usually still shared
    /// with the paragraph it came from, and a write copies it whole.
    private static func trimEdgeWhitespace(_ nodes: inout [Node]) {
        if case .text(let text)? = nodes.first {
            let trimmed = text.trimmingHTMLWhitespace(leading: true, trailing: false)
            if trimmed.utf8.count != text.utf8.count { nodes[0] = .text(trimmed) }
        }
        if case .text(let text)? = nodes.last {
            let trimmed = text.trimmingHTMLWhitespace(leading: false, trailing: true)
            if trimmed.utf8.count != text.utf8.count { nodes[nodes.count - 1] = .text(trimmed) }
        }
    }

    /// When two or more `br`s (with only whitespace between) start at
    /// `start`, the index after the run; else `nil`.
    private static func breakRunEnd(_ nodes: [Node], from start: Int) -> Int? {
        var breaks = 0
        var index = start
        var end = start
        while index < nodes.count, nodes[index].isElement(named: "br") || nodes[index].isWhitespaceText {
            if nodes[index].isElement(named: "br") {
                breaks += 1
                end = index + 1
            }
            index += 1
        }
        return breaks >= 2 ? end : nil
    }
}
