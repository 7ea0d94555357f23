import Foundation

/// Loads, cleans and (optionally) binds the images of a digest's articles,
/// handing them to a renderer in book order.
///
/// Articles go through in batches: each batch is loaded and cleaned on all
/// cores at once, its remote images fetched together, then bound and handed
/// on one by one. Only one batch is in memory at a time, so memory stays flat
/// however long the digest; and since the renderer sees articles strictly in
/// order, the output does not depend on scheduling.
public struct ArticlePipeline: ArticleSource {
    /// How images are turned into files, or `nil` to leave `img` elements as
    /// the cleaner wrote them (plain text, Markdown with remote images).
    public struct Binding {
        public var resolver: AssetResolver
        /// Prefix of bound `img src` values, e.g. `../images/`.
        public var linkPrefix: String
        /// Decides, in book order, which assets are new to the output.
        public var ledger: AssetLedger
        public init(resolver: AssetResolver, linkPrefix: String, ledger: AssetLedger = AssetLedger()) {
            self.resolver = resolver
            self.linkPrefix = linkPrefix
            self.ledger = ledger
        }
    }

    public var digest: Digest
    public var reader: ArchiveReader
    public var cleaner: ArticleCleaner
    public var binding: Binding?
    public var log: DiagnosticLog
    /// Articles per batch: large enough to keep both cores busy, small enough
    /// to keep memory flat.
    public var batchSize: Int
    /// Called after each article is handed on: (done, total).
    public var progress: ((Int, Int) -> Void)?

    public init(digest: Digest, reader: ArchiveReader = ArchiveReader(), cleaner: ArticleCleaner = ArticleCleaner(),
                binding: Binding?, log: DiagnosticLog, batchSize: Int = 64, progress: ((Int, Int) -> Void)? = nil) {
        self.digest = digest
        self.reader = reader
        self.cleaner = cleaner
        self.binding = binding
        self.log = log
        self.batchSize = max(1, batchSize)
        self.progress = progress
    }

    public func forEachArticle(_ body: (BoundArticle) throws -> Void) throws {
        let work: [(chapterIndex: Int, article: Article)] = digest.chapters.enumerated().flatMap { index, chapter in
            chapter.articles.map { (index, $0) }
        }
        var done = 0
        var start = 0
        while start < work.count {
            let batch = Array(work[start..<min(start + batchSize, work.count)])
            start += batch.count
            let cleaned = cleanConcurrently(batch.map(\.article))
            let bound = bindInOrder(cleaned)
            for (item, result) in zip(batch, bound) {
                try body(BoundArticle(chapterIndex: item.chapterIndex, cleaned: result.article, newAssets: result.newAssets))
                done += 1
                progress?(done, work.count)
            }
        }
    }

    /// Loads and cleans every article of a batch on all cores. A body that
    /// cannot be read becomes a warning and an article with an empty body,
    /// so the book still lists it.
    private func cleanConcurrently(_ articles: [Article]) -> [CleanedArticle] {
        let slots = ResultSlots<(CleanedArticle, [Diagnostic])>(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            let article = articles[index]
            let result: (CleanedArticle, [Diagnostic])
            do {
                let html = try reader.loadBody(of: article)
                result = cleaner.clean(article, html: html)
            } catch {
                result = (CleanedArticle(article: article, body: []),
                          [.warning(article.origin.displayName, "cannot read body: \(error)")])
            }
            slots.set(index, result)
        }
        return slots.values.map { cleaned, diagnostics in
            log.report(contentsOf: diagnostics)
            return cleaned
        }
    }

    /// Fetches the batch's remote images together, resolves every article's
    /// images on all cores, then admits the assets in book order — so which
    /// article "first" shows an image never depends on thread timing.
    private func bindInOrder(_ articles: [CleanedArticle]) -> [(article: CleanedArticle, newAssets: [Asset])] {
        guard let binding else { return articles.map { ($0, []) } }
        let resolver = binding.resolver
        var remote: [URL] = []
        var seen = Set<URL>()
        for article in articles {
            for url in resolver.remoteReferences(in: article) where seen.insert(url).inserted { remote.append(url) }
        }
        if !remote.isEmpty { resolver.prefetch(remote) }
        let slots = ResultSlots<ResolvedArticle>(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            slots.set(index, resolver.resolve(articles[index], linkPrefix: binding.linkPrefix))
        }
        return slots.values.map { resolved in
            log.report(contentsOf: resolved.diagnostics)
            return (resolved.article, binding.ledger.admit(resolved.assets))
        }
    }
}

/// Fixed slots written once each from concurrent iterations.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// All values, in index order. Every slot must have been set.
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
