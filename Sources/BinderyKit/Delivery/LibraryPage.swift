import Foundation

/// The library as one plain HTML page for e-reader browsers (Kindle, Kobo,
/// PocketBook): no JavaScript, no web fonts, black on white for e-ink,
/// large tap targets, small cover thumbnails, a search form that is a plain
/// GET, and pages of `pageSize` books.
struct LibraryPage {
    let title: String
    let pageSize: Int

    enum Order: String { case newest, title }

    struct Request {
        var order: Order = .newest
        var query: String?
        var seriesID: String?
        var page = 1
    }

    /// The page's HTML; `nil` past the last page.
    func render(_ library: LibrarySnapshot, _ request: Request) -> Data? {
        var books = request.order == .title ? library.byTitle : library.newest
        var heading = request.order == .title ? "All books by title" : "Newest books"
        if let query = request.query, !query.isEmpty {
            books = library.search(query)
            heading = "Search: \(query)"
        } else if let id = request.seriesID {
            guard let group = library.series.first(where: { $0.id == id }) else { return nil }
            books = group.books
            heading = group.name
        }
        guard let page = CatalogPage(books, number: request.page, size: pageSize) else { return nil }
        var body: [Node] = [
            el("h1", [], [.text(title)]),
            el("form", [("action", CatalogPaths.htmlPage), ("method", "get")], [
                el("input", [("type", "text"), ("name", "q"), ("value", request.query ?? ""), ("aria-label", "Search")]),
                .text(" "),
                el("input", [("type", "submit"), ("value", "Search")]),
            ]),
            el("p", [("class", "nav")], [
                navigation("Newest", CatalogPaths.htmlPage, current: request.order == .newest && isPlainList(request)), .text(" · "),
                navigation("By title", CatalogPaths.withQuery(CatalogPaths.htmlPage, [("sort", "title")]),
                           current: request.order == .title && isPlainList(request)), .text(" · "),
                link("OPDS catalog", CatalogPaths.opdsRoot),
            ]),
            el("h2", [], [.text(heading + " (" + OPDSFeed.countText(page.total) + ")")]),
        ]
        if page.items.isEmpty {
            body.append(el("p", [], [.text(books.isEmpty && request.query == nil ? "No books yet: bind one with bindery epub --library." : "Nothing found.")]))
        }
        body.append(el("ul", [("class", "books")], page.items.map(item)))
        if page.count > 1 { body.append(pager(page, request)) }
        let html = el("html", [("lang", "en")], [
            el("head", [], [
                el("meta", [("charset", "utf-8")]),
                el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                el("title", [], [.text(title)]),
                el("style", [], [.text(Self.css)]),
            ]),
            el("body", [], body),
        ])
        var out = Array("<!DOCTYPE html>\n".utf8)
        XHTMLSerializer.write(html, into: &out)
        out.append(UInt8(ascii: "\n"))
        return Data(out)
    }

    private func item(_ book: LibraryEntry) -> Node {
        let info = book.info
        var children: [Node] = []
        let download = CatalogPaths.book(book)
        if let type = book.coverType {
            children.append(el("a", [("href", download)], [
                el("img", [("src", CatalogPaths.thumbnail(book, type: type)), ("alt", ""), ("class", "cover")]),
            ]))
        } else {
            // Same place as a cover, so every title starts at the same edge.
            children.append(el("a", [("href", download), ("class", "cover none")], [.text("EPUB")]))
        }
        var lines: [Node] = [el("a", [("href", download), ("class", "title")], [.text(info.title)])]
        var details = info.authors.joined(separator: ", ")
        if let published = info.published { details += (details.isEmpty ? "" : " · ") + published }
        if !details.isEmpty { lines.append(el("span", [("class", "meta")], [.text(details)])) }
        lines.append(el("span", [("class", "meta")], [
            .text("Series: "),
            link(info.seriesName, CatalogPaths.withQuery(CatalogPaths.htmlPage, [("series", LibrarySnapshot.seriesID(info.seriesName))])),
        ]))
        lines.append(el("a", [("href", download), ("class", "download")],
                        [.text("Download EPUB · " + ByteCount.format(book.stamp.size))]))
        children.append(el("div", [("class", "text")], lines))
        return el("li", [], children)
    }

    private func pager(_ page: CatalogPage<LibraryEntry>, _ request: Request) -> Node {
        func href(_ number: Int) -> String {
            CatalogPaths.withQuery(CatalogPaths.htmlPage, [
                ("q", request.query), ("series", request.seriesID),
                ("sort", request.order == .title ? "title" : nil), ("page", number == 1 ? nil : String(number)),
            ])
        }
        var children: [Node] = []
        if page.hasPrevious { children += [link("← Previous", href(page.number - 1)), .text(" ")] }
        children.append(.text("Page \(page.number) of \(page.count)"))
        if page.hasNext { children += [.text(" "), link("Next →", href(page.number + 1))] }
        return el("p", [("class", "pager")], children)
    }

    private func el(_ name: String, _ attributes: [(String, String)], _ children: [Node] = []) -> Node {
        XMLTree.element(name, attributes, children)
    }

    private func link(_ text: String, _ href: String) -> Node { el("a", [("href", href)], [.text(text)]) }

    /// The list being shown is bold text, the others links.
    private func navigation(_ text: String, _ href: String, current: Bool) -> Node {
        current ? el("strong", [], [.text(text)]) : link(text, href)
    }

    private func isPlainList(_ request: Request) -> Bool { (request.query ?? "").isEmpty && request.seriesID == nil }

    /// Black on white, no greys lighter than e-ink shows, no floats that
    /// break on narrow screens: each book is a row, the cover beside the text.
    static let css = """
        body{font-family:serif;font-size:1.15em;line-height:1.35;margin:0.6em;color:#000;background:#fff}
        h1{font-size:1.5em;margin:0.2em 0}
        h2{font-size:1.15em;margin:0.8em 0 0.3em;border-bottom:2px solid #000}
        a{color:#000}
        form{margin:0.4em 0}
        input{font-size:1em;padding:0.3em;border:2px solid #000;background:#fff;color:#000}
        input[type=text]{width:60%}
        .nav{margin:0.3em 0}
        .books{list-style:none;margin:0;padding:0}
        .books li{overflow:hidden;padding:0.6em 0;border-bottom:1px solid #000}
        .cover{float:left;width:5.5em;max-height:8.8em;margin-right:0.7em;border:1px solid #000}
        .none{height:3.5em;line-height:3.5em;text-align:center;text-decoration:none}
        .text{overflow:hidden}
        .title{display:block;font-weight:bold;font-size:1.1em;text-decoration:none}
        .meta{display:block;font-size:0.9em}
        .download{display:inline-block;margin-top:0.4em;padding:0.35em 0.7em;border:2px solid #000;text-decoration:none;font-weight:bold}
        .pager{text-align:center;font-size:1.1em;margin:1em 0}
        .pager a{padding:0.3em 0.6em;border:2px solid #000;text-decoration:none}
        """
}
