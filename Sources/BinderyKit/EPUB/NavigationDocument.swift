import Foundation

/// The EPUB 3 navigation document (EPUB 3.3 §7): a `toc` nav with the
/// chapters and their articles, and a `landmarks` nav.
enum NavigationDocument {
    /// `renderedContents`: `contentsNav(toc.entries, strings:)` made earlier, if any.
    static func render(_ toc: TableOfContents, title: String, strings: BookStrings, language: String, stylesheetHref: String,
                       renderedContents: [UInt8]?) -> Data {
        var landmarks: Node?
        if !toc.landmarks.isEmpty {
            // `hidden`: readers use landmarks for navigation, they need not be shown.
            landmarks = XMLTree.element("nav", [("epub:type", "landmarks"), ("id", "landmarks"), ("hidden", "hidden")], [
                XMLTree.element("ol", [], toc.landmarks.map { landmark in
                    XMLTree.element("li", [], [
                        XMLTree.element("a", [("epub:type", landmark.type), ("href", landmark.href)], text: landmark.title),
                    ])
                }),
            ])
        }
        return XHTMLPage(title: strings.contents, language: language, stylesheetHref: stylesheetHref, bodyClass: "contents")
            .render { out in
                out.append(contentsOf: renderedContents ?? contentsNav(toc.entries, strings: strings))
                if let landmarks { write(landmarks, into: &out) }
            }
    }

    /// The `toc` nav, as the body of the navigation document holds it: the
    /// larger part by far, and known before the pages are (it lists every
    /// article by its title in the digest), so `EPUBWriter` renders it early.
    static func contentsNav(_ entries: [TableOfContents.Entry], strings: BookStrings) -> [UInt8] {
        var out: [UInt8] = []
        write(XMLTree.element("nav", [("epub:type", "toc"), ("id", "toc")], [
            XMLTree.element("h1", text: strings.contents),
            list(entries),
        ]), into: &out)
        return out
    }

    /// Indented as written: an indented copy of a tree listing every article would double its memory.
    private static func write(_ block: Node, into out: inout [UInt8]) {
        XHTMLSerializer.write(block, into: &out, closingEveryEmptyElement: false, indentedFrom: 0)
        out.append(UInt8(ascii: "\n"))
    }

    private static func list(_ entries: [TableOfContents.Entry]) -> Node {
        XMLTree.element("ol", [], entries.map { entry in
            var item: [Node] = [XMLTree.element("a", [("href", entry.href)], text: entry.title)]
            if !entry.children.isEmpty { item.append(list(entry.children)) }
            return XMLTree.element("li", [], item)
        })
    }
}
