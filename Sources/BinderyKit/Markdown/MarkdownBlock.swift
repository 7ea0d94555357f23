/// A rendered block: its lines, and what the blocks around it need to know.
struct MarkdownBlock {
    enum Kind: Equatable {
        case paragraph
        /// A list; `variant` is the marker family (`-`/`*`, `.`/`)`), which
        /// must alternate between adjacent lists or they merge (§5.3).
        case list(ordered: Bool, variant: Int, canInterruptParagraph: Bool)
        case other
    }

    var lines: [String]
    var kind: Kind

    /// Blocks separated by blank lines.
    static func join(_ blocks: [MarkdownBlock]) -> [String] {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { lines.append("") }
            lines += block.lines
        }
        return lines
    }
}

/// The HTML elements rendered as blocks; everything else is inline.
enum MarkdownBlockElements {
    static let names: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
        "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "video", "audio", "iframe", "object", "noscript",
    ]

    static func isBlock(_ node: Node) -> Bool {
        guard case .element(let e) = node else { return false }
        return names.contains(e.name)
    }

    /// An inline element holding blocks (`<span><p>…</p></span>`) is treated
    /// as a transparent block container.
    static func containsBlock(_ nodes: [Node]) -> Bool {
        for node in nodes {
            guard case .element(let e) = node else { continue }
            if names.contains(e.name) || containsBlock(e.children) { return true }
        }
        return false
    }
}
