/// The first sentence of an article, for a note's `description`.
enum LeadSentence {
    /// Elements whose text is not the article's lead (captions, tables, code).
    private static let skipped: Set<String> = [
        "figure", "figcaption", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "img", "script", "style",
        "video", "audio", "iframe", "caption",
    ]
    private static let blockNames = MarkdownBlockElements.names

    /// At most `limit` characters; cut at a space when one is near, with `…`.
    static func of(_ body: [Node], limit: Int = 200) -> String {
        var text = ""
        for paragraph in paragraphs(body) {
            text = paragraph
            if !text.isEmpty { break }
        }
        return bound(firstSentence(text, limit: limit), limit: limit)
    }

    /// The texts of the body's paragraphs in order, whitespace collapsed.
    private static func paragraphs(_ nodes: [Node]) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            let collapsed = HTMLWhitespace.collapsedAndTrimmed(current)
            if !collapsed.isEmpty { result.append(collapsed) }
            current = ""
        }
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let s): current += s
                case .element(let e):
                    if skipped.contains(e.name) { continue }
                    if e.name == "br" { current += " "; continue }
                    if blockNames.contains(e.name) {
                        flush()
                        walk(e.children)
                        flush()
                    } else {
                        walk(e.children)
                    }
                }
                if result.count > 0 { return }
            }
        }
        walk(nodes)
        flush()
        return result
    }

    /// Up to the first full stop: `。！？` end a sentence at once; `.!?`
    /// when followed by a space and the sentence is not just an initial or
    /// an abbreviation (`U.S.`, `Mr.`).
    static func firstSentence(_ text: String, limit: Int = 200) -> String {
        // Only the start can show: `bound` keeps `limit` characters of a
        // longer sentence, so a sentence ending further on reads the same
        // as the text cut a little after `limit` (room for closing quotes).
        let end = text.index(text.startIndex, offsetBy: limit + 16, limitedBy: text.endIndex) ?? text.endIndex
        let view = text[..<end].unicodeScalars
        let scalars = Array(view)
        /// The first `count` scalars, copied as bytes (not scalar by scalar).
        func prefix(_ count: Int) -> String {
            String(Substring(view[..<view.index(view.startIndex, offsetBy: count)]))
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "。" || c == "！" || c == "？" {
                var end = i + 1
                while end < scalars.count, "”」』）\"'".unicodeScalars.contains(scalars[end]) { end += 1 }
                return prefix(end)
            }
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < scalars.count, "\"'”’)".unicodeScalars.contains(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end] == " ", i >= 20, !isAbbreviation(scalars, before: i) {
                    return prefix(end)
                }
            }
            i += 1
        }
        return end == text.endIndex ? text : String(text[..<end])
    }

    /// The word before `index` is short and capitalised (`U.S`, `Mr`, `J`).
    private static func isAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1] != " " { start -= 1 }
        let word = scalars[start..<index]
        guard let first = word.first, first.properties.isUppercase else { return false }
        return word.count <= 3 || word.contains(".")
    }

    static func bound(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }
}
