import Foundation

/// Loads, cleans, binds the images of and pre-renders a digest's articles,
/// handing them to a renderer in book order.
///
/// Articles go through in batches. A producer thread works on two batches
/// at a time, in rounds: on all cores, it resolves the images of one batch
/// and runs the renderer's `prepare` step on its articles while it loads and
/// cleans the next batch's articles; then it admits the first batch's new
/// assets in book order, hands it on, and fetches the next batch's remote
/// images together. (With one batch per round, both cores waited at the end
/// of each of the two steps for the last article of the batch.) Meanwhile
/// the caller's thread consumes the batch handed on before. At most a few
/// batches exist at once, so memory stays flat however long the digest; and
/// since the renderer sees articles strictly in order, and diagnostics and
/// fetches follow batch order, the output does not depend on scheduling.
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
        let batchSize = self.batchSize
        Thread.start(named: "bindery-batches", stackSize: 8 << 20) {
            defer { producerDone.signal() }
            var start = 0
            func nextBatch() -> [(chapterIndex: Int, article: Article)] {
                let batch = Array(work[start..<min(start + batchSize, work.count)])
                start += batch.count
                return batch
            }
            var ready: CleanedBatch?
            repeat {
                let round = stages.round(binding: ready, cleaning: nextBatch(), prepare: prepare)
                if let bound = round.bound { handoff.put(bound) }
                // A consumer that gave up gets no more batches, and none is fetched for.
                guard !handoff.isCancelled else { break }
                ready = round.cleaned
                if let ready { stages.prefetch(ready) }
                // Checked again: the consumer may give up while pictures download.
            } while ready != nil && !handoff.isCancelled
            handoff.close()
        }

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

/// A batch whose articles are loaded and cleaned, in book order, with what
/// cleaning found (reported when the article is bound, so that each
/// article's diagnostics come together, in book order).
private struct CleanedBatch {
    var chapterIndices: [Int]
    var articles: [CleanedArticle]
    var diagnostics: [[Diagnostic]]
    /// Each article's remote pictures (`AssetResolver.remoteReferences`),
    /// gathered on all cores as it was cleaned; empty when nothing is downloaded.
    var remoteReferences: [[URL]]
}

/// The work on batches, run by the pipeline's producer thread.
private struct BatchStages: @unchecked Sendable {
    let reader: ArchiveReader
    let cleaner: ArticleCleaner
    let binding: ArticlePipeline.Binding?
    let log: DiagnosticLog
    let pictures: PictureCounter

    /// One round on all cores: binds and prepares `ready` (resolves its
    /// images, runs `prepare`) while loading and cleaning `next`. `ready`'s
    /// diagnostics are reported article by article, in book order: what
    /// cleaning found, then what binding found.
    func round<Prepared>(binding ready: CleanedBatch?, cleaning next: [(chapterIndex: Int, article: Article)],
                         prepare: @Sendable (BoundArticle) -> Prepared)
        -> (bound: [(BoundArticle, Prepared)]?, cleaned: CleanedBatch?) {
        let readyCount = ready?.articles.count ?? 0
        let bindings = ResultSlots<(BoundArticle, Prepared, [Diagnostic], [Asset])>(count: readyCount)
        let cleanings = ResultSlots<(CleanedArticle, [Diagnostic], [URL])>(count: next.count)
        // Cleaning first: it is the larger share of an article's work, and
        // the short binding tasks then fill the cores at the end of the round.
        DispatchQueue.concurrentPerform(iterations: next.count + readyCount) { index in
            if index < next.count {
                cleanings.set(index, clean(next[index].article))
            } else if let ready {
                let position = index - next.count
                bindings.set(position, bind(ready.articles[position], chapterIndex: ready.chapterIndices[position], prepare: prepare))
            }
        }
        // Which assets are new is decided here, in book order, never by timing.
        let bound = ready.map { ready in
            zip(bindings.values, ready.diagnostics).map { binding, cleaningDiagnostics in
                var (bound, prepared, diagnostics, assets) = binding
                log.report(contentsOf: cleaningDiagnostics + diagnostics)
                if let ledger = self.binding?.ledger { bound.newAssets = ledger.admit(assets) }
                return (bound, prepared)
            }
        }
        guard !next.isEmpty else { return (bound, nil) }
        let cleaned = cleanings.values
        return (bound, CleanedBatch(chapterIndices: next.map(\.chapterIndex), articles: cleaned.map(\.0),
                                    diagnostics: cleaned.map(\.1), remoteReferences: cleaned.map(\.2)))
    }

    /// Loads and cleans one article, and lists its remote pictures when they
    /// are to be downloaded. A body that cannot be read becomes a warning
    /// and an article with an empty body, so the book still lists it.
    private func clean(_ article: Article) -> (CleanedArticle, [Diagnostic], [URL]) {
        let (cleaned, diagnostics): (CleanedArticle, [Diagnostic])
        do {
            let html = try reader.loadBody(of: article)
            (cleaned, diagnostics) = cleaner.clean(article, html: html)
        } catch {
            (cleaned, diagnostics) = (CleanedArticle(article: article, body: []),
                                      [.warning(article.origin.displayName, "cannot read body: \(error)")])
        }
        guard let resolver = binding?.resolver, resolver.prefetchDownloads else { return (cleaned, diagnostics, []) }
        return (cleaned, diagnostics, resolver.remoteReferences(in: cleaned))
    }

    /// Resolves one article's images (when pictures are bound) and prepares it.
    private func bind<Prepared>(_ cleaned: CleanedArticle, chapterIndex: Int, prepare: @Sendable (BoundArticle) -> Prepared)
        -> (BoundArticle, Prepared, [Diagnostic], [Asset]) {
        var article = cleaned
        var diagnostics: [Diagnostic] = []
        var assets: [Asset] = []
        if let binding {
            let resolved = binding.resolver.resolve(article)
            article = resolved.article
            diagnostics = resolved.diagnostics
            assets = resolved.assets
        }
        let bound = BoundArticle(chapterIndex: chapterIndex, cleaned: article)
        return (bound, prepare(bound), diagnostics, assets)
    }

    /// Fetches the batch's remote images together (`jobs` at a time), once
    /// the batch before it is bound. This runs on the producer alone, between
    /// rounds: the references were gathered on all cores.
    func prefetch(_ batch: CleanedBatch) {
        guard let resolver = binding?.resolver else { return }
        var remote: [URL] = []
        var seen = Set<URL>()
        for references in batch.remoteReferences {
            for url in references where seen.insert(url).inserted { remote.append(url) }
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
