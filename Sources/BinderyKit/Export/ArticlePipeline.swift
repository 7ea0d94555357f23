import Foundation

/// Loads, cleans, binds the images of and pre-renders a digest's articles,
/// handing them to a renderer in book order.
///
/// Articles go through in batches. A producer thread works on two batches
/// at a time, in rounds: on all cores, it resolves the images of one batch
/// and runs the renderer's `prepare` step on its articles while it loads and
/// cleans the next batch's articles; then it hands the first batch on and
/// fetches the next batch's remote images together. (With one batch per
/// round, both cores waited at the end of each of the two steps for the last
/// article of the batch.) Meanwhile the caller's thread consumes the batch
/// handed on before, article by article: it reports the article's
/// diagnostics, admits its new assets, then calls the body. The producer
/// keeps to work that runs on all cores, since every moment it spends alone
/// between rounds leaves a core idle. At most a few batches exist at once,
/// so memory stays flat however long the digest; and since the renderer sees
/// articles strictly in order, and diagnostics, assets and fetches follow
/// book order, the output does not depend on scheduling.
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
        let stages = BatchStages(reader: reader, cleaner: cleaner, binding: binding,
                                 pictures: PictureCounter(report: picturesFetched))
        // One batch waits ready while the next is made: enough to keep both
        // cores busy without letting the producer run far ahead.
        let handoff = Handoff<[BoundItem<Prepared>]>(capacity: 1)
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
        let ledger = binding?.ledger
        do {
            while let items = handoff.take() {
                for item in items {
                    log.report(contentsOf: item.diagnostics)
                    var article = item.article
                    // Which assets are new is decided here, in book order, never by timing.
                    if let ledger { article.newAssets = ledger.admit(item.assets) }
                    try body(article, item.prepared)
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
    /// Each article's binding task takes it out, so that the cleaned body it
    /// replaces is freed there, on all cores, not by the producer alone.
    var articles: ResultSlots<CleanedArticle>
    var diagnostics: [[Diagnostic]]
    /// Each article's remote pictures (`AssetResolver.remoteReferences`),
    /// gathered on all cores as it was cleaned; empty when nothing is downloaded.
    var remoteReferences: [[URL]]

    var count: Int { chapterIndices.count }
}

/// A bound and prepared article on its way to the consumer, with what is
/// still to be done in book order: its diagnostics to report and its assets
/// to admit (`AssetLedger`).
private struct BoundItem<Prepared> {
    var article: BoundArticle
    var prepared: Prepared
    var diagnostics: [Diagnostic]
    var assets: [Asset]
}

/// The work on batches, run by the pipeline's producer thread.
private struct BatchStages: @unchecked Sendable {
    let reader: ArchiveReader
    let cleaner: ArticleCleaner
    let binding: ArticlePipeline.Binding?
    let pictures: PictureCounter

    /// One round on all cores: binds and prepares `ready` (resolves its
    /// images, runs `prepare`) while loading and cleaning `next`. Each bound
    /// article carries its diagnostics, in order: what cleaning found, then
    /// what binding found.
    func round<Prepared>(binding ready: CleanedBatch?, cleaning next: [(chapterIndex: Int, article: Article)],
                         prepare: @Sendable (BoundArticle) -> Prepared)
        -> (bound: [BoundItem<Prepared>]?, cleaned: CleanedBatch?) {
        let readyCount = ready?.count ?? 0
        let bindings = ResultSlots<BoundItem<Prepared>>(count: readyCount)
        let articles = ResultSlots<CleanedArticle>(count: next.count)
        let findings = ResultSlots<(diagnostics: [Diagnostic], remote: [URL])>(count: next.count)
        // Cleaning first: it is the larger share of an article's work, and
        // the short binding tasks then fill the cores at the end of the round.
        DispatchQueue.concurrentPerform(iterations: next.count + readyCount) { index in
            if index < next.count {
                let (article, diagnostics, remote) = clean(next[index].article)
                articles.set(index, article)
                findings.set(index, (diagnostics, remote))
            } else if let ready {
                let position = index - next.count
                bindings.set(position, bind(ready.articles.take(position), chapterIndex: ready.chapterIndices[position],
                                            cleaningDiagnostics: ready.diagnostics[position], prepare: prepare))
            }
        }
        let bound = ready.map { _ in bindings.values }
        guard !next.isEmpty else { return (bound, nil) }
        let found = findings.values
        return (bound, CleanedBatch(chapterIndices: next.map(\.chapterIndex), articles: articles,
                                    diagnostics: found.map(\.diagnostics), remoteReferences: found.map(\.remote)))
    }

    /// Loads and cleans one article, and lists its remote pictures when they
    /// are to be downloaded. A body that cannot be read becomes a warning
    /// and an article with an empty body, so the book still lists it.
    private func clean(_ article: Article) -> (CleanedArticle, [Diagnostic], [URL]) {
        let (cleaned, diagnostics): (CleanedArticle, [Diagnostic])
        do {
            (cleaned, diagnostics) = cleaner.clean(article, body: try reader.readBody(of: article))
        } catch {
            (cleaned, diagnostics) = (CleanedArticle(article: article, body: []),
                                      [.warning(article.origin.displayName, "cannot read body: \(error)")])
        }
        guard let resolver = binding?.resolver, resolver.prefetchDownloads else { return (cleaned, diagnostics, []) }
        return (cleaned, diagnostics, resolver.remoteReferences(in: cleaned))
    }

    /// Resolves one article's images (when pictures are bound) and prepares it.
    private func bind<Prepared>(_ cleaned: CleanedArticle, chapterIndex: Int, cleaningDiagnostics: [Diagnostic],
                                prepare: @Sendable (BoundArticle) -> Prepared) -> BoundItem<Prepared> {
        var article = cleaned
        var diagnostics = cleaningDiagnostics
        var assets: [Asset] = []
        if let binding {
            let resolved = binding.resolver.resolve(article)
            article = resolved.article
            diagnostics += resolved.diagnostics
            assets = resolved.assets
        }
        let bound = BoundArticle(chapterIndex: chapterIndex, cleaned: article)
        return BoundItem(article: bound, prepared: prepare(bound), diagnostics: diagnostics, assets: assets)
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
