import Foundation

/// Assembles an EPUB 3.3 book. (Skeleton: the EPUB work replaces this.)
public final class EPUBWriter {
    public init(destination: URL, metadata: BookMetadata, digest: Digest, stylesheet: String) throws {}
    public func add(_ article: CleanedArticle, chapterIndex: Int) throws {}
    public func add(_ asset: Asset) throws {}
    public func finish() throws {}
}
