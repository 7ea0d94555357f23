import Foundation

/// What a whole book (or digest) says about itself.
public struct BookMetadata: Sendable {
    public var title: String
    /// BCP 47 tag, e.g. `zh`, `en`.
    public var language: String
    /// Creators, in order (`Bindery` unless `--creator` is given).
    public var creators: [String]
    public var publisher: String?
    /// The sources (publisher names, else hosts), most articles first: the
    /// book's `dc:contributor`s and the title page's list.
    public var contributors: [String] = []
    /// The collection recurring digests belong to (`--series`), so readers
    /// shelve the weeks together (`belongs-to-collection`).
    public var series: String?
    /// Stable for the same selection: `urn:uuid:` derived from the article URLs and options.
    public var identifier: String
    /// "Now" from the build clock (`SOURCE_DATE_EPOCH`), whole seconds.
    public var modified: Date
    /// The instants of the first and last dated articles.
    public var dateRange: ClosedRange<Date>?
    public var timeZone: TimeZone
    public var grouping: Grouping

    public init(title: String, language: String, creators: [String], publisher: String?, identifier: String,
                modified: Date, dateRange: ClosedRange<Date>?, timeZone: TimeZone, grouping: Grouping) {
        self.title = title
        self.language = language
        self.creators = creators
        self.publisher = publisher
        self.identifier = identifier
        self.modified = modified
        self.dateRange = dateRange
        self.timeZone = timeZone
        self.grouping = grouping
    }
}
