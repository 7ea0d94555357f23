import Foundation

/// OPDS 1.2 catalog documents (Atom, RFC 4287) for a library snapshot:
/// a navigation feed at the root, acquisition feeds for the newest books,
/// all books, each series and search results, paginated.
struct OPDSFeed {
    static let navigationType = "application/atom+xml;profile=opds-catalog;kind=navigation"
    static let acquisitionType = "application/atom+xml;profile=opds-catalog;kind=acquisition"
    static let acquisitionRel = "http://opds-spec.org/acquisition"
    static let imageRel = "http://opds-spec.org/image"
    static let thumbnailRel = "http://opds-spec.org/image/thumbnail"
    static let epubType = "application/epub+zip"

    let title: String
    let pageSize: Int

    /// The root: links to the acquisition feeds and the series.
    func root(_ library: LibrarySnapshot) -> Data {
        let updated = Self.latest(library.newest)
        let entries = [
            navigationEntry("Newest", id: "new", href: CatalogPaths.newest, type: Self.acquisitionType,
                            rel: "http://opds-spec.org/sort/new", summary: "Books by the time they were added, newest first", updated: updated),
            navigationEntry("All books", id: "all", href: CatalogPaths.all, type: Self.acquisitionType,
                            rel: "subsection", summary: "Every book, by title", updated: updated),
            navigationEntry("By series", id: "series", href: CatalogPaths.seriesList, type: Self.navigationType,
                            rel: "subsection", summary: "Books grouped by series or digest", updated: updated),
        ]
        return document(id: "root", title: title, updated: updated, selfLink: CatalogPaths.opdsRoot,
                        selfType: Self.navigationType, up: nil, extra: [], entries: entries)
    }

    /// A navigation feed with one entry per series.
    func seriesList(_ library: LibrarySnapshot) -> Data {
        let series = library.series
        let entries = series.map { group in
            navigationEntry(group.name, id: "series:" + group.id, href: CatalogPaths.series(group.id), type: Self.acquisitionType,
                            rel: "subsection", summary: Self.countText(group.books.count), updated: Self.latest(group.books))
        }
        return document(id: "series", title: "\(title) · by series", updated: Self.latest(library.newest),
                        selfLink: CatalogPaths.seriesList, selfType: Self.navigationType, up: CatalogPaths.opdsRoot,
                        extra: [], entries: entries)
    }

    /// An acquisition feed of `books`, page `page`; `nil` past the last page.
    /// `query`: the search terms, for search results (OpenSearch elements).
    func acquisition(_ books: [LibraryEntry], path: String, title feedTitle: String, page: Int,
                     query: String? = nil) -> Data? {
        guard let page = CatalogPage(books, number: page, size: pageSize) else { return nil }
        func link(_ number: Int) -> String {
            CatalogPaths.withQuery(path, [("q", query), ("page", number == 1 ? nil : String(number))])
        }
        var extra: [Node] = []
        if page.count > 1 {
            extra.append(linkElement("first", link(1), Self.acquisitionType))
            extra.append(linkElement("last", link(page.count), Self.acquisitionType))
        }
        if page.hasPrevious { extra.append(linkElement("previous", link(page.number - 1), Self.acquisitionType)) }
        if page.hasNext { extra.append(linkElement("next", link(page.number + 1), Self.acquisitionType)) }
        extra.append(XMLTree.element("opensearch:totalResults", text: String(page.total)))
        extra.append(XMLTree.element("opensearch:itemsPerPage", text: String(pageSize)))
        extra.append(XMLTree.element("opensearch:startIndex", text: String(page.startIndex)))
        if let query {
            extra.append(XMLTree.element("opensearch:Query", [("role", "request"), ("searchTerms", query)]))
        }
        return document(id: Self.feedID(link(page.number)), title: feedTitle, updated: Self.latest(books),
                        selfLink: link(page.number), selfType: Self.acquisitionType, up: CatalogPaths.opdsRoot,
                        extra: extra, entries: page.items.map(bookEntry))
    }

    // MARK: - Pieces

