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
