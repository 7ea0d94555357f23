import Foundation

/// Writes a digest as one plain-text document: the book title, then per
/// chapter its date heading, then per article its title (underlined to its
/// display width), author · publisher · via · date, URL (and the
/// original-language version's), the wrapped body, its credits and the
/// numbered link URLs. Streamed: one article in memory at a time.
public struct PlainTextExporter {
    public var metadata: BookMetadata
    public var digest: Digest
    /// Columns per line; 0 means no wrapping.
    public var width: Int

    public init(metadata: BookMetadata, digest: Digest, width: Int = 72) {
        self.metadata = metadata
        self.digest = digest
        self.width = max(0, width)
    }

    /// - Throws: `OutputError` when the output cannot be written.
    public func export(_ source: ArticleSource, to target: OutputTarget) throws {
        let output = try StreamingTextOutput(target)
        try output.write(header())
        var chapterIndex: Int?
        try source.forEachArticle(preparing: { bound in self.article(bound) }) { bound, text in
            if bound.chapterIndex != chapterIndex, digest.chapters.indices.contains(bound.chapterIndex) {
                chapterIndex = bound.chapterIndex
                try output.write("\n\n" + chapterHeading(digest.chapters[bound.chapterIndex]))
            }
            try output.write("\n\n" + text)
        }
        try output.finish()
    }

    private var wrapper: LineWrapper { LineWrapper(width: width) }
    private var timeZone: TimeZone { digest.options.timeZone }

    /// The book title between two rules of `=`.
    func header() -> String {
        let lines = wrapper.wrap(metadata.title)
        let rule = String(repeating: "=", count: max(1, lines.map(DisplayWidth.of).max() ?? 1))
        return ([rule] + lines + [rule]).joined(separator: "\n") + "\n"
    }

    func chapterHeading(_ chapter: Chapter) -> String {
        let heading = DateText.chapterHeading(chapter, grouping: metadata.grouping, language: metadata.language, timeZone: timeZone)
        return underlined(heading, with: "=")
    }

    private func underlined(_ text: String, with mark: Character) -> String {
        let lines = wrapper.wrap(text.collapsingWhitespace())
        let rule = String(repeating: mark, count: max(1, lines.map(DisplayWidth.of).max() ?? 1))
        return (lines + [rule]).joined(separator: "\n") + "\n"
    }

    /// One article: title, facts, body, links. Ends with a newline.
    public func article(_ bound: BoundArticle) -> String {
        let article = bound.article
        let strings = BookStrings.forLanguage(metadata.language)
        var text = underlined(article.displayTitle, with: "-")
        var facts: [String] = []
        if let author = article.author { facts.append(author) }
        if let source = article.publisherName { facts.append(source) }
        if let via = article.via { facts.append(strings.via(via)) }
        if let instant = article.instant {
            facts.append(DateText.articleDateTime(instant, language: metadata.language, timeZone: timeZone))
        }
        if !facts.isEmpty { text += wrapper.wrap(facts.joined(separator: " · ")).joined(separator: "\n") + "\n" }
        if let url = article.url { text += url.absoluteString + "\n" }
        if let version = bound.cleaned.originalVersion {
            text += strings.originalVersion(version.language) + ": " + version.href + "\n"
        }

        let links = PlainTextLinks()
        let credits = bound.cleaned.credits.map { Block.paragraph([.text($0)]) }
        let body = PlainTextRenderer(wrapper: wrapper, links: links).render(bound.cleaned.body + credits)
        if !body.isEmpty { text += "\n" + body.joined(separator: "\n") + "\n" }
        if !links.urls.isEmpty {
            text += "\n" + links.urls.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
