import Foundation

/// What a generated cover says, already in the book's language.
public struct CoverText: Sendable {
    /// The digest's name, largest on the cover.
    public var title: String
    /// The period covered, e.g. `15–21 January 2024`.
    public var period: String?
    /// A small line above the title (e.g. `Volume 1 of 2`).
    public var kicker: String?
    /// The heading over the headlines (`In this issue`).
    public var headlinesLabel: String
    /// The top headlines, most important first; as many as fit are shown.
    public var headlines: [String]
    /// The closing line (sources, article count).
    public var footer: String?
    /// A lead picture (any type Bindery reads), shown between title and headlines.
    public var picture: Data?
    /// BCP 47 tag of the text: picks regional glyph forms, and full-width
    /// (CJK) or proportional (other languages) quotation marks.
    public var language: String

    public init(title: String, period: String? = nil, kicker: String? = nil, headlinesLabel: String,
                headlines: [String], footer: String? = nil, picture: Data? = nil, language: String = "en") {
        self.title = title
        self.period = period
        self.kicker = kicker
        self.headlinesLabel = headlinesLabel
        self.headlines = headlines
        self.footer = footer
        self.picture = picture
        self.language = language
    }
}

/// A drawn cover and what is worth telling about it.
public struct Cover: Sendable {
    /// A baseline JPEG of `CoverArtist.size`.
    public var jpeg: Data
    /// E.g. the CJK font is missing and another one was used.
    public var warnings: [String]
}
