import Foundation

/// One archived news article, as read from one file.
///
/// An `Article` carries the header facts only. The body HTML is loaded on
/// demand with `ArchiveReader.loadBody(of:)` so that a year of news never sits
/// in memory at once (see the speed-and-memory issue).
public struct Article: Sendable, Hashable {
    /// Where the article came from, for messages and for resolving local files.
    public var origin: SourceFile
    /// The headline, entities decoded, whitespace collapsed. Never empty
    /// (the reader falls back to the file name).
    public var title: String
    /// The canonical article URL from the title link, if it parsed as a URL.
    public var url: URL? {
        didSet { source = Self.source(of: url) }
    }
    /// The publishing site: the URL's host without a leading `www.`. Kept
    /// with the URL: pages, plans and bylines ask for it again and again,
    /// and `URL.host` takes the URL apart each time.
    public private(set) var source: String?
    /// The publication instant: the epoch line, else the date line. `nil`
    /// for an undated article (it goes into the "Undated" chapter).
    public var instant: Date?
    /// An author named in the date line (`<i>AUTHOR<br>DATE</i>`), if any.
    public var author: String?
    /// The size of the body as stored: between two copies of an article,
    /// the larger is the fuller one (a placeholder is a few hundred bytes).
    public var bodyBytes: Int
    /// The site's name as readers know it (`美国之音`), from the site rules
    /// (`SiteRules.annotate`); `nil` when no rule knows the site.
    public var publisher: String?
    /// The source a reposted article names in its title (`美国之音 | …`
    /// becomes title `…`, via `美国之音`).
    public var via: String?
    /// Labels the title started with (`[视频]`), without their brackets.
    public var titleMarkers: [String] = []
    /// Names of the site rules that changed the title or byline, for
    /// `bindery rules` (see `CleanedArticle.firedRules`).
    public var appliedRules: [String] = []
    /// The encoding the file was read in when it is not UTF-8 (`UTF-16LE`,
    /// `GB18030`…: `ArchiveEncoding`); `nil` for UTF-8.
    public var textEncoding: String?

    public init(origin: SourceFile, title: String, url: URL?, instant: Date?, author: String? = nil, bodyBytes: Int = 0) {
        self.origin = origin
        self.title = title
        self.url = url
        source = Self.source(of: url)
        self.instant = instant
        self.author = author
        self.bodyBytes = bodyBytes
    }

    private static func source(of url: URL?) -> String? {
        guard let host = url?.host, !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Who published it, as a byline shows it: the publisher's name, else the host.
    public var publisherName: String? { publisher ?? source }

    /// The title as headings and contents show it: its markers first, each
    /// in square brackets (`[视频] 标题`), the same in every output format.
    public var displayTitle: String {
        titleMarkers.isEmpty ? title : titleMarkers.map { "[\($0)] " }.joined() + title
    }
}

/// A file of the archive and the input folder it was found under.
public struct SourceFile: Sendable, Hashable {
    /// The absolute, standardized file URL.
    public var url: URL
    /// The folder whose contents an article may refer to (local images).
    /// For a file given directly on the command line, its own folder.
    public var root: URL
    /// The name shown in messages: the path relative to `root`'s parent when
    /// it can be, else the last path component.
    public var displayName: String

    public init(url: URL, root: URL, displayName: String) {
        self.url = url
        self.root = root
        self.displayName = displayName
    }

    /// The display name alone: equal files have equal names, and hashing
    /// two URLs cost more than the lookups it served (the book's plan keys
    /// its pages by file).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(displayName)
    }
}
