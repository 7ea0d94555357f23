import Foundation

/// The whole `bindery epub` job after selection: images resolved against
/// the cache and the network and prepared for the reader, pages rendered on
/// all cores, a cover drawn (or the user's), the book written atomically —
/// and, with a size budget, made smaller or split into volumes
/// (`EPUBVolumes`).
public struct EPUBExport {
    public var digest: Digest
    public var metadata: BookMetadata
    public var stylesheet: String
    public var assets: AssetOptions
    /// `false` leaves the book without a cover.
    public var makesCover: Bool
    /// Cleans each body (with the site rules in use).
    public var cleaner: ArticleCleaner
    /// The user's cover picture (`--cover`): wins over the drawn one.
    public var coverPicture: Data?
    /// Largest book in bytes (`--max-size`); `nil` for no limit.
    public var maxBytes: Int?
    /// Set for one volume of a split book: its label and the name the cover shows (the whole book's).
    var volume: (label: String, coverName: String)?
    /// Sections on chapter pages (`--sections`).
    public var layout = BookLayout()

    public init(digest: Digest, metadata: BookMetadata, stylesheet: String = DefaultStylesheet.css,
                assets: AssetOptions = AssetOptions(pictures: .digestDefault), makesCover: Bool = true,
                coverPicture: Data? = nil, maxBytes: Int? = nil, cleaner: ArticleCleaner = ArticleCleaner()) {
        self.digest = digest
        self.metadata = metadata
        self.stylesheet = stylesheet
        self.assets = assets
        self.makesCover = makesCover
        self.cleaner = cleaner
        self.coverPicture = coverPicture
        self.maxBytes = maxBytes
    }

    public struct Result: Sendable {
        /// The book; for a split book, the first volume.
        public var summary: EPUBSummary
        /// Every volume, in order, when the book was split; empty otherwise.
        public var volumes: [EPUBSummary] = []
        /// What `--max-size` did (`nil` when the book fitted as it was).
        public var sizeReport: String?
        /// Pictures that could not be had and were replaced by their text.
        public var missingImages: Int
        /// HTTP requests sent for pictures.
        public var requests: Int
        /// Pictures decoded and processed (0 when all came from the cache).
        public var picturesProcessed: Int
    }

    /// Writes the book to `destination` (or, when it is over `maxBytes`,
    /// smaller or in volumes beside it); problems go to `log`. Throws only
    /// when the book itself cannot be written (nothing is left behind then).
    /// `progress`: articles bound of all; `picturesFetched`: pictures
    /// downloaded so far (called from download threads). With a size budget
    /// both start again for each trial book.
    public func write(to destination: URL, log: DiagnosticLog, progress: ((Int, Int) -> Void)? = nil,
                      picturesFetched: (@Sendable (Int) -> Void)? = nil) throws -> Result {
        if let maxBytes {
            return try EPUBVolumes(export: self, maxBytes: maxBytes)
                .write(to: destination, log: log, progress: progress, picturesFetched: picturesFetched)
        }
        let leftovers = Leftovers()
        defer { leftovers.releaseInBackground() }
        return try writeBook(to: destination, log: log, progress: progress, picturesFetched: picturesFetched,
                             leftovers: leftovers).result
    }

    /// One book, whatever its size, with what the size budget needs to know about it.
    /// `leftovers`: where the writer and the pipeline are kept, to be freed by the caller's choice.
    func writeBook(to destination: URL, log: DiagnosticLog, progress: ((Int, Int) -> Void)?,
                   picturesFetched: (@Sendable (Int) -> Void)?, leftovers: Leftovers? = nil) throws -> (result: Result, sizes: BookSizes) {
        var options = assets
        // EPUB 3.2 core media types: other types are converted, or left out when pictures are not processed.
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
        var sizes = BookSizes(chapterCount: digest.chapters.count)
        let renderer = writer.pageRenderer
        // The cover is drawn on another thread as soon as the first chapter,
        // which gives its lead picture, is bound: it costs no time at the end,
        // and its memory comes before the book's lists have grown.
        var cover: BackgroundWork<(Asset?, [Diagnostic])>?
        var coverStarted = false
        do {
            try pipeline.forEachArticle(preparing: { renderer.prepare($0) }) { bound, page in
                if bound.chapterIndex == 0 {
                    firstChapterImages += bound.newAssets
                } else if !coverStarted {
                    cover = drawCover(firstChapterImages: firstChapterImages, pictures: options.pictures)
                    coverStarted = true
                }
                sizes.add(bound, page: page)
                try writer.add(bound, prepared: page)
            }
        } catch {
            _ = cover?.wait()  // nothing of a failed export runs on
            throw error
        }
        if !coverStarted { cover = drawCover(firstChapterImages: firstChapterImages, pictures: options.pictures) }
        if let (asset, diagnostics) = cover?.wait() {
            // Reported here, not as they arose: the order of warnings does not depend on timing.
            log.report(contentsOf: diagnostics)
            if let asset { try writer.setCover(asset) }
        }
        let summary = try writer.finish()
        log.report(contentsOf: summary.diagnostics)
        sizes.total = summary.byteCount
        let result = Result(summary: summary, missingImages: resolver.missingImageCount, requests: resolver.requestsMade,
                            picturesProcessed: resolver.picturesProcessed)
        leftovers?.keep((writer, pipeline, resolver))
        return (result, sizes)
    }

    /// Starts drawing the cover (or fitting the user's), or `nil` for a book without one.
    private func drawCover(firstChapterImages: [Asset], pictures: PictureSettings?) -> BackgroundWork<(Asset?, [Diagnostic])>? {
        guard makesCover else { return nil }
        let cover = BookCover(userPicture: coverPicture, pictures: pictures)
        let lead = AssetResolver.coverImage(among: firstChapterImages, minimumSide: BookCover.leadPictureMinimumSide)
        let name = volume?.coverName ?? CoverContent.name(of: metadata)
        let (digest, metadata, label) = (digest, metadata, volume?.label)
        return BackgroundWork {
            let log = DiagnosticLog()
            let asset = cover.make(name: name, digest: digest, metadata: metadata, volume: label, lead: lead, log: log)
            return (asset, log.all)
        }
    }
}
