import Foundation

/// The whole `bindery epub` job after selection: images resolved against
/// the cache and the network, pages rendered on all cores, the most prominent
/// picture of the first chapter made the cover, the book written atomically.
public struct EPUBExport {
    public var digest: Digest
    public var metadata: BookMetadata
    public var stylesheet: String
    public var assets: AssetOptions
    /// A cover page needs a picture; `false` leaves the book without one.
    public var makesCover: Bool
    /// Cleans each body (with the site rules in use).
    public var cleaner: ArticleCleaner
    /// Sections on chapter pages (`--sections`).
    public var layout = BookLayout()

    public init(digest: Digest, metadata: BookMetadata, stylesheet: String = DefaultStylesheet.css,
                assets: AssetOptions = AssetOptions(), makesCover: Bool = true, cleaner: ArticleCleaner = ArticleCleaner()) {
        self.digest = digest
        self.metadata = metadata
        self.stylesheet = stylesheet
        self.assets = assets
        self.makesCover = makesCover
        self.cleaner = cleaner
    }

    public struct Result: Sendable {
        public var summary: EPUBSummary
        /// Pictures that could not be had and were replaced by their text.
        public var missingImages: Int
        /// HTTP requests sent for pictures.
        public var requests: Int
    }

    /// Writes the book to `destination`; problems go to `log`. Throws only
    /// when the book itself cannot be written (nothing is left behind then).
    /// `progress`: articles bound of all; `picturesFetched`: pictures
    /// downloaded so far (called from download threads).
    public func write(to destination: URL, log: DiagnosticLog, progress: ((Int, Int) -> Void)? = nil,
                      picturesFetched: (@Sendable (Int) -> Void)? = nil) throws -> Result {
        var options = assets
        // EPUB 3.2 core media types: readers (and epubcheck 4) lack WebP.
        options.acceptedTypes = options.acceptedTypes.intersection(AssetOptions.epubTypes)
        let resolver = AssetResolver(options: options)
        if let problem = resolver.cacheDiagnostic { log.report(problem) }
        var layout = layout
        layout.marksMissingPictures = options.includeImages
        let writer = try EPUBWriter(destination: destination, metadata: metadata, digest: digest, stylesheet: stylesheet, layout: layout)
        var pipeline = ArticlePipeline(digest: digest, cleaner: cleaner, binding: .init(resolver: resolver),
                                       log: log, progress: progress)
        pipeline.picturesFetched = picturesFetched
        var firstChapterImages: [Asset] = []
        let renderer = writer.pageRenderer
        try pipeline.forEachArticle(preparing: { renderer.prepare($0) }) { bound, page in
            if bound.chapterIndex == 0 { firstChapterImages += bound.newAssets }
            try writer.add(bound, prepared: page)
        }
        if makesCover, let cover = AssetResolver.coverImage(among: firstChapterImages) {
            try writer.setCover(cover)
        }
        let summary = try writer.finish()
        log.report(contentsOf: summary.diagnostics)
        return Result(summary: summary, missingImages: resolver.missingImageCount, requests: resolver.requestsMade)
    }
}
