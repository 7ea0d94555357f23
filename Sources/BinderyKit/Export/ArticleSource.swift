import Foundation

/// Supplies a digest's articles, cleaned and with their images bound, in
/// book order. Renderers consume one article at a time so that nothing needs
/// the whole book in memory.
public protocol ArticleSource {
    /// Calls `body` once per article, in order, with the index of its chapter
    /// in `Digest.chapters`.
    func forEachArticle(_ body: (_ chapterIndex: Int, _ article: CleanedArticle) throws -> Void) throws
}

/// Articles already in memory (tests, small inputs).
public struct ArticleList: ArticleSource {
    public var items: [(chapterIndex: Int, article: CleanedArticle)]
    public init(_ items: [(chapterIndex: Int, article: CleanedArticle)]) { self.items = items }

    public func forEachArticle(_ body: (Int, CleanedArticle) throws -> Void) throws {
        for item in items { try body(item.chapterIndex, item.article) }
    }
}
