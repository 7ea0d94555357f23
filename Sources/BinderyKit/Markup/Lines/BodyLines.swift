/// Finds and removes lines of a cleaned body (after `WrapLooseInlineContent`):
/// the last or first line, looking through the `div`s that wrap the end or
/// start of an article (a Jekyll post's, a site's body container), or every
/// line of every paragraph.
///
/// A paragraph left without content goes; so do the `<br>`s and a `<hr>`
/// left dangling at the end (or start) where a footer was taken away. A
/// paragraph is only rebuilt (its inline elements split at line breaks)
/// when one of its lines goes.
enum BodyLines {
    enum Edge { case start, end }

    /// Removes the line at `edge` when `take` says so; `false` when it did not.
    static func take(_ edge: Edge, from nodes: inout [Node], _ take: (BodyLine) -> Bool) -> Bool {
        let isContent: (Node) -> Bool = { !$0.isWhitespaceText }
        guard let index = edge == .end ? nodes.lastIndex(where: isContent) : nodes.firstIndex(where: isContent) else { return false }
        if case .element(var element) = nodes[index], element.name == "div" {
            guard Self.take(edge, from: &element.children, take) else { return false }
            if element.children.isVisuallyEmpty { nodes.remove(at: index) } else { nodes[index] = .element(element) }
            trim(edge, &nodes)
            return true
        }
        if case .element(var element) = nodes[index], isLineHolder(element.name) {
            var lines = element.children.lines
            let lineIndex = edge == .end ? lines.count - 1 : 0
            guard let line = BodyLine.ifShort(lines[lineIndex]), take(line) else { return false }
            lines.remove(at: lineIndex)
            element.children = [Node].joiningLines(lines)
            if element.children.isVisuallyEmpty { nodes.remove(at: index) } else { nodes[index] = .element(element) }
            trim(edge, &nodes)
            return true
        }
        guard !HTMLVocabulary.isBlock(nodes[index]) else { return false }
        // Inline content straight in a container: the run at the edge.
        var start = index
        var end = index
        if edge == .end {
            while start > 0, !HTMLVocabulary.isBlock(nodes[start - 1]) { start -= 1 }
        } else {
            while end + 1 < nodes.count, !HTMLVocabulary.isBlock(nodes[end + 1]) { end += 1 }
        }
        var lines = Array(nodes[start...end]).lines
        let lineIndex = edge == .end ? lines.count - 1 : 0
        guard let line = BodyLine.ifShort(lines[lineIndex]), take(line) else { return false }
        lines.remove(at: lineIndex)
        let rest = [Node].joiningLines(lines)
        nodes.replaceSubrange(start...end, with: rest.isVisuallyEmpty ? [] : rest)
        trim(edge, &nodes)
        return true
    }

    /// Removes every line, in paragraphs and headings at any depth of `div`s
    /// and quotes, for which `drop` says so. Returns how many went.
    @discardableResult
    static func removeEach(from nodes: inout [Node], _ drop: (BodyLine) -> Bool) -> Int {
        var removed = 0
        var index = 0
        while index < nodes.count {
            guard case .element(var element) = nodes[index] else {
                index += 1
                continue
            }
            if element.name == "div" || element.name == "blockquote" {
                let count = removeEach(from: &element.children, drop)
                if count > 0 {
                    removed += count
                    if element.children.isVisuallyEmpty {
                        nodes.remove(at: index)
                        continue
                    }
                    nodes[index] = .element(element)
                }
            } else if isLineHolder(element.name) {
                let lines = element.children.lines
                let kept = lines.filter { line in BodyLine.ifShort(line).map { !drop($0) } ?? true }
                if kept.count < lines.count {
                    removed += lines.count - kept.count
                    element.children = [Node].joiningLines(kept)
                    if element.children.isVisuallyEmpty {
                        nodes.remove(at: index)
                        continue
                    }
                    nodes[index] = .element(element)
                }
            }
            index += 1
        }
        return removed
    }

    private static func isLineHolder(_ name: String) -> Bool {
        name == "p" || HTMLVocabulary.headings.contains(name)
    }

    /// Drops white space, `<br>`s and `<hr>`s left at the `edge` of `nodes`.
    private static func trim(_ edge: Edge, _ nodes: inout [Node]) {
        func isLeftover(_ node: Node) -> Bool {
            node.isWhitespaceText || node.isElement(named: "br") || node.isElement(named: "hr")
        }
        switch edge {
        case .end: while let last = nodes.last, isLeftover(last) { nodes.removeLast() }
        case .start: while let first = nodes.first, isLeftover(first) { nodes.removeFirst() }
        }
    }
}

extension Array where Element == Node {
    /// Nothing a reader would see: no text but white space, no picture,
    /// embed or other block (an empty-looking block is kept, to be safe).
    var isVisuallyEmpty: Bool {
        readableText.isEmpty && !contains { node in
            guard case .element(let element) = node else { return false }
            if element.name == "br" { return false }
            return element.name == "img" || HTMLVocabulary.isBlock(node) || !element.children.isVisuallyEmpty
        }
    }
}
