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
        let language = tally(of: cleaned).language
        return language == book ? nil : language
    }

    /// The letters of the title and of about the first `sampleLength`
    /// characters of the body.
    static func tally(of cleaned: CleanedArticle) -> LanguageTally {
        var tally = LanguageTally()
        tally.add(cleaned.article.displayTitle)
        tally.endSample(nextByteBudget: sampleLength * 3)
        addSample(of: cleaned.body, to: &tally)
        return tally
    }

    /// Counts about the first `sampleLength` characters of the body's
    /// running text, each paragraph followed by a space, straight from the
    /// content (building the sample as a string cost more than counting it).
    private static func addSample(of body: [Block], to tally: inout LanguageTally) {
        ContentWalker.walk(body, blocks: { block in
            switch block {
            case .paragraph(let run), .plain(let run), .heading(_, let run):
                run.visitPlainText { tally.add($0); return !tally.isFull }
                tally.add(" ")
                return tally.isFull ? .stop : .skipChildren
            case .figure, .table, .code, .embed, .rule:
                return .skipChildren
            case .list, .quote, .definitions:
                return .descend
            }
        }, inlines: { _ in .skipChildren })
    }

    static func primary(_ tag: String) -> String {
        tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
    }
}
