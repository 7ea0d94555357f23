import Foundation

/// What `EPUBWriter.finish()` wrote.
public struct EPUBSummary: Sendable {
    public var destination: URL
    public var articleCount: Int
    /// Chapters that received at least one article.
    public var chapterCount: Int
    public var imageCount: Int
    /// Size of the finished file.
    public var byteCount: Int
    /// Problems found while writing (oversized pages, images that were not
    /// bundled), tied to the article's file.
    public var diagnostics: [Diagnostic]
}