    private func document(id: String, title feedTitle: String, updated: Date, selfLink: String, selfType: String,
                          up: String?, extra: [Node], entries: [Node]) -> Data {
        var children: [Node] = [
            XMLTree.element("id", text: "urn:bindery:catalog:" + id),
            XMLTree.element("title", text: feedTitle),
            XMLTree.element("updated", text: W3CDateTime.utc(updated)),
            XMLTree.element("author", [], [XMLTree.element("name", text: "Bindery")]),
            linkElement("self", selfLink, selfType),
            linkElement("start", CatalogPaths.opdsRoot, Self.navigationType),
        ]
        if let up { children.append(linkElement("up", up, Self.navigationType)) }
        children.append(linkElement("search", CatalogPaths.openSearch, "application/opensearchdescription+xml", title: "Search titles"))
        children += extra
        children += entries
        return XMLTree.document(XMLTree.element("feed", [
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xmlns:dc", "http://purl.org/dc/terms/"),
            ("xmlns:opds", "http://opds-spec.org/2010/catalog"),
            ("xmlns:opensearch", "http://a9.com/-/spec/opensearch/1.1/"),
        ], children))
    }

    private func navigationEntry(_ entryTitle: String, id: String, href: String, type: String, rel: String,
                                 summary: String, updated: Date) -> Node {
        XMLTree.element("entry", [], [
            XMLTree.element("title", text: entryTitle),
            XMLTree.element("id", text: "urn:bindery:catalog:" + id),
            XMLTree.element("updated", text: W3CDateTime.utc(updated)),
            XMLTree.element("content", [("type", "text")], text: summary),
            linkElement(rel, href, type),
        ])
    }

    private func bookEntry(_ book: LibraryEntry) -> Node {
        let info = book.info
        var children: [Node] = [
            XMLTree.element("title", text: info.title),
            XMLTree.element("id", text: info.identifier ?? "urn:bindery:book:" + book.id),
            XMLTree.element("updated", text: W3CDateTime.utc(LibrarySnapshot.updated(book))),
        ]
        for author in info.authors { children.append(XMLTree.element("author", [], [XMLTree.element("name", text: author)])) }
        if let language = info.language { children.append(XMLTree.element("dc:language", text: language)) }
        if let published = info.published { children.append(XMLTree.element("dc:issued", text: published)) }
        children.append(XMLTree.element("category", [("term", info.seriesName), ("label", info.seriesName)]))
        // Atom wants content (or an alternate link) in every entry (RFC 4287 §4.1.1).
        let byline = info.authors.isEmpty ? info.title : info.title + " — " + info.authors.joined(separator: ", ")
        children.append(XMLTree.element("content", [("type", "text")], text: info.summary ?? byline))
        if let type = book.coverType {
            children.append(linkElement(Self.imageRel, CatalogPaths.cover(book, type: type), type.mediaType))
            children.append(linkElement(Self.thumbnailRel, CatalogPaths.thumbnail(book, type: type), type.mediaType))
        }
        children.append(XMLTree.element("link", [
            ("rel", Self.acquisitionRel), ("href", CatalogPaths.book(book)), ("type", Self.epubType),
            ("length", String(book.stamp.size)), ("title", book.fileName),
        ]))
        return XMLTree.element("entry", [], children)
    }

    private func linkElement(_ rel: String, _ href: String, _ type: String, title: String? = nil) -> Node {
        var attributes = [("rel", rel), ("href", href), ("type", type)]
        if let title { attributes.append(("title", title)) }
        return XMLTree.element("link", attributes)
    }

    /// The newest `updated` among `books`; the Unix epoch for none (never
    /// "now": the same folder gives the same feed).
    static func latest(_ books: [LibraryEntry]) -> Date {
        books.map(LibrarySnapshot.updated).max() ?? Date(timeIntervalSince1970: 0)
    }

    static func countText(_ count: Int) -> String { count == 1 ? "1 book" : "\(count) books" }

    /// A feed id from its path: stable, and free of characters a URN must escape.
    static func feedID(_ path: String) -> String { String(SHA256.hexDigest(path).prefix(16)) }
}
