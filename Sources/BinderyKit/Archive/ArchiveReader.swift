import Foundation

/// What scanning the inputs found.
public struct ArchiveScan: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    public init(articles: [Article], diagnostics: [Diagnostic]) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// Reads article files and folders. (Skeleton: the Archive work replaces this.)
public struct ArchiveReader: Sendable {
    public init() {}

    /// Walks `inputs` (files and folders, recursively), parses each article's
    /// header and date, and reports files that are not articles. Does not
    /// deduplicate (that is the Digest's job) and keeps no bodies.
    public func scan(_ inputs: [URL]) -> ArchiveScan {
        ArchiveScan(articles: [], diagnostics: [])
    }

    /// The body HTML of `article` (everything after the header), with invalid
    /// UTF-8 repaired, a BOM dropped and CRLF/CR normalised to LF.
    public func loadBody(of article: Article) throws -> String {
        ""
    }
}
