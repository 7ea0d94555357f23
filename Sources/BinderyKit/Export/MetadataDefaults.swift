import Foundation

/// What the user said about the book on the command line; `nil` = choose.
public struct BookOverrides: Sendable {
    public var title: String?
    public var language: String?
    public var creator: String?
    public var series: String?
    public init(title: String? = nil, language: String? = nil, creator: String? = nil, series: String? = nil) {
        self.title = title
        self.language = language
        self.creator = creator
        self.series = series
    }
}

extension BookMetadata {
    /// The book's metadata: the user's overrides, else values derived from
    /// the digest alone, so that exporting the same selection again gives the
    /// same title, language and identifier.
    public static func make(for digest: Digest, overrides: BookOverrides = BookOverrides(),
                            clock: BuildClock) -> BookMetadata {
        // `digest.articles` gathers every chapter's articles anew: once here.
        let articles = digest.articles
        let language = overrides.language ?? detectedLanguage(of: digest)
        let sources = rankedSources(articles)
        let title = overrides.title ?? DigestTitle.make(range: digest.dateRange, language: language,
                                                        timeZone: digest.options.timeZone)
        var metadata = BookMetadata(
            title: title,
            language: language,
            creators: [overrides.creator ?? defaultCreator],
            publisher: sources.count == 1 ? sources[0] : nil,
            identifier: identifier(for: digest, articles: articles),
            modified: clock.now,
            dateRange: digest.dateRange,
            timeZone: digest.options.timeZone,
            grouping: digest.options.grouping)
        metadata.contributors = sources
        metadata.series = overrides.series
        return metadata
    }

    /// The author e-readers show when `--creator` is not given: who made
    /// the book (the sources are its contributors).
    public static let defaultCreator = "Bindery"


    /// The language the digest's headlines are written in (the first 400
    /// are plenty to tell `zh` from `en`).
    public static func detectedLanguage(of digest: Digest) -> String {
        LanguageDetector.detect(digest.chapters.lazy.flatMap(\.articles).prefix(400).map(\.title))
    }

    /// Publisher names (hosts where no site rule names them), most articles
    /// first, ties by name.
    static func rankedSources(_ articles: [Article]) -> [String] {
        var counts: [String: Int] = [:]
        // The host of each URL is parsed again here: on all cores.
        for source in articles.concurrentMap(\.publisherName) {
            if let source { counts[source, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// `urn:uuid:` made from a hash of what was selected and how it is
    /// arranged — not of the clock — so a re-export keeps its identity and
    /// e-readers update the book in place instead of adding a copy.
    /// `articles`: the digest's, when the caller has them gathered already.
    static func identifier(for digest: Digest, articles: [Article]? = nil) -> String {
        var text = "bindery-digest\n\(digest.options.grouping.rawValue)\n\(digest.options.timeZone.identifier)\n"
        text += (articles ?? digest.articles).concurrentMap { ($0.url?.absoluteString ?? $0.origin.displayName) + "\n" }.joined()
        var bytes = Array(SHA256.digest(Data(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50 // version 5-style (name-based, SHA)
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 4122 variant
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4),
                     hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}
