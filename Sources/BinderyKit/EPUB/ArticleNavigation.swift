/// The line of links that ends a page, as a newspaper's "continued on":
/// `‹ previous · section · next ›` under an article, `‹ contents · next
/// chapter ›` on a chapter page. Hrefs are relative to the page (all pages
/// share `text/`).
enum ArticleNavigation {
    struct Link {
        var text: String
        var href: String
        /// `prev` / `next` for readers that follow them.
        var rel: String?
    }

    /// The links of the article at `entry` of `plan`: the article before
    /// and after it in reading order (none at the book's ends) and its
    /// chapter page, at its source's section when the chapter is split.
    static func links(for entry: Int, in plan: BookPlan, strings: BookStrings) -> [Link] {
        let current = plan.entries[entry]
        let chapter = plan.chapters[current.chapter]
        var links: [Link] = []
        if entry > 0 { links.append(Link(text: strings.previous, href: fileName(plan.entries[entry - 1].href), rel: "prev")) }
        let section = chapter.sections[current.section]
        var label = chapter.heading
        var href = fileName(chapter.href)
        if let title = section.title, let anchor = section.anchor {
            label += strings.bylineSeparator + title
            href += "#" + anchor
        }
        links.append(Link(text: label, href: href, rel: nil))
        if entry + 1 < plan.entries.count {
            links.append(Link(text: strings.next, href: fileName(plan.entries[entry + 1].href), rel: "next"))
        }
        return links
    }

    /// `<div class="page-nav">` with the links set apart by ` · `;
    /// `language`: the book's, on a page in another language.
    static func node(_ links: [Link], separator: String, language: String? = nil) -> Node {
        var children: [Node] = []
        for link in links {
            if !children.isEmpty { children.append(.text(separator)) }
            var attributes = [("href", link.href)]
            if let rel = link.rel { attributes.append(("rel", rel)) }
            children.append(XMLTree.element("a", attributes, text: link.text))
        }
        let attributes = [("class", "page-nav")] + (language.map { [("lang", $0), ("xml:lang", $0)] } ?? [])
        return XMLTree.element("div", attributes, [XMLTree.element("p", [], children)])
    }

    /// `text/a00001.xhtml` → `a00001.xhtml`.
    static func fileName(_ href: String) -> String {
        href.hasPrefix("text/") ? String(href.dropFirst("text/".count)) : href
    }
}
