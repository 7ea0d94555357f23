import Foundation

/// Loads, cleans, binds the images of and pre-renders a digest's articles,
/// handing them to a renderer in book order.
///
/// Articles go through in batches. A producer thread takes one batch at a
/// time: loads and cleans its articles on all cores, fetches their remote
/// images together, resolves images and runs the renderer's `prepare` step on
/// all cores again, then admits new assets in book order. Meanwhile the
/// caller's thread consumes the previous batch. At most a few batches exist
/// at once, so memory stays flat however long the digest; and since the
/// renderer sees articles strictly in order, the output does not depend on
/// scheduling.
public struct ArticlePipeline: ArticleSource {
    /// How pictures are turned into files, or `nil` to leave them
    /// `.unbound` (plain text, Markdown with remote pictures).
    public struct Binding: @unchecked Sendable {
        public var resolver: AssetResolver
        /// Decides, in book order, which assets are new to the output.
        public var ledger: AssetLedger
        public init(resolver: AssetResolver, ledger: AssetLedger = AssetLedger()) {
            self.resolver = resolver
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
    /// Called as pictures are downloaded: how many so far in this export.
    public var picturesFetched: (@Sendable (Int) -> Void)?

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
        try forEachArticle(preparing: { _ in () }) { article, _ in try body(article) }
    }

    public func forEachArticle<Prepared>(preparing prepare: @escaping @Sendable (BoundArticle) -> Prepared,
                                         _ body: (BoundArticle, Prepared) throws -> Void) throws {
        let work: [(chapterIndex: Int, article: Article)] = digest.chapters.enumerated().flatMap { index, chapter in
            chapter.articles.map { (index, $0) }
        }
        let stages = BatchStages(reader: reader, cleaner: cleaner, binding: binding, log: log,
                                 pictures: PictureCounter(report: picturesFetched))
        // One batch waits ready while the next is made: enough to keep both
        // cores busy without letting the producer run far ahead.
        let handoff = Handoff<[(BoundArticle, Prepared)]>(capacity: 1)
        let producerDone = DispatchSemaphore(value: 0)
        let producer = Thread {
            defer { producerDone.signal() }
            var start = 0
            while start < work.count, !handoff.isCancelled {
                let batch = Array(work[start..<min(start + batchSize, work.count)])
                start += batch.count
                handoff.put(stages.run(batch, prepare: prepare))
            }
            handoff.close()
        }
        producer.name = "bindery-pipeline"
        producer.stackSize = 8 << 20
        producer.start()

        var done = 0
        do {
            while let items = handoff.take() {
                for (article, prepared) in items {
                    try body(article, prepared)
                    done += 1
                    progress?(done, work.count)
                }
            }
        } catch {
            // Stop the producer and wait for it: nothing of this export may
            // still run once the caller sees the error.
            handoff.cancel()
            producerDone.wait()
            throw error
        }
        producerDone.wait()
    }
}

/// The work on one batch, run by the pipeline's producer thread.
private struct BatchStages: @unchecked Sendable {
    let reader: ArchiveReader
    let cleaner: ArticleCleaner
    let binding: ArticlePipeline.Binding?
    let log: DiagnosticLog
    let pictures: PictureCounter

    func run<Prepared>(_ batch: [(chapterIndex: Int, article: Article)],
                       prepare: @Sendable (BoundArticle) -> Prepared) -> [(BoundArticle, Prepared)] {
        let cleaned = clean(batch.map(\.article))
        if let binding { prefetch(cleaned, binding.resolver) }
        // Resolve images and render, article by article, on all cores.
        let slots = ResultSlots<(BoundArticle, Prepared, [Diagnostic], [Asset])>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            var article = cleaned[index]
            var diagnostics: [Diagnostic] = []
            var assets: [Asset] = []
            if let binding {
                let resolved = binding.resolver.resolve(article)
                article = resolved.article
                diagnostics = resolved.diagnostics
                assets = resolved.assets
            }
            let bound = BoundArticle(chapterIndex: batch[index].chapterIndex, cleaned: article)
            slots.set(index, (bound, prepare(bound), diagnostics, assets))
        }
        // Which assets are new is decided here, in book order, never by timing.
        return slots.values.map { bound, prepared, diagnostics, assets in
            log.report(contentsOf: diagnostics)
            var bound = bound
            if let binding { bound.newAssets = binding.ledger.admit(assets) }
            return (bound, prepared)
        }
    }

    /// Loads and cleans every article on all cores. A body that cannot be
    /// read becomes a warning and an article with an empty body, so the book
    /// still lists it.
    private func clean(_ articles: [Article]) -> [CleanedArticle] {
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

    /// Fetches the batch's remote images together (`jobs` at a time).
    private func prefetch(_ articles: [CleanedArticle], _ resolver: AssetResolver) {
        var remote: [URL] = []
        var seen = Set<URL>()
        for article in articles {
            for url in resolver.remoteReferences(in: article) where seen.insert(url).inserted { remote.append(url) }
        }
        guard !remote.isEmpty else { return }
        let pictures = self.pictures
        resolver.prefetch(remote) { done, _ in pictures.finished(done) }
        pictures.endBatch()
    }
}

/// Pictures downloaded across batches, for progress: each batch counts from
/// zero, the counter adds the batches before it.
private final class PictureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var earlierBatches = 0
    private var thisBatch = 0
    private let report: (@Sendable (Int) -> Void)?

    init(report: (@Sendable (Int) -> Void)?) { self.report = report }

    func finished(_ doneInBatch: Int) {
        guard let report else { return }
        lock.lock()
        thisBatch = max(thisBatch, doneInBatch)
        let total = earlierBatches + thisBatch
        lock.unlock()
        report(total)
    }

    func endBatch() {
        lock.lock()
        earlierBatches += thisBatch
        thisBatch = 0
        lock.unlock()
    }
}
