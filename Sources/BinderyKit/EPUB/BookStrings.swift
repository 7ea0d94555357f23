/// The few words Bindery itself writes into a book, in the book's language.
/// Chinese for `zh` (any region or script), English otherwise.
struct BookStrings: Sendable {
    var originalArticle: String
    var contents: String
    var undated: String
    var untitled: String
    var cover: String
    var titlePage: String
    var beginning: String
    var sourcesLabel: String
    /// Joins list items in running text ("a, b" / "a、b").
    var listSeparator: String
    /// Between a date range's ends.
    var rangeSeparator: String
    /// Between byline parts.
    var bylineSeparator: String
    var articleCount: @Sendable (Int) -> String
    /// The link to an article's original-language version, by its language tag.
    var originalVersion: @Sendable (String) -> String
    /// The reposting source of an article (`Article.via`).
    var via: @Sendable (String) -> String
    /// Links between pages: the article before and after, the next chapter.
    var previous: String
    var next: String
    var nextChapter: String
    /// The section of a chapter's articles that name no source.
    var otherSources: String
    /// After the first few sources: `and 4 more` / `等 13 个来源`.
    var moreSources: @Sendable (Int) -> String
    /// Stands before the caption or description of a picture the book lacks.
    var missingPicture: String
    /// What an embedded player showed (`▶ 视频`).
    var embed: @Sendable (Embed.Kind) -> String

    static let english = BookStrings(
        originalArticle: "Original article", contents: "Contents", undated: "Undated", untitled: "Untitled", cover: "Cover",
        titlePage: "Title Page", beginning: "Start", sourcesLabel: "Sources: ",
        listSeparator: ", ", rangeSeparator: " – ", bylineSeparator: " · ",
        articleCount: { $0 == 1 ? "1 article" : "\($0) articles" },
        originalVersion: { isEnglish($0) ? "English original" : "Original (\($0))" },
        via: { "via \($0)" },
        previous: "‹ Previous", next: "Next ›", nextChapter: "Next chapter ›", otherSources: "Other sources",
        moreSources: { "and \($0) more" }, missingPicture: "[Picture not loaded]",
        embed: { kind in
            switch kind {
            case .video: return "Video"
            case .audio: return "Audio"
            case .page: return "Embedded page"
            }
        })

    static let chinese = BookStrings(
        originalArticle: "原文链接", contents: "目录", undated: "未注明日期", untitled: "无标题", cover: "封面",
        titlePage: "书名页", beginning: "正文", sourcesLabel: "来源：",
        listSeparator: "、", rangeSeparator: " 至 ", bylineSeparator: " · ",
        articleCount: { "共 \($0) 篇文章" },
        originalVersion: { isEnglish($0) ? "英文原文" : "原文（\($0)）" },
        via: { "via \($0)" },
        previous: "‹ 上一篇", next: "下一篇 ›", nextChapter: "下一章 ›", otherSources: "其他来源",
        moreSources: { "等 \($0) 个来源" }, missingPicture: "［图片未能载入］",
        embed: { kind in
            switch kind {
            case .video: return "视频"
            case .audio: return "音频"
            case .page: return "嵌入网页"
            }
        })

    private static func isEnglish(_ tag: String) -> Bool {
        tag.lowercased() == "en" || tag.lowercased().hasPrefix("en-")
    }

    /// By the primary subtag of a BCP 47 tag (RFC 5646 §2.2.1), case-insensitively
    /// (a POSIX-style `zh_CN` counts too).
    static func forLanguage(_ tag: String) -> BookStrings {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return primary == "zh" ? .chinese : .english
    }
}
