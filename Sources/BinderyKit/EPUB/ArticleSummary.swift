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
        guard text.count > limit else { return text }
        let head = Array(text.prefix(limit))
        var cut: Int?
        for index in stride(from: head.count - 1, through: limit / 2, by: -1) {
            let character = head[index]
            if "，；：、".contains(character) { cut = index; break }
            if ",;:".contains(character), index + 1 < head.count, head[index + 1] == " " { cut = index; break }
        }
        guard let cut else { return LeadSentence.bound(text, limit: limit) }
        return String(head[..<cut]) + "…"
    }
}
