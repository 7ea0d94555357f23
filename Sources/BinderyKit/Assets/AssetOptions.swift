import Foundation

/// How images are obtained.
public struct AssetOptions: Sendable {
    /// `false` (`--no-images`): text only; every image is replaced by its
    /// caption/alt text, silently.
    public var includeImages: Bool
    /// Use the cache only; fetch nothing.
    public var offline: Bool
    /// For proxied images: which URL to try first (the other is the fallback).
    public var sourcePolicy: ImageSourcePolicy
    /// Persistent cache folder; `nil` keeps images in memory for one run.
    /// Defaults to `$XDG_CACHE_HOME/bindery` or `~/.cache/bindery`.
    public var cacheDirectory: URL?
    /// Concurrent downloads.
    public var jobs: Int
    /// Inactivity timeout per request, seconds (the whole request is cut off
    /// after six times this).
    public var requestTimeout: TimeInterval
    /// Pause before the one retry of a timed-out or 5xx request, seconds.
    public var retryDelay: TimeInterval
    public var maxRedirects: Int
    /// Largest image accepted, bytes (downloads and local files).
    public var maxImageBytes: Int
    /// Total bytes downloaded per export (per resolver); later images fail.
    public var downloadBudgetBytes: Int
    /// How long a failed URL is not tried again, seconds.
    public var failureMemory: TimeInterval
    /// Image proxies seen through (`ImageProxy.common` by default).
    public var proxies: [ImageProxy]
    public var userAgent: String
    /// The time used for failure-memory expiry only (never for output).
    public var now: @Sendable () -> Date
    /// Image types the output carries as they are. With `pictures` set, the
    /// others are converted to JPEG or PNG; without, they are left out with
    /// a warning. EPUB 3.2 readers (and epubcheck 4) accept JPEG, PNG, GIF
    /// and SVG only (`AssetOptions.epubTypes`); notes apps show what
    /// browsers show (`webTypes`).
    public var acceptedTypes: Set<ImageType> = AssetOptions.webTypes
    /// How pictures are prepared for the reader (scaled, converted, greyed),
    /// or `nil` to bundle them byte for byte.
    public var pictures: PictureSettings?

    /// The core image media types of EPUB 3.2 (§3.2 Core Media Types).
    public static let epubTypes: Set<ImageType> = [.jpeg, .png, .gif, .svg]
    /// What every browser engine shows (and so every notes app).
    public static let webTypes: Set<ImageType> = [.jpeg, .png, .gif, .webp, .svg]

    public init(
        includeImages: Bool = true,
        offline: Bool = false,
        sourcePolicy: ImageSourcePolicy = .asWritten,
        cacheDirectory: URL? = AssetOptions.defaultCacheDirectory(),
        jobs: Int = 6,
        requestTimeout: TimeInterval = 20,
        retryDelay: TimeInterval = 1,
        maxRedirects: Int = 5,
        maxImageBytes: Int = 15_000_000,
        downloadBudgetBytes: Int = 300_000_000,
        failureMemory: TimeInterval = 24 * 60 * 60,
        proxies: [ImageProxy] = ImageProxy.common,
        userAgent: String = BinderyVersion.userAgent,
        pictures: PictureSettings? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.includeImages = includeImages
        self.offline = offline
        self.sourcePolicy = sourcePolicy
        self.cacheDirectory = cacheDirectory
        self.jobs = max(1, jobs)
        self.requestTimeout = requestTimeout
        self.retryDelay = retryDelay
        self.maxRedirects = maxRedirects
        self.maxImageBytes = maxImageBytes
        self.downloadBudgetBytes = downloadBudgetBytes
        self.failureMemory = failureMemory
        self.proxies = proxies
        self.userAgent = userAgent
        self.pictures = pictures
        self.now = now
    }

    /// `$XDG_CACHE_HOME/bindery`, else `~/.cache/bindery`; `nil` without a home.
    public static func defaultCacheDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        AssetCache.defaultDirectory(environment: environment)
    }
}
