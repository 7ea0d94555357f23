import Foundation

/// One article after its images were resolved.
public struct ResolvedArticle: Sendable {
    /// The body with every `img src` rewritten to `linkPrefix + Asset.fileName`,
    /// or the image replaced by its text.
    public var article: CleanedArticle
    /// Every distinct asset the article uses, in order of first reference.
    public var assets: [Asset]
    /// One warning per distinct reference that could not be had.
    public var diagnostics: [Diagnostic]
    /// `img` elements replaced by their text (counting `includeImages == false`).
    public var missingImages: Int
}

/// Turns the image references of cleaned articles into bundled assets.
///
/// Intended use by an export (thread-safe throughout):
/// 1. clean every article, collect `remoteReferences(in:)`, drop the trees;
/// 2. `prefetch(_:progress:)` once with all of them (downloads `jobs` at a
///    time into the persistent cache; offline: only looks the cache up);
/// 3. clean again and `resolve(_:linkPrefix:)` each article (from any number
///    of threads), then pass its `assets` to an `AssetLedger` in book order —
///    or simply call `bind(_:linkPrefix:)` in book order, which does both.
///
/// A reference not prefetched is still found: `resolve` fetches it on demand.
public final class AssetResolver: @unchecked Sendable {
    public let options: AssetOptions
    private let remote: RemoteImages
    private let ledger = AssetLedger()
    private let lock = NSLock()
    private var missingTotal = 0
    /// Local files already read, by resolved path: a picture used by many
    /// articles is hashed once per export.
    private var localFiles: [String: Result<LocalFile, FetchFailure>] = [:]
    private struct LocalFile {
        var hash: String
        var type: ImageType
    }
    /// Processing for the output (`options.pictures`), or `nil` to bundle pictures as they are.
    private let pictures: PictureStep?
    private let realPaths = RealPaths()

    public init(options: AssetOptions) {
        self.options = options
        let remote = RemoteImages(options: options)
        self.remote = remote
        pictures = options.pictures.map { settings in
            PictureStep(processor: PictureProcessor(settings: settings, accepted: options.acceptedTypes), cache: remote.cache)
        }
    }

    // MARK: - Inspecting articles

    /// How many images the article shows (`img` elements), for `bindery list`.
    public static func imageCount(in article: CleanedArticle) -> Int {
        var count = 0
        forEachImage(in: article.body) { _ in count += 1 }
        return count
    }

    /// The http(s) URLs the article's images need, in order, without
    /// duplicates: absolute sources, and relative ones with no file beside
    /// the article (resolved against the article URL). Empty when images are
    /// disabled. Reads no file.
    public func remoteReferences(in article: CleanedArticle) -> [URL] {
        guard options.includeImages else { return [] }
        var seen = Set<String>()
        var urls: [URL] = []
        AssetResolver.forEachImage(in: article.body) { image in
            guard let src = image[attribute: "src"], seen.insert(src).inserted else { return }
            if case .remote(let url) = ImageReference.classify(src, in: article.article, realPaths: realPaths) { urls.append(url) }
        }
        return urls
    }

    // MARK: - Fetching

    /// Obtains all `urls` (duplicates fetched once) through the cache,
    /// `options.jobs` at a time. Blocks until done; `progress` is called
    /// from worker threads with (finished, total).
    public func prefetch(_ urls: [URL], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        guard options.includeImages else { return }
        remote.prefetch(urls, progress: progress)
    }

    /// HTTP requests sent by this resolver (retries count once more each).
    public var requestsMade: Int { remote.requestsMade }

