import Foundation

/// Reads RSS 0.9x and 2.0 (`<rss><channel><item>`) and RSS 0.90/1.0
/// (`<rdf:RDF>` with `<item>`s beside the `<channel>`).
enum RSSFeedReader {
    static func read(_ root: XMLElementNode, format: FeedFormat) -> (title: String?, siteLink: URL?, entries: [FeedEntry]) {
        let channel = root.child("channel")
        var items = (channel?.children("item") ?? []) + root.children("item")
        if items.isEmpty, let channel { items = channel.descendants { $0.is("item") } }
        let siteLink = channel?.childText("link").flatMap { URLReference.web($0, against: channel?.base) }
        let title = FeedText.title(channel?.childText("title"), isHTML: nil)
        return (title, siteLink, items.map(entry))
    }

    static func entry(_ item: XMLElementNode) -> FeedEntry {
        var entry = FeedEntry()
        let guidElement = item.child("guid")
        entry.id = item.childText("guid") ?? item.attribute("about", namespace: FeedVocabulary.rdf.uri)
        entry.title = FeedText.title(item.childText("title"), isHTML: nil)

        // The link: <link>, an Atom link, then a guid that is a permalink
        // (RSS 2.0: isPermaLink defaults to true), then RSS 1.0's rdf:about.
        entry.link = item.childText("link").flatMap { URLReference.web($0, against: item.base) }
            ?? AtomFeedReader.alternateLink(in: item)
        if entry.link == nil, let guid = item.childText("guid"), guidElement?.attribute("isPermaLink")?.lowercased() != "false" {
            entry.link = URLReference.web(guid, against: item.base)
        }
        if entry.link == nil, let about = item.attribute("about", namespace: FeedVocabulary.rdf.uri) {
            entry.link = URLReference.web(about, against: item.base)
        }

        entry.published = FeedDate.parse(item.childText("pubDate")) ?? FeedDate.parse(item.childText("date", in: .dc))
            ?? FeedDate.parse(item.childText("published", in: .atom))
        entry.updated = FeedDate.parse(item.childText("updated", in: .atom)) ?? FeedDate.parse(item.childText("modified", in: .dc))

        if let encoded = item.child("encoded", in: .content) {
            entry.contentHTML = nonBlank(HTMLRebasing.absolutized(FeedText.innerHTML(of: encoded), base: encoded.base))
        }
        if let description = item.child("description") ?? item.child("summary", in: .atom) {
            entry.summaryHTML = nonBlank(HTMLRebasing.absolutized(FeedText.innerHTML(of: description), base: description.base))
        }
        entry.author = item.childText("creator", in: .dc) ?? item.childText("author").map(Self.authorName)
        entry.imageURL = MediaImage.find(in: item)
        return entry
    }

    /// RSS 2.0 `author` is an e-mail address, often `jane@example.com (Jane Doe)`.
    private static func authorName(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let name = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return text
    }

    static func nonBlank(_ text: String) -> String? {
        text.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) ? text : nil
    }
}

/// A picture a feed names beside the entry's text: Media RSS
/// `media:thumbnail` or `media:content medium="image"` (also inside
/// `media:group`), or an image `enclosure`.
enum MediaImage {
    static func find(in item: XMLElementNode) -> URL? {
        let groups = [item] + item.children("group", in: .media)
        for group in groups {
            for thumbnail in group.children("thumbnail", in: .media) {
                if let url = webURL(thumbnail.attribute("url"), thumbnail) { return url }
            }
            for content in group.children("content", in: .media) {
                let medium = content.attribute("medium")?.lowercased()
                let type = content.attribute("type")?.lowercased()
                guard medium == "image" || type?.hasPrefix("image/") == true else { continue }
                if let url = webURL(content.attribute("url"), content) { return url }
            }
        }
        for enclosure in item.children("enclosure") where enclosure.attribute("type")?.lowercased().hasPrefix("image/") == true {
            if let url = webURL(enclosure.attribute("url"), enclosure) { return url }
        }
        return nil
    }

    private static func webURL(_ value: String?, _ element: XMLElementNode) -> URL? {
        value.flatMap { URLReference.web($0, against: element.base) }
    }
}
