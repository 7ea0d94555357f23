import Foundation

/// Reads Atom 1.0 (RFC 4287): `<feed>` of `<entry>`s, text constructs of
/// type text, html or xhtml, links and content relative to `xml:base`.
enum AtomFeedReader {
    static func read(_ root: XMLElementNode) -> (title: String?, siteLink: URL?, entries: [FeedEntry]) {
        let title = root.child("title", in: .atom).flatMap(textConstructTitle)
        return (title, alternateLink(in: root), root.children("entry", in: .atom).map(entry))
    }

    static func entry(_ element: XMLElementNode) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = element.childText("id", in: .atom)
        entry.title = element.child("title", in: .atom).flatMap(textConstructTitle)
        entry.link = alternateLink(in: element)
        entry.published = FeedDate.parse(element.childText("published", in: .atom))
            ?? FeedDate.parse(element.childText("issued", in: .atom))
        entry.updated = FeedDate.parse(element.childText("updated", in: .atom))
            ?? FeedDate.parse(element.childText("modified", in: .atom))
        // RFC 4287 §4.1.3.2: content with `src` is elsewhere; the summary stands in.
        if let content = element.child("content", in: .atom), content.attribute("src") == nil {
            entry.contentHTML = textConstructHTML(content)
        }
        if let summary = element.child("summary", in: .atom) {
            entry.summaryHTML = textConstructHTML(summary)
        }
        entry.author = element.child("author", in: .atom)?.childText("name", in: .atom)
            ?? element.childText("creator", in: .dc)
        entry.imageURL = MediaImage.find(in: element)
            ?? element.children("link", in: .atom).first { link in
                link.attribute("rel") == "enclosure" && link.attribute("type")?.lowercased().hasPrefix("image/") == true
            }.flatMap { link in link.attribute("href").flatMap { URLReference.web($0, against: link.base) } }
        return entry
    }

    /// The `alternate` link (RFC 4287 §4.2.7.2: a link without `rel` is
    /// one), preferring HTML, resolved against the link's `xml:base`.
    static func alternateLink(in element: XMLElementNode) -> URL? {
        let links = element.children("link", in: .atom).filter { ($0.attribute("rel") ?? "alternate") == "alternate" }
        let preferred = links.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") } ?? links.first
        guard let link = preferred, let href = link.attribute("href") else { return nil }
        return URLReference.web(href, against: link.base)
    }

    /// A text construct (§3.1) as HTML, links made absolute.
    static func textConstructHTML(_ element: XMLElementNode) -> String? {
        let type = (element.attribute("type") ?? "text").lowercased()
        let html: String
        switch type {
        case "html", "text/html":
            html = element.text
        case "xhtml", "application/xhtml+xml":
            // The content is the single xhtml:div, which is not part of it.
            let div = element.elements.first { $0.name == "div" || $0.name.hasSuffix(":div") }
            html = FeedText.innerHTML(of: div ?? element)
        default:
            html = FeedText.html(fromText: element.text)
        }
        return RSSFeedReader.nonBlank(HTMLRebasing.absolutized(html, base: element.base))
    }

    private static func textConstructTitle(_ element: XMLElementNode) -> String? {
        switch (element.attribute("type") ?? "text").lowercased() {
        case "html", "text/html": return FeedText.title(element.text, isHTML: true)
        case "xhtml", "application/xhtml+xml": return FeedText.title(element.text, isHTML: false)
        default: return FeedText.title(element.text, isHTML: false)
        }
    }
}
