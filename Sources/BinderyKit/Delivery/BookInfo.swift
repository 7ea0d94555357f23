import Foundation

/// What a catalog shows about one EPUB: read from the book's own package
/// document (OPF), so the library needs no database.
public struct BookInfo: Sendable, Hashable {
    public var title: String
    public var authors: [String]
    /// `dc:language` (BCP 47), if the book declares one.
    public var language: String?
    /// `dc:identifier` named by the package's `unique-identifier`.
    public var identifier: String?
    /// `dc:description`, as plain text.
    public var summary: String?
    /// `dc:date`, as written (`2024-01-15` or a full W3C date-time).
    public var published: String?
    /// `dcterms:modified`, when it parses.
    public var modified: Date?
    /// EPUB 3 `belongs-to-collection` or calibre's `calibre:series`.
    public var series: String?
    /// The cover image's entry in the zip and its declared media type.
    public var cover: CoverEntry?

    public struct CoverEntry: Sendable, Hashable {
        /// Full path of the entry inside the container.
        public var path: String
        public var mediaType: String
    }

    /// The name a series is listed under: the declared series, else the
    /// first author (a Bindery digest's creator is its sources' hosts, which
    /// is what tells one digest from another).
    public var seriesName: String {
        if let series, !series.isEmpty { return series }
        return authors.first ?? "—"
    }
}
