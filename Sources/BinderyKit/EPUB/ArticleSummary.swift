/// The one-line summary under an article's title on its chapter page: the
/// lead sentence (`LeadSentence`), shortened at a clause boundary when it
/// runs longer than a line or two on a small screen.
enum ArticleSummary {
    /// Characters of Chinese text (each about as wide as two Latin letters).
    static let hanLimit = 60
    static let latinLimit = 140

    static func of(_ body: [Block]) -> String? {
        let lead = LeadSentence.leadParagraph(body)
        guard !lead.isEmpty else { return nil }
        let sentence = LeadSentence.firstSentence(lead, limit: 200)
        let isHan = sentence.unicodeScalars.contains { HeaderText.isHan($0.value) }
        return shortened(sentence, limit: isHan ? hanLimit : latinLimit)
    }

    /// `text` when it fits; else cut at the last clause boundary (`，；：、`
    /// or `, ; :` before a space) in the second half of the limit, else at
    /// a word boundary (`LeadSentence.bound`), with `…`.
    static func shortened(_ text: String, limit: Int) -> String {
        let cut = text.hasOneScalarPerCharacter ? clauseCut(text.unicodeScalars, limit: limit) : clauseCut(text, limit: limit)
        switch cut {
        case .fits: return text
        case .at(let end): return String(text[..<end]) + "…"
        case .none: return LeadSentence.bound(text, limit: limit)
        }
    }

    private enum Cut {
        case fits
        case at(String.Index)
    }

    /// Where `shortened` cuts `text`, read as Characters or, when each is one
    /// scalar, as scalars (the same answer, faster); `nil`: at no clause boundary.
    private static func clauseCut<Text: BidirectionalCollection>(_ text: Text, limit: Int) -> Cut?
        where Text.Index == String.Index, Text.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex else { return .fits }
        let head = Array(text[..<end].indices)
        let clauseMarks: [Text.Element] = ["，", "；", "：", "、"], latinMarks: [Text.Element] = [",", ";", ":"]
        for index in stride(from: head.count - 1, through: limit / 2, by: -1) {
            let character = text[head[index]]
            if clauseMarks.contains(character) { return .at(head[index]) }
            if latinMarks.contains(character), index + 1 < head.count, text[head[index + 1]] == " " { return .at(head[index]) }
        }
        return nil
    }
}
