import Foundation

/// The formats `bindery fetch` reads.
public enum FeedFormat: String, Sendable, Hashable {
    /// RSS 0.91–0.94 and 2.0 (`<rss>`).
    case rss
    /// RSS 0.90 and 1.0 (`<rdf:RDF>`).
    case rdf
    /// Atom 1.0 (RFC 4287).
    case atom
    /// JSON Feed 1.0 and 1.1.
    case json
}

/// One entry of a feed, as the feed says it: links resolved, text decoded,
/// HTML still HTML.
public struct FeedEntry: Sendable, Hashable {
    /// RSS `guid`, Atom `id`, JSON Feed `id`.
    public var id: String?
    /// Plain text (HTML titles are reduced to their text); `nil` when the
    /// feed gives none.
    public var title: String?
    /// The article's absolute http(s) URL.
    public var link: URL?
    public var published: Date?
    public var updated: Date?
    /// The full content as HTML (`content:encoded`, Atom `content`,
    /// `content_html`, or `content_text` escaped), links absolute.
    public var contentHTML: String?
    /// The summary as HTML (`description`, Atom `summary`, JSON `summary`).
    public var summaryHTML: String?
    public var author: String?
    /// A picture the feed names beside the text (`media:thumbnail`, an image
    /// `enclosure`, JSON `image`).
    public var imageURL: URL?

    public init(id: String? = nil, title: String? = nil, link: URL? = nil, published: Date? = nil, updated: Date? = nil,
                contentHTML: String? = nil, summaryHTML: String? = nil, author: String? = nil, imageURL: URL? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.contentHTML = contentHTML
        self.summaryHTML = summaryHTML
        self.author = author
        self.imageURL = imageURL
    }

    /// The best date the feed gives: published, else updated.
    public var date: Date? { published ?? updated }

    /// The HTML to archive: the full content where the feed has it, else the summary.
    public var bodyHTML: String { contentHTML ?? summaryHTML ?? "" }

    /// Whether the feed carries only a summary (what `--full-text` completes).
    public var hasOnlySummary: Bool { contentHTML == nil }
}

/// A feed document read into values.
public struct ParsedFeed: Sendable {
    public var format: FeedFormat
    public var title: String?
    /// The site's home page.
    public var siteLink: URL?
    public var entries: [FeedEntry]
    /// Problems met while reading (ill-formed XML, undecodable bytes…),
    /// each one line; reading went on past them.
    public var warnings: [String]
}

/// Thrown when a document is not a feed at all.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing could be read: empty, not XML or JSON, or no root element.
    case unreadable(String)
    /// Well-read XML or JSON, but not RSS, Atom or JSON Feed.
    case notAFeed(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "not a feed: \(reason)"
        case .notAFeed(let what): return "not a feed (\(what))"
        }
    }
}
