/// The language of one article's page, when it is not the book's: an
/// English article in a Chinese book is marked `lang="en"` so that readers
/// hyphenate it and the stylesheet's `:lang(en)` rules give it Latin
/// typography, and the other way round.
enum PageLanguage {
    /// Letters of the title and the first paragraphs are plenty to tell.
    static let sampleLength = 600

    /// `zh` or `en` when the article is written in that language and the
    /// book is in the other; `nil` when it is in the book's language, or
    /// the book's language is one the detector does not know.
    static func of(_ cleaned: CleanedArticle, bookLanguage: String) -> String? {
        let book = primary(bookLanguage)
        guard book == "zh" || book == "en" else { return nil }
        let detected = LanguageDetector.detect([cleaned.article.displayTitle, sample(cleaned.body)])
        return detected == book ? nil : detected
    }

    /// About the first `sampleLength` characters of the body's running text
    /// (cut by bytes: a character cut in two does not sway the count).
    static func sample(_ body: [Block]) -> String {
        var text = ""
        ContentWalker.walk(body, blocks: { block in
            switch block {
            case .paragraph(let run), .plain(let run), .heading(_, let run):
                text += run.plainText + " "
                return text.utf8.count >= sampleLength * 3 ? .stop : .skipChildren
            case .figure, .table, .code, .embed, .rule:
                return .skipChildren
            case .list, .quote, .definitions:
                return .descend
            }
        }, inlines: { _ in .skipChildren })
        return String(decoding: text.utf8.prefix(sampleLength * 3), as: UTF8.self)
    }

    static func primary(_ tag: String) -> String {
        tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
    }
}
