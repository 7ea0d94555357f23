/// The first sentence of an article, for a note's `description`.
enum LeadSentence {
    /// At most `limit` characters; cut at a space when one is near, with `…`.
    static func of(_ body: [Block], limit: Int = 200) -> String {
        bound(firstSentence(leadParagraph(body), limit: limit), limit: limit)
    }

    /// The text of the first paragraph with any, whitespace collapsed.
    /// Captions, tables, code, headings and placeholders are not the
    /// article's lead.
    static func leadParagraph(_ body: [Block]) -> String {
        var lead = ""
        ContentWalker.walk(body, blocks: { block in
            switch block {
            case .paragraph(let run), .plain(let run):
                lead = HTMLWhitespace.collapsedAndTrimmed(run.plainText)
                return lead.isEmpty ? .skipChildren : .stop
            case .figure, .table, .code, .heading, .embed, .rule:
                return .skipChildren
            case .list, .quote, .definitions:
                return .descend
            }
        }, inlines: { _ in .skipChildren })
        return lead
    }

    /// Up to the first full stop: `。！？` end a sentence at once; `.!?`
    /// when followed by a space and the sentence is not just an initial or
    /// an abbreviation (`U.S.`, `Mr.`).
    static func firstSentence(_ text: String, limit: Int = 200) -> String {
        // Only the start can show: `bound` keeps `limit` characters of a
        // longer sentence, so a sentence ending further on reads the same
        // as the text cut a little after `limit` (room for closing quotes).
        let end = (text.startsWithOneScalarPerCharacter(limit + 16)
            ? text.unicodeScalars.index(text.startIndex, offsetBy: limit + 16, limitedBy: text.endIndex)
            : text.index(text.startIndex, offsetBy: limit + 16, limitedBy: text.endIndex)) ?? text.endIndex
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
        guard let end = text.hasOneScalarPerCharacter ? wordCut(text.unicodeScalars, limit: limit) : wordCut(text, limit: limit) else {
            return text
        }
        return text[..<end].trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Where `bound` cuts `text` (`nil`: it fits), read as Characters or,
    /// when each is one scalar, as scalars (the same answer, faster).
    private static func wordCut<Text: BidirectionalCollection>(_ text: Text, limit: Int) -> String.Index?
        where Text.Index == String.Index, Text.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        guard let fits = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), fits != text.endIndex else { return nil }
        let cut = text[..<text.index(text.startIndex, offsetBy: limit - 1)]
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { return space }
        return cut.endIndex
    }
}
