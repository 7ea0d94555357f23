import Foundation

/// Reads a feed document of any supported format into a `ParsedFeed`.
public enum FeedParser {
    /// Parses `data`, fetched from `url` with the HTTP `Content-Type`
    /// `contentType` (its `charset` is the first word on the encoding).
    ///
    /// - Throws: `FeedParseError` when nothing can be read or the document
    ///   is not RSS, Atom or JSON Feed. Ill-formed XML is not an error: it is
    ///   read as far as it goes and reported in `warnings`.
    public static func parse(_ data: Data, contentType: String? = nil, url: URL? = nil) throws -> ParsedFeed {
        let bytes = [UInt8](data)
        let charset = CharacterDecoding.charsetParameter(contentType)
        if looksLikeJSON(bytes) {
            let text = CharacterDecoding.decode(bytes, declared: [charset])
            let (title, siteLink, entries) = try JSONFeedReader.read(Data(text.text.utf8), feedURL: url)
            var warnings: [String] = []
            if text.replacements > 0 { warnings.append("\(plural(text.replacements, "byte")) invalid in \(text.encoding) replaced") }
            return ParsedFeed(format: .json, title: title, siteLink: siteLink, entries: entries, warnings: warnings)
        }

        let document = XMLDocumentParser.parse(bytes, httpCharset: charset, documentURL: url)
        guard let root = document.root else {
            throw FeedParseError.unreadable(document.errors.first ?? "no XML element in the document")
        }
        var warnings: [String] = []
        if !document.isWellFormed || document.repairs > 0 {
            var parts: [String] = []
            if document.errorCount > 0 {
                parts.append("\(plural(document.errorCount, "error")), first: \(document.errors[0])")
            }
            if document.repairs > 0 {
                parts.append("\(plural(document.repairs, "repair")) of undeclared entities, bare '&' or control characters")
            }
            warnings.append("ill-formed XML (\(parts.joined(separator: "; "))); read as far as it goes")
        }
        if document.invalidBytes > 0 {
            warnings.append("\(plural(document.invalidBytes, "byte")) invalid in \(document.encoding) replaced")
        }
        let read: (title: String?, siteLink: URL?, entries: [FeedEntry])
        let format: FeedFormat
        switch (root.name, root.namespace) {
        case ("rss", _):
            (format, read) = (.rss, RSSFeedReader.read(root, format: .rss))
        case ("RDF", FeedVocabulary.rdf.uri), ("rdf:RDF", nil):
            (format, read) = (.rdf, RSSFeedReader.read(root, format: .rdf))
        case ("feed", FeedVocabulary.atom.uri), ("feed", nil):
            (format, read) = (.atom, AtomFeedReader.read(root))
        default:
            throw FeedParseError.notAFeed("root element <\(root.name)>")
        }
        var entries = read.entries
        if !document.isWellFormed {
            (entries, warnings) = salvaged(entries, warnings: warnings, bytes: bytes, charset: charset, format: format, url: url)
            guard !entries.isEmpty else {
                throw FeedParseError.unreadable("ill-formed XML and no entry could be read (\(document.errors.first ?? ""))")
            }
        }
        return ParsedFeed(format: format, title: read.title, siteLink: read.siteLink, entries: entries, warnings: warnings)
    }

    /// The entries of an ill-formed feed: those of the whole-document
    /// reading, or, when reading entry by entry gives more complete ones,
    /// those (the whole-document reading's version where both have an
    /// entry, since it knows the feed's `xml:base`). The torn last entry
    /// of a cut-off download has neither link nor id, and is left out.
    private static func salvaged(_ read: [FeedEntry], warnings: [String], bytes: [UInt8], charset: String?,
                                 format: FeedFormat, url: URL?) -> ([FeedEntry], [String]) {
        var warnings = warnings
        func key(_ entry: FeedEntry) -> String? { entry.id ?? entry.link?.absoluteString }
        let whole = read.filter { key($0) != nil }
        var entries = whole
        let salvaged = EntrySalvage.entries(bytes, charset: charset, format: format, documentURL: url)
        if salvaged.count > whole.count {
            let known = Dictionary(whole.map { (key($0)!, $0) }, uniquingKeysWith: { first, _ in first })
            let salvagedKeys = Set(salvaged.compactMap(key))
            entries = salvaged.map { known[key($0)!] ?? $0 } + whole.filter { !salvagedKeys.contains(key($0)!) }
            warnings.append("\(plural(entries.count - whole.count, "more entry", "more entries")) recovered by reading entries one by one")
        }
        if read.count > whole.count {
            warnings.append("\(plural(read.count - whole.count, "torn entry", "torn entries")) without link or id left out")
        }
        return (entries, warnings)
    }

    /// `1 error`, `3 errors`.
    static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
    }

    private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let first = bytes[start...].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