    /// Images replaced by their text in all `resolve`/`bind` calls so far.
    public var missingImageCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return missingTotal
    }

    /// Pictures decoded and processed so far (0 when every one came from
    /// the processed-picture cache, or pictures are not processed).
    public var picturesProcessed: Int { pictures?.picturesProcessed ?? 0 }

    /// A warning when the cache folder is unusable (images then live in
    /// memory for this run); `nil` when all is well.
    public var cacheDiagnostic: Diagnostic? {
        remote.cache.problem.map { Diagnostic.warning(nil, $0) }
    }

    // MARK: - Binding

    /// Rewrites each `img` of `article` to `linkPrefix + asset.fileName`, or
    /// replaces it by its text when the image cannot be had. Returns the
    /// assets this resolver sees for the first time (each distinct content
    /// once, in call order: call in book order for a deterministic book) and
    /// the problems, tied to the article's file.
    public func bind(_ article: CleanedArticle, linkPrefix: String) -> (article: CleanedArticle, newAssets: [Asset], diagnostics: [Diagnostic]) {
        let resolved = resolve(article, linkPrefix: linkPrefix)
        return (resolved.article, ledger.admit(resolved.assets), resolved.diagnostics)
    }

    /// Like `bind`, but returns all the article's assets and decides nothing
    /// about novelty; safe to run for many articles at once.
    public func resolve(_ article: CleanedArticle, linkPrefix: String) -> ResolvedArticle {
        var outcomes: [String: PictureOutcome] = [:]
        var order: [String] = []
        if options.includeImages {
            AssetResolver.forEachImage(in: article.body) { image in
                let src = image[attribute: "src"] ?? ""
                guard outcomes[src] == nil else { return }
                outcomes[src] = outcome(for: src, in: article.article)
                order.append(src)
            }
        }

        var assets: [Asset] = []
        var names = Set<String>()
        var diagnostics: [Diagnostic] = []
        for src in order {
            switch outcomes[src] {
            case .asset(let asset)?:
                if names.insert(asset.fileName).inserted { assets.append(asset) }
            case .failure(let failure)?:
                let shown = src.hasPrefix("data:") ? "data: URI" : src
                diagnostics.append(.warning(article.article.origin.displayName, "image \(shown) left out: \(failure)"))
            case .dropped?, nil:
                break
            }
        }

        var rewriter = ImageRewriter(linkPrefix: linkPrefix, isDropped: { src in
            if case .dropped? = outcomes[src] { return true }
            return false
        }, fileName: { src in
            if case .asset(let asset)? = outcomes[src] { return asset.fileName }
            return nil
        })
        var result = article
        result.body = rewriter.rewrite(article.body)
        lock.lock()
        missingTotal += rewriter.replaced
        lock.unlock()
        return ResolvedArticle(article: result, assets: assets, diagnostics: diagnostics, missingImages: rewriter.replaced)
    }

    /// The picture a reference stands for, processed for the output when
    /// `options.pictures` is set, else as it is (types the output cannot
    /// carry then fail).
    private func outcome(for src: String, in article: Article) -> PictureOutcome {
        let source: SourcePicture
        switch loadSource(for: src, in: article) {
        case .success(let found): source = found
        case .failure(let failure): return .failure(failure)
        }
        if let pictures { return pictures.prepare(source) }
        guard options.acceptedTypes.contains(source.type) else { return .failure(.unsupportedType(source.type)) }
        guard let data = source.load() else { return .failure(.notCached) }
        return .asset(Asset(fileName: AssetResolver.fileName(hash: source.hash, type: source.type), type: source.type, data: data))
    }

    private func loadSource(for src: String, in article: Article) -> Result<SourcePicture, FetchFailure> {
        switch ImageReference.classify(src, in: article, realPaths: realPaths) {
        case .remote(let url):
            return remote.image(at: url).map { found in
                SourcePicture(hash: found.hash, type: found.type, load: { [remote] in remote.data(of: found) })
            }
        case .inline(let data):
            guard let type = ImageType.sniff(data) else { return .failure(.notAnImage(contentType: nil)) }
            return .success(SourcePicture(hash: SHA256.hexDigest(data), type: type, load: { data }))
        case .localFile(let path):
            lock.lock()
            let known = localFiles[path]
            lock.unlock()
            let maxBytes = options.maxImageBytes
            // Only the hash is remembered: the bytes are read again when
            // needed, so a week of large local photos never sits in memory.
            let reread: () -> Data? = { (try? LocalImageLoader.read(path, maxBytes: maxBytes).get())?.0 }
            if let known { return known.map { SourcePicture(hash: $0.hash, type: $0.type, load: reread) } }
            let read = LocalImageLoader.read(path, maxBytes: maxBytes)
                .map { data, type in (data: data, file: LocalFile(hash: SHA256.hexDigest(data), type: type)) }
            lock.lock()
            localFiles[path] = read.map(\.file)
            lock.unlock()
            return read.map { data, file in SourcePicture(hash: file.hash, type: file.type, load: { data }) }
        case .unusable(let reason):
            return .failure(.unusable(reason))
        }
    }

    static func asset(_ data: Data, type: ImageType) -> Asset {
        Asset(fileName: fileName(hash: SHA256.hexDigest(data), type: type), type: type, data: data)
    }

    /// First 16 hex digits of the content's SHA-256 plus the type's extension.
    static func fileName(hash: String, type: ImageType) -> String {
        "\(hash.prefix(16)).\(type.fileExtension)"
    }

    static func forEachImage(in nodes: [Node], _ body: (Element) -> Void) {
        for node in nodes {
            guard case .element(let element) = node else { continue }
            if element.name == "img" { body(element) } else { forEachImage(in: element.children, body) }
        }
    }
}
