import Foundation

/// What a digest's generated cover says: its name and period, a kicker (the
/// volume, else the number of articles), the top headlines and the sources,
/// in the book's language.
enum CoverContent {
    /// Headlines offered to the cover (it shows as many as fit).
    static let headlineLimit = 8

    /// The digest's name as the cover shows it: the book's title without
    /// the period it ends with (as the default title does), since the cover
    /// shows the period on a line of its own.
    static func name(of metadata: BookMetadata) -> String {
        guard let range = metadata.dateRange else { return metadata.title }
        let period = " · " + DateRangeText.format(range, language: metadata.language, timeZone: metadata.timeZone)
        guard metadata.title.hasSuffix(period), metadata.title.count > period.count else { return metadata.title }
        return String(metadata.title.dropLast(period.count))
    }

    /// The cover of `digest` (a whole book, or one volume) under `name`.
    static func text(name: String, digest: Digest, metadata: BookMetadata, volume: String?, picture: Data?) -> CoverText {
        let zh = metadata.language.lowercased().hasPrefix("zh")
        let period = digest.dateRange.map { DateRangeText.format($0, language: metadata.language, timeZone: metadata.timeZone) }
        let count = digest.articleCount
        let sources = BookMetadata.rankedSources(digest.articles)
        var footer: String?
        if !sources.isEmpty {
            let shown = sources.prefix(4).joined(separator: zh ? "、" : ", ")
            let more = sources.count > 4 ? (zh ? " 等" : " and others") : ""
            footer = zh ? "来源：\(shown)\(more)" : "Sources: \(shown)\(more)"
        }
        return CoverText(title: name, period: period,
                         kicker: volume ?? (zh ? "共 \(count) 篇文章" : (count == 1 ? "1 article" : "\(count) articles")),
                         headlinesLabel: zh ? "本期要闻" : "In this issue",
                         headlines: headlines(of: digest, limit: headlineLimit), footer: footer, picture: picture,
                         language: metadata.language)
    }

    /// `Volume 1 of 2` / `第 1 册，共 2 册`.
    static func volumeLabel(_ index: Int, of count: Int, language: String) -> String {
        language.lowercased().hasPrefix("zh") ? "第 \(index) 册，共 \(count) 册" : "Volume \(index) of \(count)"
    }

    /// The first article of each chapter, then the second of each, and so
    /// on: the whole period is represented, in book order, without repeats.
    static func headlines(of digest: Digest, limit: Int) -> [String] {
        var picked: [String] = []
        var seen = Set<String>()
        var round = 0
        while picked.count < limit {
            var any = false
            for chapter in digest.chapters where round < chapter.articles.count {
                any = true
                let title = chapter.articles[round].title
                if seen.insert(title).inserted { picked.append(title) }
                if picked.count == limit { break }
            }
            guard any else { break }
            round += 1
        }
        return picked
    }
}
