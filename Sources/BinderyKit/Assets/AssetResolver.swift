import Foundation

/// One article after its images were resolved.
public struct ResolvedArticle: Sendable {
    /// The body with every picture `.bundled` under its asset's file name, or
    /// `.missing` (see `ImageRewriter`).
    public var article: CleanedArticle
    /// Every distinct asset the article uses, in order of first reference.
    public var assets: [Asset]
    /// One warning per distinct reference that could not be had.
    public var diagnostics: [Diagnostic]
    /// Pictures that could not be had (all of them when `includeImages == false`).
    public var missingImages: Int
}

/// Turns the image references of cleaned articles into bundled assets.
///
/// Intended use by an export (thread-safe throughout; `ArticlePipeline` does it):
/// 1. collect the `remoteReferences(in:)` of a batch of cleaned articles;
/// 2. `prefetch(_:progress:)` them together (downloads `jobs` at a time into
///    the persistent cache; offline: only looks the cache up);
/// 3. `resolve(_:)` each article (from any number of threads), then pass its
///    `assets` to an `AssetLedger` in book order.
///
/// A reference not prefetched is still found: `resolve` fetches it on demand.
public final class AssetResolver: @unchecked Sendable {
    public let options: AssetOptions
    private let remote: RemoteImages
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


    /// The http(s) URLs the article's images need, in order, without
    /// duplicates: absolute sources, and relative ones with no file beside
    /// the article (resolved against the article URL). Empty when images are
    /// disabled. Reads no file.
    public func remoteReferences(in article: CleanedArticle) -> [URL] {
        guard options.includeImages else { return [] }
        var seen = Set<String>()
        var urls: [URL] = []
        for picture in article.body.pictures where seen.insert(picture.source).inserted {
            if case .remote(let url) = ImageReference.classify(picture.source, in: article.article, realPaths: realPaths) {
                urls.append(url)
            }
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

    /// Whether `prefetch(_:progress:)` downloads anything: `false` offline
    /// or with images off, when collecting `remoteReferences(in:)` for it
    /// is wasted work.
    public var prefetchDownloads: Bool { remote.downloads }

    /// HTTP requests sent by this resolver (retries count once more each).
    public var requestsMade: Int { remote.requestsMade }

    /// Pictures missing in all `resolve` calls so far.
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

    /// Binds each picture of `article` to its asset, or marks it missing
    /// (see `ImageRewriter`); a tracking pixel goes without a trace. Returns
    /// every distinct asset the article uses and decides nothing about
    /// novelty (that is `AssetLedger`'s job, in book order), so it is safe
    /// to run for many articles at once.
    public func resolve(_ article: CleanedArticle) -> ResolvedArticle {
        var outcomes: [String: PictureOutcome] = [:]
        var order: [String] = []
        if options.includeImages {
            for picture in article.body.pictures where outcomes[picture.source] == nil {
                outcomes[picture.source] = outcome(for: picture.source, in: article.article)
                order.append(picture.source)
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
                let host = URIScheme.isWeb(src) ? URL(string: src)?.host?.lowercased() : nil
                diagnostics.append(Diagnostic(file: article.article.origin.displayName, "image \(shown) left out: \(failure)",
                                              kind: .pictureMissing, subject: shown,
                                              cause: (host.map { "pictures from \($0)" } ?? "pictures") + " left out: \(failure.cause)"))
            case .dropped?, nil:
                break
            }
        }

        var result = article
        let bound = ImageRewriter.bind(article.body, isDropped: { src in
            if case .dropped? = outcomes[src] { return true }
            return false
        }, fileName: { src in
            if case .asset(let asset)? = outcomes[src] { return asset.fileName }
            return nil
        })
        result.body = bound.body
        lock.lock()
        missingTotal += bound.missing
        lock.unlock()
        return ResolvedArticle(article: result, assets: assets, diagnostics: diagnostics, missingImages: bound.missing)
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
}
