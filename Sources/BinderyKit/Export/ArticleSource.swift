import Foundation

/// One article as a renderer receives it.
public struct BoundArticle: Sendable {
    /// Index of the article's chapter in `Digest.chapters`.
    public var chapterIndex: Int
    /// Cleaned body; when pictures were bound, each is `.bundled` under its
    /// `Asset.fileName` or `.missing`.
    public var cleaned: CleanedArticle
    /// Assets seen for the first time in this article: the renderer writes
    /// them (each distinct image arrives exactly once per export).
    public var newAssets: [Asset]

    public init(chapterIndex: Int, cleaned: CleanedArticle, newAssets: [Asset] = []) {
        self.chapterIndex = chapterIndex
        self.cleaned = cleaned
        self.newAssets = newAssets
    }

    public var article: Article { cleaned.article }
}

/// Supplies a digest's articles, cleaned (and with their images bound when
/// the renderer asked for it), in book order. Renderers consume one article
/// at a time so that nothing needs the whole book in memory.
public protocol ArticleSource {
    func forEachArticle(_ body: (BoundArticle) throws -> Void) throws

    /// Like `forEachArticle(_:)`, with a rendering step that the source may
    /// run for several articles at once, ahead of `body`: `prepare` must be
    /// pure and thread-safe; `body` still sees articles one by one, in order,
    /// each with what `prepare` made of it.
    func forEachArticle<Prepared>(preparing prepare: @escaping @Sendable (BoundArticle) -> Prepared,
                                  _ body: (BoundArticle, Prepared) throws -> Void) throws
}

extension ArticleSource {
    public func forEachArticle<Prepared>(preparing prepare: @escaping @Sendable (BoundArticle) -> Prepared,
                                         _ body: (BoundArticle, Prepared) throws -> Void) throws {
        try forEachArticle { article in try body(article, prepare(article)) }
    }
}

/// Articles already in memory (tests, small inputs).
public struct ArticleList: ArticleSource {
    public var items: [BoundArticle]
    public init(_ items: [BoundArticle]) { self.items = items }

    public func forEachArticle(_ body: (BoundArticle) throws -> Void) throws {
        for item in items { try body(item) }
    }
}
