import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/).
/// URLs may be relative to the feed's own URL; ids that are numbers (a
/// common slip) are read as their decimal text.
enum JSONFeedReader {
    static func read(_ data: Data, feedURL: URL?) throws -> (title: String?, siteLink: URL?, entries: [FeedEntry]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw FeedParseError.unreadable("invalid JSON (\(Self.reason(error)))")
        }
        guard let feed = object as? [String: Any] else { throw FeedParseError.notAFeed("JSON that is not an object") }
        guard let version = feed["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw FeedParseError.notAFeed("JSON without a jsonfeed.org version")
        }
        let items = feed["items"] as? [Any] ?? []
        let siteLink = (feed["home_page_url"] as? String).flatMap { URLReference.web($0, against: feedURL) }
        let title = FeedText.title(feed["title"] as? String, isHTML: false)
        return (title, siteLink, items.compactMap { ($0 as? [String: Any]).map { entry($0, feedURL: feedURL) } })
    }

    static func entry(_ item: [String: Any], feedURL: URL?) -> FeedEntry {
        var entry = FeedEntry()
        if let id = item["id"] as? String {
            entry.id = id.isEmpty ? nil : id
        } else if let number = item["id"] as? NSNumber {
            entry.id = number.stringValue
        }
        entry.title = FeedText.title(item["title"] as? String, isHTML: false)
        entry.link = string(item, "url").flatMap { URLReference.web($0, against: feedURL) }
            ?? string(item, "external_url").flatMap { URLReference.web($0, against: feedURL) }
        entry.published = FeedDate.parse(string(item, "date_published"))
        entry.updated = FeedDate.parse(string(item, "date_modified"))
        if let html = string(item, "content_html") {
            entry.contentHTML = RSSFeedReader.nonBlank(HTMLRebasing.absolutized(html, base: feedURL))
        } else if let text = string(item, "content_text") {
            entry.contentHTML = RSSFeedReader.nonBlank(FeedText.html(fromText: text))
        }
        if let summary = string(item, "summary") {
            entry.summaryHTML = RSSFeedReader.nonBlank(FeedText.html(fromText: summary))
        }
        let authors = (item["authors"] as? [[String: Any]]) ?? (item["author"] as? [String: Any]).map { [$0] } ?? []
        let names = authors.compactMap { $0["name"] as? String }.filter { !$0.isEmpty }
        entry.author = names.isEmpty ? nil : names.joined(separator: ", ")
        entry.imageURL = (string(item, "image") ?? string(item, "banner_image")).flatMap { URLReference.web($0, against: feedURL) }
        return entry
    }

    private static func string(_ item: [String: Any], _ key: String) -> String? {
        guard let value = item[key] as? String, !value.isEmpty else { return nil }
        return FeedText.withoutControlCharacters(value)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
