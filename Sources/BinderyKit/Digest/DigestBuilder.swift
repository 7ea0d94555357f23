import Foundation

/// Selects, deduplicates, groups and orders articles. (Skeleton.)
public struct DigestBuilder: Sendable {
    public var options: SelectionOptions
    public init(options: SelectionOptions) { self.options = options }

    /// Dedup by URL (newest copy wins), filter by the date range, group into
    /// chapters in `options.timeZone`, order chronologically (or newest first);
    /// undated articles form a last chapter with key `undated`.
    public func build(_ articles: [Article]) -> (Digest, [Diagnostic]) {
        (Digest(chapters: [Chapter(key: "undated", start: nil, articles: articles)], options: options), [])
    }
}
